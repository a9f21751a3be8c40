package org.tuanwu.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDetail.OrgRef;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.UnitDraft;
import org.tuanwu.organization.UnitRecord;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.organization.UnitSearch;
import org.tuanwu.organization.UnitType;
import org.tuanwu.organization.UnitView;
import org.tuanwu.organization.internal.UnitStore.UnitFields;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * The units register. Scope is decided by the responsible org's path; the league org,
 * when named, must lie in the actor's scope too. Writes and their audit entries share one
 * transaction.
 */
@Service
@Transactional(readOnly = true)
class UnitService implements UnitRegister {

	/**
	 * The exchange keys of the {@code units} format that this module reports errors on.
	 */
	static final String K_CODE = "code";

	static final String K_RESPONSIBLE = "responsible_org_code";

	static final String K_LEAGUE = "league_org_code";

	private final UnitStore units;

	private final OrgStore orgs;

	private final OrganizationManagement tree;

	private final AuditLog audit;

	private final Clock clock;

	UnitService(UnitStore units, OrgStore orgs, OrganizationManagement tree, AuditLog audit, Clock clock) {
		this.units = units;
		this.orgs = orgs;
		this.tree = tree;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Page<UnitView> search(Actor actor, String query, Optional<UnitType> type, Optional<Long> under,
			Optional<Boolean> covered, int page, int size) {
		return search(actor, UnitSearch.of(query, type, under, covered, page, size));
	}

	@Override
	public Page<UnitView> search(Actor actor, UnitSearch s) {
		actor.require(Permission.ORG_READ);
		Optional<OrgRow> under = s.under().map(id -> visibleOrg(actor, id));
		Scope within = under.map(UnitService::subtree).orElse(actor.scope());
		if (s.township().isPresent()) {
			OrgRow township = visibleOrg(actor, s.township().get());
			if (!isTownship(township.kind())) {
				throw Problem.badRequest("unit.not-a-township", Text.of("{0} 不是乡镇团委或街道团工委",
						"{0} is not a township committee or a street work committee", township.name()));
			}
			if (!within.covers(township.path())) {
				return new Page<>(List.of(), 0, s.page(), s.size(), true);
			}
			within = subtree(township);
		}
		LocalDate today = LocalDate.now(clock);
		UnitStore.SearchResult result = units.search(within, s.query(), s.type(), s.covered(),
				new UnitStore.Flags(s.aboveScale(), s.meetsConditions(), s.hasPartyOrg()), today, s.page(), s.size());
		return new Page<>(views(result.items(), today), result.total(), s.page(), s.size(), result.totalExact());
	}

	private static boolean isTownship(OrgKind kind) {
		return kind == OrgKind.TOWNSHIP_COMMITTEE || kind == OrgKind.STREET_WORK_COMMITTEE;
	}

	@Override
	public UnitView get(Actor actor, long unitId) {
		actor.require(Permission.ORG_READ);
		return views(List.of(visible(actor, unitId)), LocalDate.now(clock)).get(0);
	}

	@Override
	@Transactional
	public UnitView foundLeagueOrg(Actor actor, long unitId, long parentId, OrgDraft draft, int expectedVersion) {
		actor.require(Permission.ORG_WRITE);
		UnitRow unit = visible(actor, unitId);
		LocalDate today = LocalDate.now(clock);
		if (CoveragePolicy.covered(unit.leagueOrgId().isPresent(), unit.leagueEstablishedOn(), unit.leagueDissolvedOn(),
				today)) {
			throw Problem.conflict("unit.already-covered",
					Text.of("该单位已由 {0} {1} 覆盖，无需再建团", "The unit is already covered by {0} {1}: no new org is needed",
							unit.leagueCode().orElse(""), unit.leagueName().orElse("")));
		}
		if (unit.version() != expectedVersion) {
			throw Problem.conflict("record.stale",
					Text.of("该单位已被他人修改，请刷新后重试", "Someone else changed this unit: reload and try again"));
		}
		// The org's own rules (scope, kind under the parent, active parent, code) decide;
		// the same transaction links the unit, so either both happen or neither.
		OrgDetail org = tree.create(actor, parentId, draft);
		if (units.linkLeagueOrg(unitId, org.id(), expectedVersion, clock.instant()) != 1) {
			throw Problem.conflict("record.stale",
					Text.of("该单位已被他人修改，请刷新后重试", "Someone else changed this unit: reload and try again"));
		}
		UnitRow after = units.find(Scope.ALL, unitId).orElseThrow();
		audit.record(actor,
				new AuditEntry("UNIT_UPDATED", Optional.of(after.responsibleOrgId()), "UNIT", after.code(),
						"建团：单位 " + after.code() + " " + after.name() + " 建立团组织 " + org.code() + " " + org.name(),
						changes(Optional.of(record(unit)), record(after))));
		return views(List.of(after), today).get(0);
	}

	@Override
	@Transactional
	public UnitView create(Actor actor, UnitDraft draft) {
		actor.require(Permission.ORG_WRITE);
		UnitRecord after = checkDraft(actor, draft);
		units.findByCodeAnywhere(draft.code().strip()).ifPresent(taken -> {
			Text message = actor.scope().covers(taken.responsiblePath()) ? Text.of("单位编码 {0} 已是 {1} 的编码，请换一个编码",
					"The unit code {0} is already the code of {1}: choose another code", taken.code(), taken.name())
					: codeUnavailable(taken.code());
			throw new Problem(409, "unit.duplicate-code", message,
					List.of(Map.of("field", "code", "message", message)));
		});
		units.insertAll(List.of(fields(draft)), clock.instant());
		UnitRow row = units.findByCodeAnywhere(after.code()).orElseThrow();
		audit.record(actor, new AuditEntry("UNIT_CREATED", Optional.of(row.responsibleOrgId()), "UNIT", row.code(),
				"新建单位 " + row.code() + " " + row.name(), changes(Optional.empty(), after)));
		return views(List.of(row), LocalDate.now(clock)).get(0);
	}

	@Override
	@Transactional
	public UnitView update(Actor actor, long unitId, UnitDraft draft, int expectedVersion) {
		actor.require(Permission.ORG_WRITE);
		UnitRow before = visible(actor, unitId);
		UnitRecord after = checkDraft(actor, draft);
		if (!before.code().equals(after.code())) {
			throw FieldError.invalid("unit.code-immutable", Map.of("code", Text.of("单位编码不能修改（它是导入导出时识别单位的依据）",
					"The unit code cannot change (imports and exports identify the unit by it)")));
		}
		if (before.version() != expectedVersion
				|| units.updateAll(List.of(fields(draft)), Optional.of(expectedVersion), clock.instant()) != 1) {
			throw Problem.conflict("record.stale",
					Text.of("该单位已被他人修改，请刷新后重试", "Someone else changed this unit: reload and try again"));
		}
		audit.record(actor, new AuditEntry("UNIT_UPDATED", Optional.of(draft.responsibleOrgId()), "UNIT", before.code(),
				"修改单位 " + before.code() + " " + after.name(), changes(Optional.of(record(before)), after)));
		return views(List.of(units.findByCodeAnywhere(before.code()).orElseThrow()), LocalDate.now(clock)).get(0);
	}

	@Override
	@Transactional
	public void delete(Actor actor, long unitId) {
		actor.require(Permission.ORG_WRITE);
		UnitRow before = visible(actor, unitId);
		if (units.delete(unitId, before.version()) != 1) {
			throw Problem.conflict("record.stale",
					Text.of("该单位已被他人修改，请刷新后重试", "Someone else changed this unit: reload and try again"));
		}
		UnitRecord gone = record(before);
		List<Change> changes = changes(Optional.empty(), gone).stream()
			.map(c -> new Change(c.field(), c.after(), ""))
			.toList();
		audit.record(actor, new AuditEntry("UNIT_DELETED", Optional.of(before.responsibleOrgId()), "UNIT",
				before.code(), "删除单位 " + before.code() + " " + before.name(), changes));
	}

	@Override
	@Transactional
	public ImportOutcome importUnits(Actor actor, List<ImportRow> rows, List<RowError> earlierErrors) {
		actor.require(Permission.EXCHANGE_IMPORT);
		List<RowError> errors = new ArrayList<>(earlierErrors);
		Map<String, ImportRow> byCode = new LinkedHashMap<>();
		Set<String> orgCodes = new HashSet<>();
		LocalDate today = LocalDate.now(clock);
		for (ImportRow row : rows) {
			UnitRecord r = row.record();
			FieldRules.unitErrors(r.code(), r.name(), r.students(), r.linkedOn(), today)
				.forEach((rule, reason) -> errors.add(RowError.of(row.number(), rule.key(), valueOf(r, rule), reason)));
			ImportRow first = byCode.putIfAbsent(r.code(), row);
			if (first != null) {
				errors.add(RowError.of(row.number(), K_CODE, r.code(), Text.of("单位编码在文件中重复（第 {0} 行已有）",
						"The unit code appears twice in the file (row {0} has it already)", first.number())));
			}
			orgCodes.add(r.responsibleOrgCode());
			r.leagueOrgCode().ifPresent(orgCodes::add);
		}
		Map<String, OrgRow> orgByCode = new HashMap<>();
		orgs.findByCodesAnywhere(orgCodes).forEach(o -> orgByCode.put(o.code(), o));
		Map<String, UnitRow> existing = units.findByCodesAnywhere(byCode.keySet());
		Scope scope = actor.scope();
		for (ImportRow row : byCode.values()) {
			UnitRecord r = row.record();
			UnitRow old = existing.get(r.code());
			if (old != null && !scope.covers(old.responsiblePath())) {
				// Taken by a unit the caller cannot see: say so without saying where.
				errors.add(RowError.of(row.number(), K_CODE, r.code(), codeUnavailable(r.code())));
				continue;
			}
			OrgRow responsible = orgByCode.get(r.responsibleOrgCode());
			if (responsible == null || !scope.covers(responsible.path())) {
				errors.add(RowError.of(row.number(), K_RESPONSIBLE, r.responsibleOrgCode(),
						Text.of("属地团组织编码 {0} 不存在或不在您的管理范围内",
								"The responsible org code {0} does not exist or is outside your scope",
								r.responsibleOrgCode())));
			}
			r.leagueOrgCode().ifPresent(code -> {
				OrgRow league = orgByCode.get(code);
				if (league == null || !scope.covers(league.path())) {
					errors.add(RowError.of(row.number(), K_LEAGUE, code, Text.of("所建团组织编码 {0} 不存在或不在您的管理范围内",
							"The league org code {0} does not exist or is outside your scope", code)));
				}
			});
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(RowError::row));
			return ImportOutcome.refusedWith(errors);
		}
		List<UnitFields> inserts = new ArrayList<>();
		List<UnitFields> updates = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		int unchanged = 0;
		for (ImportRow row : byCode.values()) {
			UnitRecord r = normalized(row.record());
			OrgRow responsible = orgByCode.get(r.responsibleOrgCode());
			UnitFields f = new UnitFields(r.code(), r.name(), r.type(), responsible.id(),
					r.leagueOrgCode().map(c -> orgByCode.get(c).id()), r.aboveScale(), r.meetsConditions(),
					r.hasPartyOrg(), r.standalone(), r.hasLeagueSchool(), r.students(), r.linkedOn(), r.ledDirectly());
			UnitRow old = existing.get(r.code());
			if (old == null) {
				inserts.add(f);
				entries.add(new AuditEntry("UNIT_CREATED", Optional.of(responsible.id()), "UNIT", r.code(),
						"导入新建单位 " + r.code() + " " + r.name(), changes(Optional.empty(), r)));
				continue;
			}
			List<Change> changes = changes(Optional.of(record(old)), r);
			if (changes.isEmpty()) {
				unchanged++;
				continue;
			}
			updates.add(f);
			entries.add(new AuditEntry("UNIT_UPDATED", Optional.of(responsible.id()), "UNIT", r.code(),
					"导入修改单位 " + r.code() + " " + r.name(), changes));
		}
		Instant now = clock.instant();
		units.insertAll(inserts, now);
		if (units.updateAll(updates, Optional.empty(), now) != updates.size()) {
			throw Problem.conflict("record.stale", Text.of("导入期间有单位被他人修改，导入已取消，请重新导入",
					"Someone else changed a unit during the import: the import was cancelled; import again"));
		}
		audit.recordAll(actor, entries);
		return new ImportOutcome(inserts.size(), updates.size(), unchanged, List.of());
	}

