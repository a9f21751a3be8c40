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

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgImport.Outcome;
import org.tuanwu.organization.OrgImport.Row;
import org.tuanwu.organization.OrgImport.RowError;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.shared.Problem;

/**
 * Applies an {@code organizations} file: every row is checked against the file and the
 * database first (codes, parents, kinds, scope, cycles); only a file without a single bad
 * row is written, in the caller's transaction. Rows are keyed by org code, so importing
 * the same file again updates and never duplicates.
 */
@Component
class OrgImporter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrgImporter.class);

	/** Rows written per batch of org, history and audit inserts. */
	private static final int WRITE_CHUNK = 5_000;

	static final String CODE = "组织编码";

	static final String NAME = "组织名称";

	static final String PARENT = "上级组织编码";

	static final String KIND = "组织类别";

	static final String TERM = "届期(年)";

	static final String ESTABLISHED = "成立日期";

	static final String ELECTION = "最近换届日期";

	static final String DISSOLVED = "撤销日期";

	static final String YOUTH = "14至35岁常住青年数";

	static final String POPULATION = "6至35岁户籍人口数";

	private final OrgStore store;

	private final AuditLog audit;

	private final Clock clock;

	OrgImporter(OrgStore store, AuditLog audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	Outcome run(Actor actor, List<Row> rows, List<RowError> earlier) {
		long started = System.nanoTime();
		Check check = new Check(actor.scope(), rows);
		check.run();
		log.info("import of {} org rows: checked in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
		List<RowError> errors = new ArrayList<>(earlier);
		errors.addAll(check.errors);
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(RowError::row));
			return new Outcome(0, 0, 0, errors);
		}
		Outcome outcome = write(actor, check);
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

		final LocalDate today = LocalDate.now(clock);

		Check(Scope scope, List<Row> rows) {
			this.scope = scope;
			this.rows = rows;
		}

		void error(Row row, String column, String value, String reason) {
			errors.add(new RowError(row.number(), column, value, reason));
			badRows.add(row.number());
		}

		void run() {
			for (Row row : rows) {
				OrgRecord r = row.record();
				OrgRules.checkCode(r.code()).ifPresent(m -> error(row, CODE, r.code(), m));
				OrgRules.checkName(r.name()).ifPresent(m -> error(row, NAME, r.name(), m));
				r.termYears()
					.flatMap(OrgRules::checkTermYears)
					.ifPresent(m -> error(row, TERM, r.termYears().get().toString(), m));
				r.residentYouth().filter(n -> n < 0).ifPresent(n -> error(row, YOUTH, n.toString(), "不能为负数"));
				r.registeredPop635().filter(n -> n < 0).ifPresent(n -> error(row, POPULATION, n.toString(), "不能为负数"));
				future(row, ESTABLISHED, r.establishedOn());
				future(row, ELECTION, r.lastElectionOn());
				future(row, DISSOLVED, r.dissolvedOn());
				if (r.establishedOn().isPresent() && r.dissolvedOn().isPresent()
						&& r.dissolvedOn().get().isBefore(r.establishedOn().get())) {
					error(row, DISSOLVED, r.dissolvedOn().get().toString(), "撤销日期不能早于成立日期");
				}
				Row first = byCode.putIfAbsent(r.code(), row);
				if (first != null) {
					error(row, CODE, r.code(), "组织编码在文件中重复（第 " + first.number() + " 行已有）");
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
				checkPlace(row);
			}
			checkCycles();
		}

		void future(Row row, String column, Optional<LocalDate> date) {
			date.filter(d -> d.isAfter(today)).ifPresent(d -> error(row, column, d.toString(), "日期不能晚于今天"));
		}

		Optional<String> dbParentCode(OrgRow org) {
			return org.parentId().map(dbById::get).map(OrgRow::code);
		}

		void checkPlace(Row row) {
			OrgRecord r = row.record();
			Optional<OrgRow> existing = Optional.ofNullable(db.get(r.code()));
			if (existing.isPresent() && !scope.covers(existing.get().path())) {
				error(row, CODE, r.code(), "组织编码 " + r.code() + " 已被您管辖范围之外的组织使用");
				return;
			}
			if (r.parentCode().isEmpty()) {
				if (existing.isPresent() && existing.get().parentId().isPresent()) {
					error(row, PARENT, "", "上级组织编码不能为空（该组织现在的上级是 " + dbParentCode(existing.get()).orElse("") + "）");
				}
				else if (existing.isEmpty() && !scope.isAll()) {
					error(row, PARENT, "", "上级组织编码不能为空：只有全平台管理员可以导入顶级组织");
				}
				return;
			}
			String parentCode = r.parentCode().get();
			if (parentCode.equals(r.code())) {
				error(row, PARENT, parentCode, "上级组织不能是组织自己");
				return;
			}
			Row parentRow = byCode.get(parentCode);
			OrgRow parentDb = db.get(parentCode);
			if (parentRow == null && parentDb == null) {
				error(row, PARENT, parentCode, "上级组织编码 " + parentCode + " 在文件和系统中都不存在");
				return;
			}
			boolean moves = existing.isPresent() && !r.parentCode().equals(dbParentCode(existing.get()));
			if (moves && scope.orgId().map(id -> id == existing.get().id()).orElse(false)) {
				error(row, PARENT, parentCode, "不能改变您所管辖的最高一级组织的上级组织");
				return;
			}
			if ((existing.isEmpty() || moves) && parentRow == null && !scope.covers(parentDb.path())) {
				error(row, PARENT, parentCode, "上级组织 " + parentCode + " 不在您的管辖范围内");
				return;
			}
			var parentKind = parentRow != null ? parentRow.record().kind() : parentDb.kind();
			if (!parentKind.mayHaveChild(r.kind())) {
				error(row, KIND, r.kind().label(), OrgService.kindRule(parentKind, r.kind()));
			}
			boolean parentDissolved = parentRow != null ? parentRow.record().dissolvedOn().isPresent()
					: parentDb.dissolved();
			if (parentDissolved && r.dissolvedOn().isEmpty()) {
				error(row, PARENT, parentCode, "上级组织 " + parentCode + " 已撤销，不能在其下设立未撤销的组织");
			}
			if (existing.isPresent() && existing.get().kind() != r.kind()
					&& (r.kind().isBranch() || r.kind() == org.tuanwu.organization.OrgKind.GENERAL_BRANCH)) {
				boolean conflict = store.children(Scope.ALL, existing.get().id(), true)
					.stream()
					.anyMatch(c -> !r.kind().mayHaveChild(c.kind()));
				if (conflict) {
					error(row, KIND, r.kind().label(), "该组织已有下级组织，不能改为" + r.kind().label());
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
						List<String> cycle = chain.subList(chain.indexOf(current), chain.size());
						String text = String.join(" → ", cycle) + " → " + current;
						for (String code : cycle) {
							Row inFile = byCode.get(code);
							if (inFile != null && !badRows.contains(inFile.number())) {
								error(inFile, PARENT, inFile.record().parentCode().orElse(""), "上下级关系构成循环：" + text);
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

	private Outcome write(Actor actor, Check check) {
		Instant now = clock.instant();
		List<Row> fresh = new ArrayList<>();
		List<OrgRow> updates = new ArrayList<>();
		List<Row> moves = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		List<OrgStore.HistoryEntry> history = new ArrayList<>();
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
			throw Problem.conflict("record.stale", "导入期间有组织被他人修改，导入已取消，请重新导入");
		}
		for (Row row : moves) {
			OrgRow org = store.findByCodeAnywhere(row.record().code()).orElseThrow();
			OrgRow newParent = store.findByCodeAnywhere(row.record().parentCode().orElseThrow()).orElseThrow();
			OrgService.checkMove(org, newParent);
			String from = org.parentId().flatMap(store::findAnywhere).map(OrgRow::code).orElse("");
			store.move(org, newParent, now);
			entries.add(new AuditEntry("ORG_MOVED", Optional.of(org.id()), "ORG", org.code(),
					"导入迁移组织 " + org.code() + " " + org.name(), List.of(new Change("parent", from, newParent.code()))));
			history.add(new OrgStore.HistoryEntry(org.id(), "MOVED", actor.username(),
					"上级组织：" + from + " → " + newParent.code()));
		}
		store.historyAll(history, now);
		audit.recordAll(actor, entries);
		Set<String> changed = new HashSet<>();
		updates.forEach(u -> changed.add(u.code()));
		moves.forEach(m -> changed.add(m.record().code()));
		return new Outcome(fresh.size(), changed.size(), unchanged, List.of());
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
