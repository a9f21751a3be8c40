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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgCreated;
import org.tuanwu.organization.OrgDissolved;
import org.tuanwu.organization.OrgImport.Row;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgMoved;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * Applies an {@code organizations} file: every row is checked against the file and the
 * database first, by the same named rules as the API ({@link FieldRules},
 * {@link OrgKindPolicy}, {@link OrgParentPolicy}, {@link OrgScopePolicy},
 * {@link DissolutionPolicy}, {@link RestorePolicy} and the modules' vetoes), judged
 * against the tree as it will be after the file (a file may dissolve a parent together
 * with all its children); only a file without a single bad row is written, in the
 * caller's transaction. Rows are keyed by org code, so importing the same file again
 * updates and never duplicates. Errors name fields by their exchange key
 * ({@code parent_code}); the exchange layer adds the headers.
 */
@Component
class OrgImporter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrgImporter.class);

	/** Rows written per batch of org, history and audit inserts. */
	private static final int WRITE_CHUNK = 5_000;

	static final String CODE = "code";

	static final String PARENT = "parent_code";

	static final String KIND = "kind";

	static final String DISSOLVED = "dissolved_on";

	private final OrgStore store;

	private final AuditLog audit;

	private final DissolutionVetoes vetoes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrgImporter(OrgStore store, AuditLog audit, DissolutionVetoes vetoes, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.audit = audit;
		this.vetoes = vetoes;
		this.events = events;
		this.clock = clock;
	}

	ImportOutcome run(Actor actor, List<Row> rows, List<RowError> earlier) {
		long started = System.nanoTime();
		Check check = new Check(actor.scope(), rows);
		check.run();
		log.info("import of {} org rows: checked in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
		List<RowError> errors = new ArrayList<>(earlier);
		errors.addAll(check.errors);
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(RowError::row));
			return ImportOutcome.refusedWith(errors);
		}
		ImportOutcome outcome = write(actor, check);
		log.info("import of {} org rows: done in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
		return outcome;
	}

	/** Everything known about the file and the orgs it names, and the errors found. */
	private final class Check {

		final Scope scope;

		final List<Row> rows;

		final Map<String, Row> byCode = new LinkedHashMap<>();

		final Map<String, OrgRow> db = new HashMap<>();

		final Map<Long, OrgRow> dbById = new HashMap<>();

		final List<RowError> errors = new ArrayList<>();

		final Set<Integer> badRows = new HashSet<>();

		/** Codes of the orgs the file dissolves (new ones created dissolved included). */
		final Set<String> dissolvedByFile = new HashSet<>();

		/** Codes of existing orgs whose kind the file changes. */
		final Set<String> kindChanged = new HashSet<>();

		final LocalDate today = LocalDate.now(clock);

		Check(Scope scope, List<Row> rows) {
			this.scope = scope;
			this.rows = rows;
		}

		void error(Row row, String field, String value, Text reason) {
			errors.add(RowError.of(row.number(), field, value, reason));
			badRows.add(row.number());
		}

		void error(Row row, OrgRefusal refusal, String value) {
			errors.add(refusal.rowError(row.number(), value));
			badRows.add(row.number());
		}

		void run() {
			for (Row row : rows) {
				OrgRecord r = row.record();
				FieldRules
					.orgErrors(r.code(), r.name(), r.termYears(), r.residentYouth(), r.registeredPop635(),
							r.establishedOn(), r.lastElectionOn(), today)
					.forEach((rule, message) -> error(row, rule.key(), valueOf(rule, r), message));
				r.dissolvedOn()
					.flatMap(d -> DissolutionPolicy.date(d, r.establishedOn(), today))
					.ifPresent(refusal -> error(row, refusal, r.dissolvedOn().get().toString()));
				Row first = byCode.putIfAbsent(r.code(), row);
				if (first != null) {
					error(row, CODE, r.code(), Text.of("组织编码在文件中重复（第 {0} 行已有）",
							"The org code appears twice in the file (row {0} has it already)", first.number()));
				}
			}
			Set<String> codes = new HashSet<>(byCode.keySet());
			rows.forEach(r -> r.record().parentCode().ifPresent(codes::add));
			store.findByCodesAnywhere(codes).forEach(o -> db.put(o.code(), o));
			// Ancestors of every org named, so that the final tree can be walked without
			// further queries.
			Set<Long> ancestorIds = new HashSet<>();
			db.values().forEach(o -> {
				for (long id : o.pathIds()) {
					ancestorIds.add(id);
				}
			});
			db.values().forEach(o -> dbById.put(o.id(), o));
			ancestorIds.removeAll(dbById.keySet());
			store.findByIdsAnywhere(ancestorIds).forEach(o -> dbById.put(o.id(), o));
			for (Row row : byCode.values()) {
				Optional<OrgRow> existing = Optional.ofNullable(db.get(row.record().code()));
				if (existing.isPresent() && !scope.covers(existing.get().path())) {
					error(row, OrgScopePolicy.codeUnavailable(row.record().code()), row.record().code());
					continue;
				}
				checkPlace(row, existing);
				checkLifecycle(row, existing);
			}
			checkCycles();
			checkFinalTree();
		}

		Optional<String> dbParentCode(OrgRow org) {
			return org.parentId().map(dbById::get).map(OrgRow::code);
		}

		/** Parent, kind under it, scope: what the API checks on create and move. */
		void checkPlace(Row row, Optional<OrgRow> existing) {
			OrgRecord r = row.record();
			boolean kindChanges = existing.map(e -> e.kind() != r.kind()).orElse(false);
			if (r.parentCode().isEmpty()) {
				if (existing.isPresent() && existing.get().parentId().isPresent()) {
					error(row, PARENT, "",
							Text.of("上级组织编码不能为空（该组织现在的上级是 {0}）",
									"The parent org code cannot be empty (the org's parent now is {0})",
									dbParentCode(existing.get()).orElse("")));
				}
				else if (existing.isEmpty()) {
					OrgScopePolicy.createRoot(scope)
						.or(() -> OrgKindPolicy.asRoot(r.kind()))
						.ifPresent(
								refusal -> error(row, refusal, refusal.field().equals(KIND) ? r.kind().label() : ""));
				}
				else if (kindChanges) {
					OrgKindPolicy.asRoot(r.kind()).ifPresent(refusal -> error(row, refusal, r.kind().label()));
				}
				return;
			}
			String parentCode = r.parentCode().get();
			Optional<OrgRefusal> self = OrgParentPolicy.notItself(r.code(), parentCode);
			if (self.isPresent()) {
				error(row, self.get(), parentCode);
				return;
			}
			Row parentRow = byCode.get(parentCode);
			OrgRow parentDb = db.get(parentCode);
			if (parentRow == null && parentDb == null) {
				error(row, OrgScopePolicy.parentUnreachable(scope), parentCode);
				return;
			}
			boolean moves = existing.isPresent() && !r.parentCode().equals(dbParentCode(existing.get()));
			if (moves) {
				Optional<OrgRefusal> top = OrgScopePolicy.move(scope, existing.get().id());
				if (top.isPresent()) {
					error(row, top.get(), parentCode);
					return;
				}
			}
			if ((existing.isEmpty() || moves) && parentRow == null && !scope.covers(parentDb.path())) {
				error(row, OrgScopePolicy.parentUnreachable(scope), parentCode);
				return;
			}
			OrgKind parentKind = parentRow != null ? parentRow.record().kind() : parentDb.kind();
			if (existing.isEmpty() || moves || kindChanges) {
				OrgKindPolicy.under(parentKind, r.kind()).ifPresent(refusal -> error(row, refusal, r.kind().label()));
			}
			if (existing.isEmpty() || moves) {
				String parentName = parentRow != null ? parentRow.record().name() : parentDb.name();
				Optional<LocalDate> parentDissolved = parentRow != null ? parentRow.record().dissolvedOn()
						: parentDb.dissolvedOn();
				OrgParentPolicy.active(parentCode, parentName, parentDissolved, r.dissolvedOn().isEmpty())
					.ifPresent(refusal -> error(row, refusal, parentCode));
			}
		}

		/**
		 * Dissolution, restore and kind change of an org: what dissolve and edit check.
		 */
		void checkLifecycle(Row row, Optional<OrgRow> existing) {
			OrgRecord r = row.record();
			if (existing.isEmpty()) {
				if (r.dissolvedOn().isPresent()) {
					dissolvedByFile.add(r.code());
				}
				return;
			}
			OrgRow e = existing.get();
			String date = r.dissolvedOn().map(LocalDate::toString).orElse("");
			if (e.dissolved()) {
				if (r.dissolvedOn().isEmpty()) {
					error(row, RestorePolicy.notByImport(e.dissolvedOn().get()), date);
				}
				else if (!r.dissolvedOn().equals(e.dissolvedOn())) {
					DissolutionPolicy.notYetDissolved(e.dissolvedOn()).ifPresent(refusal -> error(row, refusal, date));
				}
			}
			else if (r.dissolvedOn().isPresent()) {
				OrgScopePolicy.dissolve(scope, e.id())
					.or(() -> vetoes.dissolution(e, r.dissolvedOn().get()))
					.ifPresentOrElse(refusal -> error(row, refusal, date), () -> dissolvedByFile.add(r.code()));
			}
			if (e.kind() != r.kind()) {
				kindChanged.add(r.code());
				vetoes.kindChange(e, r.kind()).ifPresent(refusal -> error(row, refusal, r.kind().label()));
			}
		}

		/** A child in the tree as it will be after the file. */
		record Child(String code, OrgKind kind, boolean active) {
		}

		/**
		 * The orgs the file dissolves must have no active child, and those whose kind it
		 * changes must fit every child, in the tree as it will be: children from the file
		 * with their new parent and state, children in the database that the file does
		 * not name.
		 */
		void checkFinalTree() {
			Set<String> watched = new HashSet<>(dissolvedByFile);
			watched.addAll(kindChanged);
			if (watched.isEmpty()) {
				return;
			}
			Map<String, List<Child>> children = new HashMap<>();
			for (Row row : byCode.values()) {
				OrgRecord r = row.record();
				r.parentCode()
					.filter(watched::contains)
					.ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>())
						.add(new Child(r.code(), r.kind(), r.dissolvedOn().isEmpty())));
			}
			Map<Long, String> watchedIds = new HashMap<>();
			watched.stream().map(db::get).filter(o -> o != null).forEach(o -> watchedIds.put(o.id(), o.code()));
			for (OrgRow c : store.childrenOfAnywhere(watchedIds.keySet())) {
				if (!byCode.containsKey(c.code())) {
					children.computeIfAbsent(watchedIds.get(c.parentId().orElseThrow()), k -> new ArrayList<>())
						.add(new Child(c.code(), c.kind(), !c.dissolved()));
				}
			}
			for (String code : watched) {
				Row row = byCode.get(code);
				List<Child> below = children.getOrDefault(code, List.of());
				if (dissolvedByFile.contains(code)) {
					int active = (int) below.stream().filter(Child::active).count();
					DissolutionPolicy.noActiveChildren(active)
						.ifPresent(refusal -> error(row, refusal, row.record().dissolvedOn().orElseThrow().toString()));
				}
				if (kindChanged.contains(code)) {
					OrgKindPolicy.over(row.record().kind(), below.stream().map(Child::kind).toList())
						.ifPresent(refusal -> error(row, refusal, row.record().kind().label()));
				}
			}
		}

		/** The parent code of an org in the tree as it will be after the import. */
		Optional<String> finalParent(String code) {
			Row row = byCode.get(code);
			if (row != null) {
				return row.record().parentCode();
			}
			// checkCycles has put every loaded org, ancestors included, into db
			return Optional.ofNullable(db.get(code)).flatMap(this::dbParentCode);
		}

		void checkCycles() {
			dbById.values().forEach(o -> db.putIfAbsent(o.code(), o));
			Set<String> settled = new HashSet<>();
			for (Row row : byCode.values()) {
				List<String> chain = new ArrayList<>();
				Set<String> onChain = new HashSet<>();
				String current = row.record().code();
				while (current != null && !settled.contains(current)) {
					if (!onChain.add(current)) {
						List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(current), chain.size()));
						List<String> loop = new ArrayList<>(cycle);
						loop.add(current);
						for (String code : cycle) {
							Row inFile = byCode.get(code);
							if (inFile != null && !badRows.contains(inFile.number())) {
								error(inFile, OrgParentPolicy.cycle(loop), inFile.record().parentCode().orElse(""));
							}
						}
						break;
					}
					chain.add(current);
					current = finalParent(current).orElse(null);
				}
				settled.addAll(chain);
			}
		}

	}

	private static String valueOf(FieldRules.FieldRule rule, OrgRecord r) {
		return switch (rule.key()) {
			case "code" -> r.code();
			case "name" -> r.name();
			case "term_years" -> r.termYears().map(String::valueOf).orElse("");
			case "resident_youth" -> r.residentYouth().map(String::valueOf).orElse("");
			case "registered_pop_6_35" -> r.registeredPop635().map(String::valueOf).orElse("");
			case "established_on" -> r.establishedOn().map(String::valueOf).orElse("");
			case "last_election_on" -> r.lastElectionOn().map(String::valueOf).orElse("");
			default -> "";
		};
	}

	private ImportOutcome write(Actor actor, Check check) {
		Instant now = clock.instant();
		List<Row> fresh = new ArrayList<>();
		List<OrgRow> updates = new ArrayList<>();
		List<Row> moves = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		List<OrgStore.HistoryEntry> history = new ArrayList<>();
		List<OrgDissolved> dissolved = new ArrayList<>();
		int unchanged = 0;
		for (Row row : check.byCode.values()) {
			OrgRecord r = row.record();
			OrgRow existing = check.db.get(r.code());
			if (existing == null) {
				fresh.add(row);
				continue;
			}
			OrgRow after = new OrgRow(existing.id(), existing.code(), r.name().strip(), existing.parentId(),
					existing.path(), existing.depth(), r.kind(), r.sector(), r.establishedOn(), r.lastElectionOn(),
					r.termYears().orElse(r.kind().defaultTermYears()), r.residentYouth(), r.registeredPop635(),
					r.youthWorkCommittee(), r.dissolvedOn(), existing.version());
			List<Change> changes = OrgChanges.between(Optional.of(existing), after);
			boolean moved = !r.parentCode().equals(check.dbParentCode(existing));
			if (!existing.dissolved() && r.dissolvedOn().isPresent()) {
				dissolved.add(new OrgDissolved(existing.id(), existing.code(), r.dissolvedOn().get(),
						"导入撤销（第 " + row.number() + " 行）"));
			}
			if (!changes.isEmpty()) {
				updates.add(after);
				entries.add(new AuditEntry("ORG_UPDATED", Optional.of(existing.id()), "ORG", existing.code(),
						"导入修改组织 " + existing.code() + " " + after.name(), changes));
				history.add(new OrgStore.HistoryEntry(existing.id(), "UPDATED", actor.username(),
						OrgChanges.text(changes)));
			}
			if (moved) {
				moves.add(row);
			}
			if (changes.isEmpty() && !moved) {
				unchanged++;
			}
		}
		// New orgs, parents before children: a parent is either already stored or created
		// earlier in this loop.
		Map<String, Integer> depthInFile = new HashMap<>();
		for (Row row : fresh) {
			depth(row.record().code(), check, depthInFile);
		}
		fresh.sort(Comparator.comparingInt(r -> depthInFile.get(r.record().code())));
		List<Long> ids = store.allocateIds(fresh.size());
		Map<String, OrgRow> created = new HashMap<>();
		long t0 = System.nanoTime();
		// Written in chunks, each with its history and audit rows, so that a
		// province-sized file does not hold every
		// audit entry in memory at once (all in the caller's one transaction: still all
		// or nothing).
		List<OrgRow> inserts = new ArrayList<>(WRITE_CHUNK);
		List<AuditEntry> createdEntries = new ArrayList<>(WRITE_CHUNK);
		List<OrgStore.HistoryEntry> createdHistory = new ArrayList<>(WRITE_CHUNK);
		for (int i = 0; i < fresh.size(); i++) {
			OrgRecord r = fresh.get(i).record();
			long id = ids.get(i);
			Optional<OrgRow> parent = r.parentCode()
				.map(pc -> created.containsKey(pc) ? created.get(pc) : check.db.get(pc));
			OrgRow row = new OrgRow(id, r.code().strip(), r.name().strip(), parent.map(OrgRow::id),
					parent.map(OrgRow::path).orElse("/") + id + "/", parent.map(p -> p.depth() + 1).orElse(0), r.kind(),
					r.sector(), r.establishedOn(), r.lastElectionOn(),
					r.termYears().orElse(r.kind().defaultTermYears()), r.residentYouth(), r.registeredPop635(),
					r.youthWorkCommittee(), r.dissolvedOn(), 0);
			created.put(row.code(), row);
			inserts.add(row);
			events.publishEvent(new OrgCreated(id, row.code(), row.parentId(), row.kind()));
			createdEntries.add(new AuditEntry("ORG_CREATED", Optional.of(id), "ORG", row.code(),
					"导入新建组织 " + row.code() + " " + row.name(), OrgChanges.between(Optional.empty(), row)));
			createdHistory.add(new OrgStore.HistoryEntry(id, "CREATED", actor.username(), "导入新建"));
			if (inserts.size() == WRITE_CHUNK || i == fresh.size() - 1) {
				store.insertAll(inserts, now);
				store.historyAll(createdHistory, now);
				audit.recordAll(actor, createdEntries);
				inserts.clear();
				createdEntries.clear();
				createdHistory.clear();
			}
		}
		log.info("  {} orgs inserted with their history and audit rows in {} ms", fresh.size(),
				(System.nanoTime() - t0) / 1_000_000);
		if (store.updateAttributes(updates, now) != updates.size()) {
			throw Problem.conflict("record.stale", Text.of("导入期间有组织被他人修改，导入已取消，请重新导入",
					"Someone else changed an org during the import: the import was cancelled; import again"));
		}
		// Parents before children of the tree as it will be: an org is moved only when
		// the
		// moved orgs above its new place are already where the file puts them, so that no
		// step passes through a loop.
		for (Row row : moves) {
			depth(row.record().code(), check, depthInFile);
		}
		moves.sort(Comparator.comparingInt(r -> depthInFile.get(r.record().code())));
		for (Row row : moves) {
			OrgRow org = store.findByCodeAnywhere(row.record().code()).orElseThrow();
			OrgRow newParent = store.findByCodeAnywhere(row.record().parentCode().orElseThrow()).orElseThrow();
			if (newParent.path().startsWith(org.path())) {
				throw Problem.conflict("record.stale", Text.of("导入期间组织树被他人修改，导入已取消，请重新导入",
						"Someone else changed the org tree during the import: the import was cancelled; import again"));
			}
			String from = org.parentId().flatMap(store::findAnywhere).map(OrgRow::code).orElse("");
			store.move(org, newParent, now);
			events.publishEvent(new OrgMoved(org.id(), org.code(), org.parentId(), newParent.id()));
			entries.add(new AuditEntry("ORG_MOVED", Optional.of(org.id()), "ORG", org.code(),
					"导入迁移组织 " + org.code() + " " + org.name(), List.of(new Change("parent", from, newParent.code()))));
			history.add(new OrgStore.HistoryEntry(org.id(), "MOVED", actor.username(),
					"上级组织：" + from + " → " + newParent.code()));
		}
		store.historyAll(history, now);
		audit.recordAll(actor, entries);
		dissolved.forEach(events::publishEvent);
		Set<String> changed = new HashSet<>();
		updates.forEach(u -> changed.add(u.code()));
		moves.forEach(m -> changed.add(m.record().code()));
		return new ImportOutcome(fresh.size(), changed.size(), unchanged, List.of());
	}

	private static int depth(String code, Check check, Map<String, Integer> memo) {
		Integer known = memo.get(code);
		if (known != null) {
			return known;
		}
		int d = check.byCode.get(code)
			.record()
			.parentCode()
			.filter(check.byCode::containsKey)
			.map(p -> depth(p, check, memo) + 1)
			.orElse(0);
		memo.put(code, d);
		return d;
	}

}