	@Override
	public void export(Actor actor, Optional<Long> under, Consumer<UnitRecord> sink) {
		actor.require(Permission.EXCHANGE_EXPORT);
		Scope within = under.map(id -> subtree(visibleOrg(actor, id))).orElse(actor.scope());
		units.forEachInSubtree(within, u -> sink.accept(record(u)));
	}

	// ---------------------------------------------------------------- helpers

	private UnitRow visible(Actor actor, long unitId) {
		return units.find(actor.scope(), unitId)
			.orElseThrow(() -> Problem.notFound("unit.not-found",
					Text.of("单位不存在或不在您的管理范围内", "No such unit, or it is outside your scope")));
	}

	private OrgRow visibleOrg(Actor actor, long orgId) {
		return orgs.find(actor.scope(), orgId)
			.orElseThrow(() -> Problem.notFound("org.not-found",
					Text.of("组织不存在或不在您的管理范围内", "No such org, or it is outside your scope")));
	}

	private static Scope subtree(OrgRow org) {
		return Scope.of(org.id(), org.path());
	}

	private static Text codeUnavailable(String code) {
		return Text.of("单位编码 {0} 不可用，请换一个编码", "The unit code {0} cannot be used: choose another code", code);
	}

	/** Checks the form; answers the unit in exchange form (orgs by code). */
	private UnitRecord checkDraft(Actor actor, UnitDraft d) {
		Map<String, Text> errors = FieldRules
			.byFormField(FieldRules.unitErrors(d.code(), d.name(), d.students(), d.linkedOn(), LocalDate.now(clock)));
		Optional<OrgRow> responsible = orgs.find(actor.scope(), d.responsibleOrgId());
		if (responsible.isEmpty()) {
			errors.put("responsibleOrgId",
					Text.of("属地团组织不存在或不在您的管理范围内", "The responsible org does not exist or is outside your scope"));
		}
		Optional<OrgRow> league = d.leagueOrgId().flatMap(id -> orgs.find(actor.scope(), id));
		if (d.leagueOrgId().isPresent() && league.isEmpty()) {
			errors.put("leagueOrgId",
					Text.of("所建团组织不存在或不在您的管理范围内", "The league org does not exist or is outside your scope"));
		}
		if (!errors.isEmpty()) {
			throw FieldError.invalid("unit.invalid", errors);
		}
		return normalized(new UnitRecord(d.code(), d.name(), d.type(), responsible.get().code(), d.aboveScale(),
				d.meetsConditions(), d.hasPartyOrg(), league.map(OrgRow::code), d.standalone(), d.hasLeagueSchool(),
				d.students(), d.linkedOn(), d.ledDirectly()));
	}

