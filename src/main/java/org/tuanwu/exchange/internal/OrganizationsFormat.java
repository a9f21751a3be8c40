package org.tuanwu.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Permission;
import org.tuanwu.organization.OrgImport;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * The {@code organizations} template of docs/exchange.md (团组织): one row per org, referred
 * to by codes.
 */
@Component
class OrganizationsFormat implements ExchangeFormat {

	static final Column CODE = new Column("code", "组织编码", true, "必填，唯一");

	static final Column NAME = new Column("name", "组织名称", true, "必填");

	static final Column PARENT = new Column("parent_code", "上级组织编码", true, "除顶级组织外必填；须在本文件或系统中存在");

	static final Column KIND = new Column("kind", "组织类别", true, "见“可选值”");

	static final Column SECTOR = new Column("sector", "所属领域", false, "见“可选值”；空为“其他”");

	static final Column ESTABLISHED = new Column("established_on", "成立日期", false, "日期 yyyy-MM-dd");

	static final Column ELECTION = new Column("last_election_on", "最近换届日期", false, "日期 yyyy-MM-dd");

	static final Column TERM = new Column("term_years", "届期(年)", false, "1–5；空为组织类别的默认届期");

	static final Column YOUTH = new Column("resident_youth", "14至35岁常住青年数", false, "整数 ≥ 0（县、乡镇级）");

	static final Column POPULATION = new Column("registered_pop_6_35", "6至35岁户籍人口数", false, "整数 ≥ 0");

	static final Column DISSOLVED = new Column("dissolved_on", "撤销日期", false, "日期 yyyy-MM-dd，可空");

	static final Column COMMITTEE = new Column("youth_work_committee", "已成立青年工作委员会", false, "是/否（乡镇、街道）");

	static final List<Column> COLUMNS = List.of(CODE, NAME, PARENT, KIND, SECTOR, ESTABLISHED, ELECTION, TERM, YOUTH,
			POPULATION, DISSOLVED, COMMITTEE);

	static final List<String> KINDS = Arrays.stream(OrgKind.values()).map(OrgKind::label).toList();

	static final List<String> SECTORS = Arrays.stream(Sector.values()).map(Sector::label).toList();

	static final List<String> BOOLEANS = List.of("是", "否");

	private final OrganizationManagement orgs;

	OrganizationsFormat(OrganizationManagement orgs) {
		this.orgs = orgs;
	}

	@Override
	public String type() {
		return "organizations";
	}

	@Override
	public String title() {
		return "团组织";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<?> sampleRow() {
		return Arrays.asList("X0101", "共青团示例镇委员会", "X01", OrgKind.TOWNSHIP_COMMITTEE.label(), Sector.TOWNSHIP.label(),
				LocalDate.of(2018, 5, 4), LocalDate.of(2023, 5, 4), 3, 1200, 3000, null, "是");
	}

	@Override
	public Map<String, List<String>> allowedValues() {
		Map<String, List<String>> m = new LinkedHashMap<>();
		m.put(KIND.header(), KINDS);
		m.put(SECTOR.header(), SECTORS);
		m.put(COMMITTEE.header(), BOOLEANS);
		return m;
	}

	@Override
	public void checkExport(Actor actor, Optional<Long> under) {
		actor.require(Permission.EXCHANGE_EXPORT);
		under.ifPresent(id -> orgs.get(actor, id));
	}

	@Override
	public void export(Actor actor, Optional<Long> under, boolean includeDissolved, Consumer<List<?>> rows) {
		orgs.export(actor, under, includeDissolved, r -> rows.accept(row(r)));
	}

	static List<?> row(OrgRecord r) {
		return Arrays.asList(r.code(), r.name(), r.parentCode().orElse(""), r.kind().label(), r.sector().label(),
				r.establishedOn().orElse(null), r.lastElectionOn().orElse(null), r.termYears().orElse(null),
				r.residentYouth().orElse(null), r.registeredPop635().orElse(null), r.dissolvedOn().orElse(null),
				r.youthWorkCommittee().map(b -> b ? "是" : "否").orElse(null));
	}

	@Override
	public Batch batch() {
		return new Rows();
	}

	private final class Rows implements Batch {

		final List<OrgImport.Row> parsed = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

		/**
		 * Codes of rows refused while parsing: a child naming one as parent is not told
		 * the parent is missing.
		 */
		final Set<String> refusedCodes = new HashSet<>();

		int count;

		@Override
		public void add(int row, Map<Column, Cell> cells) {
			count++;
			RowValues v = new RowValues(row, cells, errors);
			String code = v.required(CODE);
			String name = v.required(NAME);
			Optional<String> parent = v.text(PARENT);
			Optional<OrgKind> kind = v.choice(KIND, OrgKind::fromLabel, KINDS);
			if (kind.isEmpty() && v.text(KIND).isEmpty()) {
				v.error(KIND, "", Text.of("{0}不能为空", "\"{0}\" (the org kind) cannot be empty", KIND.header()));
			}
			Sector sector = v.choice(SECTOR, Sector::fromLabel, SECTORS).orElse(Sector.OTHER);
			var established = v.date(ESTABLISHED);
			var election = v.date(ELECTION);
			var term = v.integer(TERM);
			var youth = v.integer(YOUTH);
			var population = v.integer(POPULATION);
			var dissolved = v.date(DISSOLVED);
			var committee = v.bool(COMMITTEE);
			if (v.bad() || kind.isEmpty()) {
				if (!code.isEmpty()) {
					refusedCodes.add(code);
				}
				return;
			}
			parsed.add(new OrgImport.Row(row, new OrgRecord(code, name, parent, kind.get(), sector, established,
					election, term, youth, population, dissolved, committee)));
		}

		@Override
		public int rows() {
			return count;
		}

		@Override
		public ImportReport apply(Actor actor, List<RowError> fileErrors) {
			List<RowError> earlier = new ArrayList<>(fileErrors);
			earlier.addAll(errors);
			ImportOutcome outcome = orgs.importOrganizations(actor, parsed, earlier);
			List<RowError> all = named(outcome.errors()).stream()
				.filter(e -> !(e.field().equals(PARENT.key()) && refusedCodes.contains(e.value())
						&& e.why().zh().contains("不存在")))
				.toList();
			return new ImportReport(count, outcome.created(), outcome.updated(), outcome.unchanged(), all);
		}

	}

}
