package org.tuanwu.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.OrgDirectory;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDetail.OrgRef;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgImport;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgNode;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.organization.OrgStats;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;

@Service
@Transactional(readOnly = true)
class OrgService implements OrganizationManagement, OrgDirectory {

	private final OrgStore store;

	private final OrgImporter importer;

	private final AuditLog audit;

	private final Clock clock;

	OrgService(OrgStore store, OrgImporter importer, AuditLog audit, Clock clock) {
		this.store = store;
		this.importer = importer;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<ScopeOrg> find(long orgId) {
		return store.findAnywhere(orgId).map(o -> new ScopeOrg(o.id(), o.code(), o.name(), o.path()));
	}

	@Override
	public List<OrgNode> roots(Actor actor, boolean includeDissolved) {
		actor.require(Permission.ORG_READ);
		return store.roots(actor.scope(), includeDissolved);
	}

	@Override
	public List<OrgNode> children(Actor actor, long orgId, boolean includeDissolved) {
		actor.require(Permission.ORG_READ);
		visible(actor, orgId);
		return store.children(actor.scope(), orgId, includeDissolved);
	}

	@Override
	public OrgDetail get(Actor actor, long orgId) {
		actor.require(Permission.ORG_READ);
		return detail(actor.scope(), visible(actor, orgId));
	}

	@Override
	public Optional<OrgDetail> findByCode(Actor actor, String code) {
		actor.require(Permission.ORG_READ);
		return store.findByCodeAnywhere(code)
			.filter(o -> actor.scope().covers(o.path()))
			.map(o -> detail(actor.scope(), o));
	}

	@Override
	public Page<OrgNode> search(Actor actor, String query, Optional<Long> under, Optional<OrgKind> kind,
			boolean includeDissolved, int page, int size) {
		actor.require(Permission.ORG_READ);
		Scope within = under.map(id -> subtree(visible(actor, id))).orElse(actor.scope());
		OrgStore.SearchResult result = store.search(within, query, kind, includeDissolved, page, size);
		return new Page<>(result.items(), result.total(), page, size, result.totalExact());
	}

	@Override
	public OrgStats stats(Actor actor, Optional<Long> under) {
		actor.require(Permission.ORG_READ);
		Scope within = under.map(id -> subtree(visible(actor, id))).orElse(actor.scope());
		Map<OrgKind, Long> byKind = store.countByKind(within);
		long total = byKind.values().stream().mapToLong(Long::longValue).sum();
		return new OrgStats(total, store.countDissolved(within), byKind, store.countBySector(within));
	}

	@Override
	@Transactional
	public OrgDetail create(Actor actor, long parentId, OrgDraft draft) {
		actor.require(Permission.ORG_WRITE);
		OrgRow parent = visible(actor, parentId);
		if (parent.dissolved()) {
			throw Problem.badRequest("org.parent-dissolved", "上级组织 " + parent.name() + " 已撤销，不能在其下新建组织");
		}
		if (!parent.kind().mayHaveChild(draft.kind())) {
			throw FieldError.invalid("org.kind-not-allowed", Map.of("kind", kindRule(parent.kind(), draft.kind())));
		}
		return insert(actor, Optional.of(parent), draft);
	}

	@Override
	@Transactional
	public OrgDetail createRoot(Actor actor, OrgDraft draft) {
		actor.require(Permission.ORG_WRITE);
		if (!actor.scope().isAll()) {
			throw Problem.forbidden("org.outside-scope", "只有全平台管理员可以新建顶级组织");
		}
		return insert(actor, Optional.empty(), draft);
	}

	private OrgDetail insert(Actor actor, Optional<OrgRow> parent, OrgDraft draft) {
		validate(draft);
		if (store.findByCodeAnywhere(draft.code().strip()).isPresent()) {
			throw new Problem(409, "org.duplicate-code", "组织编码 " + draft.code().strip() + " 已被使用",
					List.of(Map.of("field", "code", "message", "组织编码已被使用")));
		}
		long id = store.allocateIds(1).get(0);
		String path = parent.map(OrgRow::path).orElse("/") + id + "/";
		OrgRow row = new OrgRow(id, draft.code().strip(), draft.name().strip(), parent.map(OrgRow::id), path,
				parent.map(p -> p.depth() + 1).orElse(0), draft.kind(), draft.sector(), draft.establishedOn(),
				draft.lastElectionOn(), draft.termYears().orElse(draft.kind().defaultTermYears()),
				draft.residentYouth(), draft.registeredPop635(), draft.youthWorkCommittee(), Optional.empty(), 0);
		Instant now = clock.instant();
		store.insertAll(List.of(row), now);
		store.history(id, "CREATED", actor.username(), OrgChanges.describe(row), now);
		audit.record(actor, new AuditEntry("ORG_CREATED", Optional.of(id), "ORG", row.code(),
				"新建组织 " + row.code() + " " + row.name(), OrgChanges.between(Optional.empty(), row)));
		return detail(actor.scope(), store.findAnywhere(id).orElseThrow());
	}

	@Override
	@Transactional
	public OrgDetail update(Actor actor, long orgId, OrgDraft draft, int expectedVersion) {
		actor.require(Permission.ORG_WRITE);
		OrgRow before = visible(actor, orgId);
		validate(draft);
		if (!before.code().equals(draft.code().strip())) {
			throw FieldError.invalid("org.code-immutable", Map.of("code", "组织编码不能修改（它是导入导出时识别组织的依据）"));
		}
		if (before.parentId().isPresent()) {
			OrgRow parent = store.findAnywhere(before.parentId().get()).orElseThrow();
			if (!parent.kind().mayHaveChild(draft.kind())) {
				throw FieldError.invalid("org.kind-not-allowed", Map.of("kind", kindRule(parent.kind(), draft.kind())));
			}
		}
		if (store.children(Scope.ALL, orgId, true).stream().anyMatch(c -> !draft.kind().mayHaveChild(c.kind()))) {
			throw FieldError.invalid("org.kind-not-allowed", Map.of("kind", "该组织已有下级组织，不能改为" + draft.kind().label()));
		}
		if (before.version() != expectedVersion) {
			throw Problem.conflict("record.stale", "该组织已被他人修改，请刷新后重试");
		}
		OrgRow after = new OrgRow(before.id(), before.code(), draft.name().strip(), before.parentId(), before.path(),
				before.depth(), draft.kind(), draft.sector(), draft.establishedOn(), draft.lastElectionOn(),
				draft.termYears().orElse(draft.kind().defaultTermYears()), draft.residentYouth(),
				draft.registeredPop635(), draft.youthWorkCommittee(), before.dissolvedOn(), before.version());
		if (store.updateAttributes(List.of(after), clock.instant()) != 1) {
			throw Problem.conflict("record.stale", "该组织已被他人修改，请刷新后重试");
		}
		List<Change> changes = OrgChanges.between(Optional.of(before), after);
		store.history(orgId, "UPDATED", actor.username(), OrgChanges.text(changes), clock.instant());
		audit.record(actor, new AuditEntry("ORG_UPDATED", Optional.of(orgId), "ORG", before.code(),
				"修改组织 " + before.code() + " " + after.name(), changes));
		return detail(actor.scope(), store.findAnywhere(orgId).orElseThrow());
	}

	@Override
	@Transactional
	public OrgDetail move(Actor actor, long orgId, long newParentId) {
		actor.require(Permission.ORG_WRITE);
		OrgRow org = visible(actor, orgId);
		if (actor.scope().orgId().map(s -> s == orgId).orElse(false)) {
			throw Problem.forbidden("org.outside-scope", "不能迁移您所管辖的最高一级组织（迁移后它将离开您的管辖范围）");
		}
		OrgRow newParent = store.find(actor.scope(), newParentId)
			.orElseThrow(() -> Problem.notFound("org.not-found", "目标上级组织不存在或不在您的管辖范围内"));
		checkMove(org, newParent);
		Instant now = clock.instant();
		Optional<OrgRow> oldParent = org.parentId().flatMap(store::findAnywhere);
		store.move(org, newParent, now);
		String from = oldParent.map(p -> p.code() + " " + p.name()).orElse("");
		String to = newParent.code() + " " + newParent.name();
		store.history(orgId, "MOVED", actor.username(), "上级组织：" + from + " → " + to, now);
		audit.record(actor, new AuditEntry("ORG_MOVED", Optional.of(orgId), "ORG", org.code(),
				"迁移组织 " + org.code() + " " + org.name(), List.of(new Change("parent", from, to))));
		return detail(actor.scope(), store.findAnywhere(orgId).orElseThrow());
	}

	static void checkMove(OrgRow org, OrgRow newParent) {
		if (newParent.id() == org.id() || newParent.path().startsWith(org.path())) {
			throw Problem.badRequest("org.move-cycle",
					"不能把组织迁移到它自己或它的下级组织之下（" + newParent.name() + " 是 " + org.name() + " 的下级）");
		}
		if (newParent.dissolved()) {
			throw Problem.badRequest("org.parent-dissolved", "目标上级组织 " + newParent.name() + " 已撤销");
		}
		if (!newParent.kind().mayHaveChild(org.kind())) {
			throw Problem.badRequest("org.kind-not-allowed", kindRule(newParent.kind(), org.kind()));
		}
	}

	@Override
	@Transactional
	public OrgDetail dissolve(Actor actor, long orgId, LocalDate dissolvedOn, String reason) {
		actor.require(Permission.ORG_WRITE);
		OrgRow org = visible(actor, orgId);
		if (org.dissolved()) {
			throw Problem.badRequest("org.already-dissolved", "该组织已于 " + org.dissolvedOn().get() + " 撤销");
		}
		if (actor.scope().orgId().map(s -> s == orgId).orElse(false)) {
			throw Problem.forbidden("org.outside-scope", "不能撤销您所管辖的最高一级组织");
		}
		if (dissolvedOn.isAfter(LocalDate.now(clock))) {
			throw FieldError.invalid("org.invalid", Map.of("dissolvedOn", "撤销日期不能晚于今天"));
		}
		if (org.establishedOn().map(dissolvedOn::isBefore).orElse(false)) {
			throw FieldError.invalid("org.invalid", Map.of("dissolvedOn", "撤销日期不能早于成立日期 " + org.establishedOn().get()));
		}
		if (reason == null || reason.isBlank()) {
			throw FieldError.invalid("org.invalid", Map.of("reason", "请填写撤销原因"));
		}
		int active = store.childCount(orgId, false);
		if (active > 0) {
			throw Problem.badRequest("org.has-active-children", "该组织还有 " + active + " 个未撤销的下级组织，请先迁移或撤销它们");
		}
		OrgRow after = new OrgRow(org.id(), org.code(), org.name(), org.parentId(), org.path(), org.depth(), org.kind(),
				org.sector(), org.establishedOn(), org.lastElectionOn(), org.termYears(), org.residentYouth(),
				org.registeredPop635(), org.youthWorkCommittee(), Optional.of(dissolvedOn), org.version());
		store.updateAttributes(List.of(after), clock.instant());
		store.history(orgId, "DISSOLVED", actor.username(), "撤销于 " + dissolvedOn + "：" + reason.strip(),
				clock.instant());
		audit.record(actor,
				new AuditEntry("ORG_DISSOLVED", Optional.of(orgId), "ORG", org.code(),
						"撤销组织 " + org.code() + " " + org.name() + "：" + reason.strip(),
						List.of(new Change("dissolvedOn", "", dissolvedOn.toString()))));
		return detail(actor.scope(), store.findAnywhere(orgId).orElseThrow());
	}

	@Override
	@Transactional
	public OrgImport.Outcome importOrganizations(Actor actor, List<OrgImport.Row> rows,
			List<OrgImport.RowError> earlierErrors) {
		actor.require(Permission.EXCHANGE_IMPORT);
		return importer.run(actor, rows, earlierErrors);
	}

	@Override
	@Transactional(readOnly = true)
	public void export(Actor actor, Optional<Long> under, boolean includeDissolved, Consumer<OrgRecord> sink) {
		actor.require(Permission.EXCHANGE_EXPORT);
		Scope within = under.map(id -> subtree(visible(actor, id))).orElse(actor.scope());
		store.forEachInSubtree(within, includeDissolved, o -> {
			OrgRow r = o.org();
			sink.accept(new OrgRecord(r.code(), r.name(), o.parentCode(), r.kind(), r.sector(), r.establishedOn(),
					r.lastElectionOn(), Optional.of(r.termYears()), r.residentYouth(), r.registeredPop635(),
					r.dissolvedOn(), r.youthWorkCommittee()));
		});
	}

	private OrgRow visible(Actor actor, long orgId) {
		return store.find(actor.scope(), orgId).orElseThrow(() -> Problem.notFound("org.not-found", "组织不存在或不在您的管辖范围内"));
	}

	private static Scope subtree(OrgRow org) {
		return Scope.of(org.id(), org.path());
	}

	private OrgDetail detail(Scope scope, OrgRow o) {
		long[] ids = o.pathIds();
		Map<Long, OrgRow> ancestors = store.findByIdsAnywhere(Arrays.stream(ids).boxed().toList())
			.stream()
			.collect(Collectors.toMap(OrgRow::id, r -> r));
		List<OrgRef> path = new ArrayList<>();
		for (long id : ids) {
			OrgRow a = ancestors.get(id);
			if (a != null && scope.covers(a.path())) {
				path.add(new OrgRef(a.id(), a.code(), a.name()));
			}
		}
		Optional<OrgRef> parent = o.parentId().map(ancestors::get).map(p -> new OrgRef(p.id(), p.code(), p.name()));
		int children = store.childCount(o.id(), false);
		Optional<LocalDate> expires = TermPolicy.expiresOn(o.lastElectionOn(), o.establishedOn(), o.termYears());
		return new OrgDetail(o.id(), o.code(), o.name(), o.kind(), o.sector(), parent, o.establishedOn(),
				o.lastElectionOn(), o.termYears(), expires, o.residentYouth(), o.registeredPop635(),
				o.youthWorkCommittee(), o.dissolvedOn(), children > 0, children, o.version(), path);
	}

	private void validate(OrgDraft d) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		OrgRules.checkCode(d.code()).ifPresent(m -> errors.put("code", m));
		OrgRules.checkName(d.name()).ifPresent(m -> errors.put("name", m));
		d.termYears().flatMap(OrgRules::checkTermYears).ifPresent(m -> errors.put("termYears", m));
		d.residentYouth().filter(n -> n < 0).ifPresent(n -> errors.put("residentYouth", "14至35岁常住青年数不能为负数"));
		d.registeredPop635().filter(n -> n < 0).ifPresent(n -> errors.put("registeredPop635", "6至35岁户籍人口数不能为负数"));
		LocalDate today = LocalDate.now(clock);
		d.establishedOn().filter(e -> e.isAfter(today)).ifPresent(e -> errors.put("establishedOn", "成立日期不能晚于今天"));
		d.lastElectionOn().filter(e -> e.isAfter(today)).ifPresent(e -> errors.put("lastElectionOn", "最近换届日期不能晚于今天"));
		if (d.establishedOn().isPresent() && d.lastElectionOn().isPresent()
				&& d.lastElectionOn().get().isBefore(d.establishedOn().get())) {
			errors.put("lastElectionOn", "最近换届日期不能早于成立日期");
		}
		if (!errors.isEmpty()) {
			throw FieldError.invalid("org.invalid", errors);
		}
	}

	static String kindRule(OrgKind parent, OrgKind child) {
		if (parent.isBranch()) {
			return parent.label() + "之下不能再设下级组织（团员只属于团支部，团小组不是组织）";
		}
		return parent.label() + "之下只能设团支部类组织，不能设" + child.label();
	}

}