	private static String valueOf(UnitRecord r, FieldRules.FieldRule rule) {
		return switch (rule.key()) {
			case "code" -> r.code();
			case "name" -> r.name();
			case "students" -> r.students().map(String::valueOf).orElse("");
			default -> r.linkedOn().map(String::valueOf).orElse("");
		};
	}

	private static UnitRecord normalized(UnitRecord r) {
		return new UnitRecord(r.code().strip(), r.name().strip(), r.type(), r.responsibleOrgCode(), r.aboveScale(),
				r.meetsConditions(), r.hasPartyOrg(), r.leagueOrgCode(), r.standalone(), r.hasLeagueSchool(),
				r.students(), r.linkedOn(), r.ledDirectly());
	}

	private static UnitFields fields(UnitDraft d) {
		return new UnitFields(d.code().strip(), d.name().strip(), d.type(), d.responsibleOrgId(), d.leagueOrgId(),
				d.aboveScale(), d.meetsConditions(), d.hasPartyOrg(), d.standalone(), d.hasLeagueSchool(), d.students(),
				d.linkedOn(), d.ledDirectly());
	}

	static UnitRecord record(UnitRow u) {
		return new UnitRecord(u.code(), u.name(), u.type(), u.responsibleCode(), u.aboveScale(), u.meetsConditions(),
				u.hasPartyOrg(), u.leagueCode(), u.standalone(), u.hasLeagueSchool(), u.students(), u.linkedOn(),
				u.ledDirectly());
	}

