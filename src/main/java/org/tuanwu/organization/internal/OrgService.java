package org.tuanwu.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.OrgDirectory;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgCreated;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDetail.OrgRef;
import org.tuanwu.organization.OrgDissolved;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgImport;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgMoved;
import org.tuanwu.organization.OrgNode;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.organization.OrgRestored;
import org.tuanwu.organization.OrgSearch;
import org.tuanwu.organization.OrgStats;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * The org tree through the API. Every change is judged by the named org rules
 * ({@link OrgKindPolicy}, {@link OrgParentPolicy}, {@link OrgScopePolicy},
 * {@link DissolutionPolicy}, {@link RestorePolicy}), the same ones {@link OrgImporter}
 * applies to a file, and every write is audited and published as an event in its
 * transaction.
 */
@Service
@Transactional(readOnly = true)
class OrgService implements OrganizationManagement, OrgDirectory {

	static final Text ORG_NOT_FOUND = Text.of("组织不存在或不在您的管理范围内", "No such org, or it is outside your scope");

	private final OrgStore store;

	private final OrgImporter importer;

	private final AuditLog audit;

	private final DissolutionVetoes vetoes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrgService(OrgStore store, OrgImporter importer, AuditLog audit, DissolutionVetoes vetoes,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.importer = importer;
		this.audit = audit;
		this.vetoes = vetoes;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Optional<ScopeOrg> find(long orgId) {
		return store.findAnywhere(orgId).map(o -> new ScopeOrg(o.id(), o.code(), o.name(), o.path()));
	}

	@Override
	public List<OrgNode> roots(Actor actor, boolean includeDissolved) {
		actor.require(Permission.ORG_READ);
		return withAncestors(actor.scope(), store.rootRows(actor.scope(), includeDissolved));
	}

	@Override
	public List<OrgNode> children(Actor actor, long orgId, boolean includeDissolved) {
		actor.require(Permission.ORG_READ);
		visible(actor, orgId);
		return withAncestors(actor.scope(), store.childRows(actor.scope(), orgId, includeDissolved));
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

	/**
	 * Declared here, not only as the interface's default, so that it runs in this class's
	 * read-only transaction (the search sets a planner option local to it).
	 */
	@Override
	public Page<OrgNode> search(Actor actor, String query, Optional<Long> under, Optional<OrgKind> kind,
			boolean includeDissolved, int page, int size) {
		return search(actor, OrgSearch.of(query, under, kind, includeDissolved, page, size));
	}

	@Override
	public Page<OrgNode> search(Actor actor, OrgSearch s) {
		actor.require(Permission.ORG_READ);
		Scope within = s.under().map(id -> subtree(visible(actor, id))).orElse(actor.scope());
		OrgStore.Narrowing narrowing = new OrgStore.Narrowing(s.validParentFor().map(id -> visible(actor, id)),
				s.mayHaveChild());
		OrgStore.SearchResult result = store.search(within, s.query(), s.kind(), s.includeDissolved(), narrowing,
				s.page(), s.size());
		return new Page<>(withAncestors(actor.scope(), result.items()), result.total(), s.page(), s.size(),
				result.totalExact());
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
		OrgRow parent = store.find(actor.scope(), parentId)
			.orElseThrow(() -> OrgScopePolicy.parentUnreachable(actor.scope()).problem());
		validate(draft);
		OrgRefusal.refuse(OrgKindPolicy.under(parent.kind(), draft.kind()),
				OrgParentPolicy.active(parent.code(), parent.name(), parent.dissolvedOn(), true));
		return insert(actor, Optional.of(parent), draft);
	}

	@Override
	@Transactional
	public OrgDetail createRoot(Actor actor, OrgDraft draft) {
		actor.require(Permission.ORG_WRITE);
		OrgRefusal.refuse(OrgScopePolicy.createRoot(actor.scope()));
		validate(draft);
		OrgRefusal.refuse(OrgKindPolicy.asRoot(draft.kind()));
		return insert(actor, Optional.empty(), draft);
	}

	private OrgDetail insert(Actor actor, Optional<OrgRow> parent, OrgDraft draft) {
		String code = draft.code().strip();
		store.findByCodeAnywhere(code).ifPresent(taken -> {
			throw codeConflict(actor.scope(), taken).problem();
		});
		long id = store.allocateIds(1).get(0);
		String path = parent.map(OrgRow::path).orElse("/") + id + "/";
		OrgRow row = new OrgRow(id, code, draft.name().strip(), parent.map(OrgRow::id), path,
				parent.map(p -> p.depth() + 1).orElse(0), draft.kind(), draft.sector(), draft.establishedOn(),
				draft.lastElectionOn(), draft.termYears().orElse(draft.kind().defaultTermYears()),
				draft.residentYouth(), draft.registeredPop635(), draft.youthWorkCommittee(), Optional.empty(), 0);
		Instant now = clock.instant();
		store.insertAll(List.of(row), now);
		store.history(id, "CREATED", actor.username(), OrgChanges.describe(row), now);
		audit.record(actor, new AuditEntry("ORG_CREATED", Optional.of(id), "ORG", row.code(),
				"新建组织 " + row.code() + " " + row.name(), OrgChanges.between(Optional.empty(), row)));
		events.publishEvent(new OrgCreated(id, row.code(), row.parentId(), row.kind()));
		return detail(actor.scope(), store.findAnywhere(id).orElseThrow());
	}

	/**
	 * A code that is taken: by an org the caller sees (named), or by one outside their
	 * scope (not named, not placed).
	 */
	static OrgRefusal codeConflict(Scope scope, OrgRow taken) {
		return scope.covers(taken.path()) ? OrgScopePolicy.codeTaken(taken.code(), taken.name())
				: OrgScopePolicy.codeUnavailable(taken.code());
	}

	@Override
	@Transactional
	public OrgDetail update(Actor actor, long orgId, OrgDraft draft, int expectedVersion) {
		actor.require(Permission.ORG_WRITE);
		OrgRow before = visible(actor, orgId);
		validate(draft);
		if (!before.code().equals(draft.code().strip())) {
			throw FieldError.invalid("org.code-immutable", Map.of("code", Text.of("组织编码不能修改（它是导入导出时识别组织的依据）",
					"The org code cannot change (imports and exports identify the org by it)")));
		}
		if (draft.kind() != before.kind()) {
			Optional<OrgRow> parent = before.parentId().flatMap(store::findAnywhere);
			OrgRefusal.refuse(
					parent.isPresent() ? OrgKindPolicy.under(parent.get().kind(), draft.kind())
							: OrgKindPolicy.asRoot(draft.kind()),
					OrgKindPolicy.over(draft.kind(),
							store.children(Scope.ALL, orgId, true).stream().map(OrgNode::kind).toList()),
					vetoes.kindChange(before, draft.kind()));
		}
		if (before.version() != expectedVersion) {
			throw Problem.conflict("record.stale",
					Text.of("该组织已被他人修改，请刷新后重试", "Someone else changed this org: reload and try again"));
		}
		OrgRow after = new OrgRow(before.id(), before.code(), draft.name().strip(), before.parentId(), before.path(),
				before.depth(), draft.kind(), draft.sector(), draft.establishedOn(), draft.lastElectionOn(),
				draft.termYears().orElse(draft.kind().defaultTermYears()), draft.residentYouth(),
				draft.registeredPop635(), draft.youthWorkCommittee(), before.dissolvedOn(), before.version());
		if (store.updateAttributes(List.of(after), clock.instant()) != 1) {
			throw Problem.conflict("record.stale",
					Text.of("该组织已被他人修改，请刷新后重试", "Someone else changed this org: reload and try again"));
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
		OrgRefusal.refuse(OrgScopePolicy.move(actor.scope(), orgId));
		OrgRow newParent = store.find(actor.scope(), newParentId)
			.orElseThrow(() -> OrgScopePolicy.parentUnreachable(actor.scope()).problem());
		OrgRefusal.refuse(moveRefusal(org, newParent));
		Instant now = clock.instant();
		Optional<OrgRow> oldParent = org.parentId().flatMap(store::findAnywhere);
		store.move(org, newParent, now);
		String from = oldParent.map(p -> p.code() + " " + p.name()).orElse("");
		String to = newParent.code() + " " + newParent.name();
		store.history(orgId, "MOVED", actor.username(), "上级组织：" + from + " → " + to, now);
		audit.record(actor, new AuditEntry("ORG_MOVED", Optional.of(orgId), "ORG", org.code(),
				"调整组织隶属关系 " + org.code() + " " + org.name(), List.of(new Change("parent", from, to))));
		events.publishEvent(new OrgMoved(orgId, org.code(), org.parentId(), newParent.id()));
		return detail(actor.scope(), store.findAnywhere(orgId).orElseThrow());
	}

	/** The rules of a new place in the tree, in the order a clerk would fix them. */
	private Optional<OrgRefusal> moveRefusal(OrgRow org, OrgRow newParent) {
		Optional<OrgRefusal> self = OrgParentPolicy.notItself(org.code(), newParent.code());
		if (self.isPresent()) {
			return self;
		}
		if (newParent.path().startsWith(org.path())) {
			return Optional.of(OrgParentPolicy.cycle(cycleChain(org, newParent)));
		}
		return OrgKindPolicy.under(newParent.kind(), org.kind())
			.or(() -> OrgParentPolicy.active(newParent.code(), newParent.name(), newParent.dissolvedOn(),
					!org.dissolved()));
	}

	/**
	 * The org, its would-be parent and that parent's parents up to the org again: the
	 * loop the move would make, as the import reports it.
	 */
	private List<String> cycleChain(OrgRow org, OrgRow newParent) {
		long[] ids = newParent.pathIds();
		Map<Long, String> codes = store.findByIdsAnywhere(Arrays.stream(ids).boxed().toList())
			.stream()
			.collect(Collectors.toMap(OrgRow::id, OrgRow::code));
		List<String> chain = new ArrayList<>();
		chain.add(org.code());
		for (int i = ids.length - 1; i >= 0 && ids[i] != org.id(); i--) {
			chain.add(codes.get(ids[i]));
		}
		chain.add(org.code());
		return chain;
	}

	@Override
	@Transactional
	public OrgDetail dissolve(Actor actor, long orgId, LocalDate dissolvedOn, String reason) {
		actor.require(Permission.ORG_WRITE);
		OrgRow org = visible(actor, orgId);
		OrgRefusal.refuse(OrgScopePolicy.dissolve(actor.scope(), orgId),
				DissolutionPolicy.notYetDissolved(org.dissolvedOn()),
				DissolutionPolicy.date(dissolvedOn, org.establishedOn(), LocalDate.now(clock)),
				DissolutionPolicy.reason(reason), DissolutionPolicy.noActiveChildren(store.childCount(orgId, false)),
				vetoes.dissolution(org, dissolvedOn));
		OrgRow after = withDissolution(org, Optional.of(dissolvedOn));
		store.updateAttributes(List.of(after), clock.instant());
		store.history(orgId, "DISSOLVED", actor.username(), "撤销于 " + dissolvedOn + "：" + reason.strip(),
				clock.instant());
		audit.record(actor,
				new AuditEntry("ORG_DISSOLVED", Optional.of(orgId), "ORG", org.code(),
						"撤销组织 " + org.code() + " " + org.name() + "：" + reason.strip(),
						List.of(new Change("dissolvedOn", "", dissolvedOn.toString()))));
		events.publishEvent(new OrgDissolved(orgId, org.code(), dissolvedOn, reason.strip()));
		return detail(actor.scope(), store.findAnywhere(orgId).orElseThrow());
	}

	@Override
	@Transactional
	public OrgDetail restore(Actor actor, long orgId, String reason) {
		actor.require(Permission.ORG_WRITE);
		OrgRow org = visible(actor, orgId);
		OrgRefusal.refuse(OrgScopePolicy.restore(actor.scope(), orgId), RestorePolicy.dissolved(org.dissolvedOn()),
				RestorePolicy.reason(reason), RestorePolicy.parentActive(org.parentId().flatMap(store::findAnywhere)));
		LocalDate was = org.dissolvedOn().orElseThrow();
		OrgRow after = withDissolution(org, Optional.empty());
		if (store.updateAttributes(List.of(after), clock.instant()) != 1) {
			throw Problem.conflict("record.stale",
					Text.of("该组织已被他人修改，请刷新后重试", "Someone else changed this org: reload and try again"));
		}
		store.history(orgId, "RESTORED", actor.username(), "恢复（原撤销于 " + was + "）：" + reason.strip(), clock.instant());
		audit.record(actor,
				new AuditEntry("ORG_RESTORED", Optional.of(orgId), "ORG", org.code(),
						"恢复组织 " + org.code() + " " + org.name() + "：" + reason.strip(),
						List.of(new Change("dissolvedOn", was.toString(), ""))));
		events.publishEvent(new OrgRestored(orgId, org.code(), was, reason.strip()));
		return detail(actor.scope(), store.findAnywhere(orgId).orElseThrow());
	}

	private static OrgRow withDissolution(OrgRow org, Optional<LocalDate> dissolvedOn) {
		return new OrgRow(org.id(), org.code(), org.name(), org.parentId(), org.path(), org.depth(), org.kind(),
				org.sector(), org.establishedOn(), org.lastElectionOn(), org.termYears(), org.residentYouth(),
				org.registeredPop635(), org.youthWorkCommittee(), dissolvedOn, org.version());
	}

	@Override
	@Transactional
	public ImportOutcome importOrganizations(Actor actor, List<OrgImport.Row> rows, List<RowError> earlierErrors) {
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
		return store.find(actor.scope(), orgId).orElseThrow(() -> Problem.notFound("org.not-found", ORG_NOT_FOUND));
	}

	private static Scope subtree(OrgRow org) {
		return Scope.of(org.id(), org.path());
	}

	/**
	 * The nodes with their ancestors inside the caller's view, read in one query for the
	 * whole list.
	 */
	private List<OrgNode> withAncestors(Scope scope, List<OrgStore.NodeRow> rows) {
		Set<Long> ids = new HashSet<>();
		for (OrgStore.NodeRow r : rows) {
			long[] path = pathIds(r.path());
			for (int i = 0; i < path.length - 1; i++) {
				ids.add(path[i]);
			}
		}
		Map<Long, OrgRow> byId = new HashMap<>();
		store.findByIdsAnywhere(ids).forEach(o -> byId.put(o.id(), o));
		List<OrgNode> nodes = new ArrayList<>(rows.size());
		for (OrgStore.NodeRow r : rows) {
			long[] path = pathIds(r.path());
			List<OrgRef> ancestors = new ArrayList<>();
			for (int i = 0; i < path.length - 1; i++) {
				OrgRow a = byId.get(path[i]);
				if (a != null && scope.covers(a.path())) {
					ancestors.add(new OrgRef(a.id(), a.code(), a.name()));
				}
			}
			OrgNode n = r.node();
			nodes.add(new OrgNode(n.id(), n.code(), n.name(), n.kind(), n.sector(), n.dissolvedOn(), n.hasChildren(),
					n.childCount(), List.copyOf(ancestors)));
		}
		return nodes;
	}

	private static long[] pathIds(String path) {
		return Arrays.stream(path.substring(1).split("/")).mapToLong(Long::parseLong).toArray();
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
		Optional<OrgRow> parentRow = o.parentId().map(ancestors::get);
		Optional<OrgRef> parent = parentRow.map(p -> new OrgRef(p.id(), p.code(), p.name()));
		int children = store.childCount(o.id(), false);
		Optional<LocalDate> expires = TermPolicy.expiresOn(o.lastElectionOn(), o.establishedOn(), o.termYears());
		LocalDate today = LocalDate.now(clock);
		Optional<Text> dissolveRefusal = OrgScopePolicy.dissolve(scope, o.id())
			.or(() -> DissolutionPolicy.notYetDissolved(o.dissolvedOn()))
			.or(() -> DissolutionPolicy.noActiveChildren(children))
			.or(() -> vetoes.dissolution(o, today))
			.map(OrgRefusal::reason);
		Optional<Text> restoreRefusal = OrgScopePolicy.restore(scope, o.id())
			.or(() -> RestorePolicy.dissolved(o.dissolvedOn()))
			.or(() -> RestorePolicy.parentActive(parentRow))
			.map(OrgRefusal::reason);
		List<OrgKind> childKinds = o.dissolved() ? List.of() : o.kind().childKinds();
		return new OrgDetail(o.id(), o.code(), o.name(), o.kind(), o.sector(), parent, o.establishedOn(),
				o.lastElectionOn(), o.termYears(), expires, o.residentYouth(), o.registeredPop635(),
				o.youthWorkCommittee(), o.dissolvedOn(), children > 0, children, o.version(), path, children,
				childKinds, dissolveRefusal, restoreRefusal);
	}

	private void validate(OrgDraft d) {
		Map<String, Text> errors = FieldRules.byFormField(FieldRules.orgErrors(d.code(), d.name(), d.termYears(),
				d.residentYouth(), d.registeredPop635(), d.establishedOn(), d.lastElectionOn(), LocalDate.now(clock)));
		if (!errors.isEmpty()) {
			throw FieldError.invalid("org.invalid", errors);
		}
	}

}
