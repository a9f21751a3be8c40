package org.tuanwu.scorecard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.Alert;
import org.tuanwu.scorecard.AlertSource;
import org.tuanwu.scorecard.AlertSource.AlertKind;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.internal.ScorecardView.OrgRef;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * 待办提醒: what every {@link AlertSource} reports for a subtree today, as one list — counted
 * per kind, filtered by kind and by township, paged, exported. The list is the kinds in
 * order (sources in bean order, each source's kinds in its order), each kind in its
 * source's order; a page is cut across kinds from the per-kind counts, so no source is
 * ever asked for more than the page.
 */
@Service
class Todos {

	/** The township level of the tree (乡镇团委, 街道团工委). */
	static final Set<String> TOWNSHIP_KINDS = Set.of("TOWNSHIP_COMMITTEE", "STREET_WORK_COMMITTEE");

	/** An export stops here and says so in its last row. */
	static final int EXPORT_LIMIT = 100_000;

	/** How many items the dashboard shows. */
	static final int DASHBOARD_ITEMS = 5;

	private final ScorecardEngine engine;

	private final ObjectProvider<AlertSource> sources;

	private final AuditLog audit;

	/**
	 * Counts per kind code by (subtree, day, data version): paging through a province's
	 * list asks for them on every page. Keyed on the data version read from the database,
	 * like the scorecard cache, so a write through any node shows at once.
	 */
	private record CountKey(String subtree, LocalDate day, long dataVersion) {
	}

	private final Map<CountKey, Map<String, Long>> countCache = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<CountKey, Map<String, Long>> eldest) {
				return size() > 256;
			}
		});

	Todos(ScorecardEngine engine, ObjectProvider<AlertSource> sources, AuditLog audit) {
		this.engine = engine;
		this.sources = sources;
		this.audit = audit;
	}

	/** The filters of one request, resolved and checked. */
	record Filter(TreeOrg org, Optional<TreeOrg> township, Optional<String> kind) {

		Scope subtree() {
			return ScorecardEngine.subtree(township.orElse(org));
		}

	}

	record KindCount(String kind, String title, long count) {
	}

	record UnitRef(String code, String name) {
	}

	record TodoItem(String kind, String title, OrgRef org, @Nullable OrgRef township, LocalDate date,
			@Nullable UnitRef unit, Text note) {
	}

	/** Counts per kind (every kind, zeros included) and the first items. */
	record Summary(OrgRef org, @Nullable OrgRef township, long total, List<KindCount> kinds, List<TodoItem> first) {
	}

	private record Kind(AlertSource source, AlertKind kind) {
	}

	Filter filter(Actor actor, Optional<String> org, Optional<String> kind, Optional<String> township) {
		actor.require(Permission.SCORECARD_READ);
		TreeOrg top = org.filter(c -> !c.isBlank()).map(c -> engine.org(actor, c)).orElseGet(() -> top(actor));
		Optional<String> k = kind.filter(c -> !c.isBlank()).map(String::strip);
		if (k.isPresent() && kinds().stream().noneMatch(x -> x.kind().code().equals(k.get()))) {
			throw Problem.badRequest("todo.kind-unknown",
					Text.of("没有这种待办类型：{0}", "No such kind of to-do: {0}", k.get()));
		}
		Optional<TreeOrg> t = township.filter(c -> !c.isBlank()).map(c -> engine.org(actor, c));
		if (t.isPresent()) {
			if (!TOWNSHIP_KINDS.contains(t.get().kind())) {
				throw Problem.badRequest("todo.township-invalid", Text.of("按乡镇筛选只能选乡镇团委或街道团工委：{0}（{1}）不是乡镇级组织",
						"The township filter takes a township committee or a street work committee: {0} ({1}) is not at township level",
						t.get().name(), t.get().code()));
			}
			if (!t.get().path().startsWith(top.path())) {
				throw Problem.badRequest("todo.township-outside",
						Text.of("乡镇 {0} 不在 {1} 之下，请先切换到包含它的组织",
								"The township {0} is not below {1}: switch to an org that contains it first",
								t.get().name(), top.name()));
			}
		}
		return new Filter(top, t, k);
	}

	Summary summary(Actor actor, Filter filter, boolean english, int first) {
		LocalDate today = today();
		Map<Kind, Long> counts = counts(filter, today, false);
		List<KindCount> kinds = new ArrayList<>();
		long total = 0;
		for (Map.Entry<Kind, Long> e : counts.entrySet()) {
			kinds.add(new KindCount(e.getKey().kind().code(), title(e.getKey().kind(), english), e.getValue()));
			total += e.getValue();
		}
		List<TodoItem> items = items(actor, counts, filter, today, 0, first, english);
		return new Summary(ref(filter.org()), filter.township().map(Todos::ref).orElse(null), total, kinds, items);
	}

	Page<TodoItem> list(Actor actor, Filter filter, boolean english, int page, int size) {
		int pageSize = Page.size(size);
		int p = Math.max(0, page);
		LocalDate today = today();
		Map<Kind, Long> counts = counts(filter, today, true);
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		return new Page<>(items(actor, counts, filter, today, (long) p * pageSize, pageSize, english), total, p,
				pageSize);
	}

	/** Every item of the filter, at most {@link #EXPORT_LIMIT}; the total beside them. */
	Page<TodoItem> all(Actor actor, Filter filter, boolean english) {
		LocalDate today = today();
		Map<Kind, Long> counts = counts(filter, today, true);
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		return new Page<>(items(actor, counts, filter, today, 0, EXPORT_LIMIT, english), total, 0, EXPORT_LIMIT);
	}

	void auditExport(Actor actor, Filter filter, long rows) {
		audit.record(actor,
				new AuditEntry("EXPORT", Optional.of(filter.org().id()), "TODOS", filter.org().code(),
						"导出待办提醒（xlsx）：" + filter.org().name() + filter.township().map(t -> "，乡镇 " + t.name()).orElse("")
								+ filter.kind().map(k -> "，类型 " + k).orElse("") + "，共 " + rows + " 条",
						List.of()));
	}

	List<AlertKind> kindsInOrder() {
		return kinds().stream().map(Kind::kind).toList();
	}

	private List<Kind> kinds() {
		List<Kind> kinds = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		sources.orderedStream().forEach(s -> s.kinds().forEach(k -> {
			if (seen.add(k.code())) {
				kinds.add(new Kind(s, k));
			}
		}));
		return kinds;
	}

	/** Per kind in order; only the filtered kind when {@code filtered}. */
	private Map<Kind, Long> counts(Filter filter, LocalDate today, boolean filtered) {
		Scope subtree = filter.subtree();
		List<Kind> kinds = kinds();
		Map<String, Long> all = countCache.computeIfAbsent(new CountKey(subtree.lower(), today, audit.dataVersion()),
				k -> {
					Map<String, Long> counted = new HashMap<>();
					Set<AlertSource> asked = new HashSet<>();
					for (Kind kind : kinds) {
						if (asked.add(kind.source())) {
							counted.putAll(kind.source().count(subtree, today));
						}
					}
					return Map.copyOf(counted);
				});
		Map<Kind, Long> counts = new LinkedHashMap<>();
		for (Kind k : kinds) {
			if (filtered && filter.kind().isPresent() && !filter.kind().get().equals(k.kind().code())) {
				continue;
			}
			counts.put(k, all.getOrDefault(k.kind().code(), 0L));
		}
		return counts;
	}

	/** The items from {@code offset}, cut across the kinds by their counts. */
	private List<TodoItem> items(Actor actor, Map<Kind, Long> counts, Filter filter, LocalDate today, long offset,
			int limit, boolean english) {
		List<Alert> alerts = new ArrayList<>();
		Map<String, String> titles = new HashMap<>();
		long skip = offset;
		int wanted = limit;
		for (Map.Entry<Kind, Long> e : counts.entrySet()) {
			titles.put(e.getKey().kind().code(), title(e.getKey().kind(), english));
			long n = e.getValue();
			if (wanted <= 0) {
				break;
			}
			if (skip >= n) {
				skip -= n;
				continue;
			}
			int take = (int) Math.min(wanted, n - skip);
			List<Alert> part = e.getKey()
				.source()
				.alerts(e.getKey().kind().code(), filter.subtree(), today, skip, take);
			alerts.addAll(part);
			wanted -= part.size();
			skip = 0;
		}
		Map<Long, TreeOrg> townships = townships(actor, alerts);
		return alerts.stream()
			.map(a -> new TodoItem(a.kind(), titles.getOrDefault(a.kind(), a.kind()),
					new OrgRef(a.orgId(), a.orgCode(), a.orgName()),
					Optional.ofNullable(townships.get(a.orgId())).map(Todos::ref).orElse(null), a.date(),
					a.unitCode().map(c -> new UnitRef(c, a.unitName().orElse(""))).orElse(null), a.note()))
			.toList();
	}

	/**
	 * The township-level org above (or at) each alert's org, when the actor may see it:
	 * two lookups for the page, whatever its size.
	 */
	private Map<Long, TreeOrg> townships(Actor actor, List<Alert> alerts) {
		Set<Long> orgIds = new HashSet<>();
		alerts.forEach(a -> orgIds.add(a.orgId()));
		if (orgIds.isEmpty()) {
			return Map.of();
		}
		List<TreeOrg> orgs = engine.tree().findByIds(orgIds);
		Set<Long> ancestors = new HashSet<>();
		orgs.forEach(o -> ancestors.addAll(pathIds(o.path())));
		Map<Long, TreeOrg> levels = new HashMap<>();
		engine.tree()
			.findByIds(ancestors)
			.stream()
			.filter(o -> TOWNSHIP_KINDS.contains(o.kind()) && actor.scope().covers(o.path()))
			.forEach(o -> levels.put(o.id(), o));
		Map<Long, TreeOrg> result = new HashMap<>();
		for (TreeOrg o : orgs) {
			List<Long> ids = pathIds(o.path());
			// The nearest township-level org on the path, the org itself included.
			for (int i = ids.size() - 1; i >= 0; i--) {
				TreeOrg t = levels.get(ids.get(i));
				if (t != null) {
					result.put(o.id(), t);
					break;
				}
			}
		}
		return result;
	}

	static List<Long> pathIds(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.parseLong(part));
			}
		}
		return ids;
	}

	private static String title(AlertKind kind, boolean english) {
		return english ? kind.titleEn() : kind.title();
	}

	private static OrgRef ref(TreeOrg o) {
		return new OrgRef(o.id(), o.code(), o.name());
	}

	private LocalDate today() {
		return LocalDate.now(engine.clock());
	}

	private TreeOrg top(Actor actor) {
		if (actor.scope().isNone()) {
			throw Problem.notFound("org.not-found",
					Text.of("您的账号没有可查看的组织范围", "Your account has no scope of orgs to view"));
		}
		return engine.top(actor.scope())
			.orElseThrow(() -> Problem.notFound("org.not-found",
					Text.of("您的管理范围内还没有组织", "There is no org in your scope yet")));
	}

}