	/**
	 * The views of a page of units, with each one's township (the 乡镇/街道 org at or above
	 * its responsible org) read in one query for the page.
	 */
	private List<UnitView> views(List<UnitRow> rows, LocalDate today) {
		Set<Long> ids = new HashSet<>();
		rows.forEach(u -> ids.addAll(pathIds(u.responsiblePath())));
		Map<Long, OrgRow> byId = new HashMap<>();
		orgs.findByIdsAnywhere(ids).forEach(o -> byId.put(o.id(), o));
		return rows.stream().map(u -> {
			List<Long> path = pathIds(u.responsiblePath());
			Optional<OrgRef> township = Optional.empty();
			for (int i = path.size() - 1; i >= 0 && township.isEmpty(); i--) {
				OrgRow o = byId.get(path.get(i));
				if (o != null && isTownship(o.kind())) {
					township = Optional.of(new OrgRef(o.id(), o.code(), o.name()));
				}
			}
			return view(u, today, township);
		}).toList();
	}

	private static List<Long> pathIds(String path) {
		return java.util.Arrays.stream(path.substring(1).split("/")).map(Long::valueOf).toList();
	}

	static UnitView view(UnitRow u, LocalDate today, Optional<OrgRef> township) {
		Optional<OrgRef> league = u.leagueOrgId()
			.map(id -> new OrgRef(id, u.leagueCode().orElse(""), u.leagueName().orElse("")));
		boolean covered = CoveragePolicy.covered(league.isPresent(), u.leagueEstablishedOn(), u.leagueDissolvedOn(),
				today);
		return new UnitView(u.id(), u.code(), u.name(), u.type(),
				new OrgRef(u.responsibleOrgId(), u.responsibleCode(), u.responsibleName()), u.aboveScale(),
				u.meetsConditions(), u.hasPartyOrg(), league, u.standalone(), u.hasLeagueSchool(), u.students(),
				u.linkedOn(), u.ledDirectly(), covered, u.version(), u.leagueDissolvedOn(), township);
	}

