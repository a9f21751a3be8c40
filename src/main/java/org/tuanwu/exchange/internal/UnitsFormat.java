package org.tuanwu.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Permission;

import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.UnitRecord;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.organization.UnitType;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * The {@code units} template of docs/exchange.md (单位台账): one row per unit, orgs referred
 * to by codes.
 */
@Component
class UnitsFormat implements ExchangeFormat {

	static final Column CODE = new Column("code", "单位编码", true, "必填，唯一");

	static final Column NAME = new Column("name", "单位名称", true, "必填");

	static final Column TYPE = new Column("type", "单位类型", true, "见“可选值”");

	static final Column RESPONSIBLE = new Column("responsible_org_code", "属地团组织编码", true, "负责覆盖该单位的乡镇或县级团组织");

	static final Column ABOVE_SCALE = new Column("above_scale", "规模以上", false, "是/否（企业）");

	static final Column MEETS = new Column("meets_conditions", "符合建团条件", false, "是/否");

	static final Column PARTY = new Column("has_party_org", "已建党组织", false, "是/否");

	static final Column LEAGUE = new Column("league_org_code", "所建团组织编码", false, "未建为空；可为联合团支部");

	static final Column STANDALONE = new Column("standalone", "单独设立团组织", false, "是/否（学校）");

	static final Column LEAGUE_SCHOOL = new Column("has_league_school", "建有团校", false, "是/否（学校）");

	static final Column STUDENTS = new Column("students", "在校学生数", false, "整数（学校）");

	static final Column LINKED = new Column("linked_on", "建立或联系日期", false, "日期 yyyy-MM-dd（青年社团）");

	static final Column LED = new Column("led_directly", "团委直接主导主办", false, "是/否（青年社团）");

	static final List<Column> COLUMNS = List.of(CODE, NAME, TYPE, RESPONSIBLE, ABOVE_SCALE, MEETS, PARTY, LEAGUE,
			STANDALONE, LEAGUE_SCHOOL, STUDENTS, LINKED, LED);

	static final List<String> TYPES = Arrays.stream(UnitType.values()).map(UnitType::label).toList();

	private final UnitRegister units;

	private final OrganizationManagement orgs;

	UnitsFormat(UnitRegister units, OrganizationManagement orgs) {
		this.units = units;
		this.orgs = orgs;
	}

	@Override
	public String type() {
		return "units";
	}

	@Override
	public String title() {
		return "单位台账";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<?> sampleRow() {
		return Arrays.asList("X0101-V001", "示例镇安平村", UnitType.VILLAGE.label(), "X0101", null, "是", "是", "X0101.V001",
				null, null, null, null, null);
	}

	@Override
	public Map<String, List<String>> allowedValues() {
		Map<String, List<String>> m = new LinkedHashMap<>();
		m.put(TYPE.header(), TYPES);
		for (Column c : List.of(ABOVE_SCALE, MEETS, PARTY, STANDALONE, LEAGUE_SCHOOL, LED)) {
			m.put(c.header(), OrganizationsFormat.BOOLEANS);
		}
		return m;
	}

	@Override
	public void checkExport(Actor actor, Optional<Long> under) {
		actor.require(Permission.EXCHANGE_EXPORT);
		under.ifPresent(id -> orgs.get(actor, id));
	}

	@Override
	public void export(Actor actor, Optional<Long> under, boolean includeDissolved, Consumer<List<?>> rows) {
		units.export(actor, under, r -> rows.accept(row(r)));
	}

	static List<?> row(UnitRecord r) {
		return Arrays.asList(r.code(), r.name(), r.type().label(), r.responsibleOrgCode(), yesNo(r.aboveScale()),
				yesNo(r.meetsConditions()), yesNo(r.hasPartyOrg()), r.leagueOrgCode().orElse(""), yesNo(r.standalone()),
				yesNo(r.hasLeagueSchool()), r.students().orElse(null), r.linkedOn().orElse(null),
				yesNo(r.ledDirectly()));
	}

	private static String yesNo(Optional<Boolean> b) {
		return b.map(v -> v ? "是" : "否").orElse(null);
	}

	@Override
	public Batch batch() {
		return new Rows();
	}

	private final class Rows implements Batch {

		final List<UnitRegister.ImportRow> parsed = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

		int count;

		@Override
		public void add(int row, Map<Column, Cell> cells) {
			count++;
			RowValues v = new RowValues(row, cells, errors);
			String code = v.required(CODE);
			String name = v.required(NAME);
			Optional<UnitType> type = v.choice(TYPE, UnitType::fromLabel, TYPES);
			if (type.isEmpty() && v.text(TYPE).isEmpty()) {
				v.error(TYPE, "", Text.of("{0}不能为空", "\"{0}\" (the unit type) cannot be empty", TYPE.header()));
			}
			String responsible = v.required(RESPONSIBLE);
			var aboveScale = v.bool(ABOVE_SCALE);
			var meets = v.bool(MEETS);
			var party = v.bool(PARTY);
			var league = v.text(LEAGUE);
			var standalone = v.bool(STANDALONE);
			var leagueSchool = v.bool(LEAGUE_SCHOOL);
			var students = v.integer(STUDENTS);
			LocalDate linked = v.date(LINKED).orElse(null);
			var led = v.bool(LED);
			if (v.bad() || type.isEmpty()) {
				return;
			}
			parsed.add(new UnitRegister.ImportRow(row, new UnitRecord(code, name, type.get(), responsible, aboveScale,
					meets, party, league, standalone, leagueSchool, students, Optional.ofNullable(linked), led)));
		}

		@Override
		public int rows() {
			return count;
		}

		@Override
		public ImportReport apply(Actor actor, List<RowError> fileErrors) {
			List<RowError> earlier = new ArrayList<>(fileErrors);
			earlier.addAll(errors);
			ImportOutcome outcome = units.importUnits(actor, parsed, earlier);
			return new ImportReport(count, outcome.created(), outcome.updated(), outcome.unchanged(),
					named(outcome.errors()));
		}

	}

}