	/** The fields that differ, in exchange form (orgs by code), for the audit log. */
	static List<Change> changes(Optional<UnitRecord> before, UnitRecord after) {
		Map<String, String> b = before.map(UnitService::fieldsOf).orElse(Map.of());
		List<Change> changes = new ArrayList<>();
		fieldsOf(after).forEach((field, value) -> {
			String old = b.getOrDefault(field, "");
			if (!old.equals(value)) {
				changes.add(new Change(field, old, value));
			}
		});
		return changes;
	}

	private static Map<String, String> fieldsOf(UnitRecord r) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("name", r.name());
		m.put("type", r.type().name());
		m.put("responsibleOrg", r.responsibleOrgCode());
		m.put("aboveScale", text(r.aboveScale()));
		m.put("meetsConditions", text(r.meetsConditions()));
		m.put("hasPartyOrg", text(r.hasPartyOrg()));
		m.put("leagueOrg", text(r.leagueOrgCode()));
		m.put("standalone", text(r.standalone()));
		m.put("hasLeagueSchool", text(r.hasLeagueSchool()));
		m.put("students", text(r.students()));
		m.put("linkedOn", text(r.linkedOn()));
		m.put("ledDirectly", text(r.ledDirectly()));
		return m;
	}

	private static String text(Optional<?> value) {
		return value.map(Object::toString).orElse("");
	}

}
