package org.tuanwu.demo.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.Period;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgNode;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.shared.Command;

/**
 * {@code bench [--calls N] [--warmup N]}: times the org tree's everyday reads on a loaded
 * data set (normally the province demo) through the real service: children of a city, a
 * county and a township, and the first page of 50 orgs of a subtree in path order under a
 * city and under the root, and the name search for three keywords beside the plain LIKE
 * scan it replaced. Prints p50/p95/max per read. Not a test: the figures depend on the
 * machine (docs/benchmarks.md).
 */
@Component
class BenchCommand implements Command {

	private static final Actor ACTOR = Actor.commandLine("bench");

	private final OrganizationManagement orgs;

	private final List<IndicatorSource> indicators;

	private final OrgTreeSource tree;

	private final JdbcClient jdbc;

	private final Clock clock;

	BenchCommand(OrganizationManagement orgs, List<IndicatorSource> indicators, OrgTreeSource tree, JdbcClient jdbc,
			Clock clock) {
		this.orgs = orgs;
		this.indicators = indicators;
		this.tree = tree;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String usage() {
		return "bench [--calls N] [--warmup N] [--runs N] [--search-calls N] [--only search]   测量组织树常用查询、名称搜索和 ORG_* 指标的耗时（先用 demo --scale province 载入数据）";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		int calls;
		int warmup;
		int runs;
		int searchCalls;
		Optional<String> only;
		try {
			CommandOptions options = CommandOptions.parse(args,
					Set.of("calls", "warmup", "runs", "search-calls", "only"));
			calls = Integer.parseInt(options.get("calls").orElse("300"));
			warmup = Integer.parseInt(options.get("warmup").orElse("100"));
			runs = Integer.parseInt(options.get("runs").orElse("5"));
			searchCalls = Integer.parseInt(options.get("search-calls").orElse("100"));
			only = options.get("only");
			if (only.isPresent() && !only.get().equals("search")) {
				throw new IllegalArgumentException("--only 只能是 search：" + only.get());
			}
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println("用法：" + usage());
			return 2;
		}
		List<OrgNode> roots = orgs.roots(ACTOR, false);
		if (roots.isEmpty()) {
			err.println("数据库中没有组织，请先运行 demo --scale province");
			return 1;
		}
		OrgNode root = roots.get(0);
		OrgNode city = firstChild(root, Set.of(OrgKind.CITY_COMMITTEE), root);
		OrgNode county = firstChild(city, Set.of(OrgKind.COUNTY_COMMITTEE, OrgKind.DISTRICT_COMMITTEE), city);
		OrgNode township = firstChild(county, Set.of(OrgKind.TOWNSHIP_COMMITTEE, OrgKind.STREET_WORK_COMMITTEE),
				county);
		if (only.isPresent()) {
			search(out, root, city, searchCalls);
			return 0;
		}
		long total = orgs.stats(ACTOR, Optional.of(root.id())).total();
		out.printf("数据：顶级组织 %s（%s）下共 %d 个未撤销组织；每项预热 %d 次，测量 %d 次%n", root.code(), root.name(), total, warmup, calls);
		out.printf("%-44s %8s %8s %8s %8s%n", "查询", "行数", "p50 ms", "p95 ms", "max ms");
		measure(out, "children(市 " + city.code() + ")", warmup, calls,
				() -> orgs.children(ACTOR, city.id(), false).size());
		measure(out, "children(县 " + county.code() + ")", warmup, calls,
				() -> orgs.children(ACTOR, county.id(), false).size());
		measure(out, "children(乡镇 " + township.code() + ")", warmup, calls,
				() -> orgs.children(ACTOR, township.id(), false).size());
		measure(out, "search(\"\", 市 " + city.code() + ", 第1页50行)", warmup, calls,
				() -> orgs.search(ACTOR, "", Optional.of(city.id()), Optional.empty(), false, 0, 50).items().size());
		measure(out, "search(\"\", 根 " + root.code() + ", 第1页50行)", warmup, calls,
				() -> orgs.search(ACTOR, "", Optional.of(root.id()), Optional.empty(), false, 0, 50).items().size());
		measure(out, "search(\"\", 市 " + city.code() + ", 第20页50行)", warmup, calls,
				() -> orgs.search(ACTOR, "", Optional.of(city.id()), Optional.empty(), false, 19, 50).items().size());
		search(out, root, city, searchCalls);
		indicators(out, root, county, runs);
		return 0;
	}

	static final List<String> KEYWORDS = List.of("村", "新华", "团支部");

	/**
	 * Name search, first page of 50 with its pager count, through the service (the
	 * trigram index on PostgreSQL), beside the plain LIKE scan it replaced, run here on
	 * the same data as the baseline.
	 */
	private void search(PrintStream out, OrgNode root, OrgNode city, int calls) {
		int warmup = Math.max(1, calls / 10);
		out.printf("%n名称搜索：第1页50行及其计数；“新”= 服务（PostgreSQL 上用三元组索引），“旧”= 原来的 LIKE '%%…%%' 扫描；每项预热 %d 次，测量 %d 次%n", warmup,
				calls);
		out.printf("%-44s %8s %8s %8s %8s%n", "查询", "行数", "p50 ms", "p95 ms", "max ms");
		for (String keyword : KEYWORDS) {
			for (OrgNode under : List.of(root, city)) {
				String where = (under == root ? "根 " : "市 ") + under.code();
				Scope scope = scope(under);
				measure(out, "新 search(\"" + keyword + "\", " + where + ")", warmup, calls,
						() -> orgs.search(ACTOR, keyword, Optional.of(under.id()), Optional.empty(), false, 0, 50)
							.items()
							.size());
				measure(out, "旧 LIKE(\"" + keyword + "\", " + where + ")", warmup, calls,
						() -> oldLikeSearch(keyword, scope));
			}
		}
	}

	/**
	 * The search as it was before the trigram index: the pager's capped count and the
	 * page.
	 */
	private int oldLikeSearch(String keyword, Scope scope) {
		String escaped = keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		String where = " WHERE o.path >= :lower AND o.path < :upper AND (o.code LIKE :prefix OR o.name LIKE :contains)"
				+ " AND o.dissolved_on IS NULL";
		jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM org o" + where + " LIMIT 10001) t")
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.param("prefix", escaped + "%")
			.param("contains", "%" + escaped + "%")
			.query(Long.class)
			.single();
		return jdbc
			.sql("SELECT o.id, o.code, o.name, (SELECT count(*) FROM org c WHERE c.parent_id = o.id"
					+ " AND c.dissolved_on IS NULL) AS child_count FROM org o" + where
					+ " ORDER BY o.path LIMIT 50 OFFSET 0")
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.param("prefix", escaped + "%")
			.param("contains", "%" + escaped + "%")
			.query((rs, n) -> rs.getLong(1))
			.list()
			.size();
	}

	/**
	 * Every ORG_* code for the root through the indicator source (one query per family),
	 * against the naive way — one query per org and code for its subtree — timed on a
	 * county and extrapolated to the root by org count, and against a plain count(*) over
	 * the same tables.
	 */
	private void indicators(PrintStream out, OrgNode root, OrgNode county, int runs) {
		IndicatorSource source = indicators.stream()
			.filter(s -> s.codes().stream().anyMatch(c -> c.startsWith("ORG_")))
			.findFirst()
			.orElseThrow();
		Set<String> codes = source.codes().stream().filter(c -> c.startsWith("ORG_")).collect(Collectors.toSet());
		Period period = Period.parse(Integer.toString(LocalDate.now(clock).getYear()), clock);
		Scope rootScope = scope(root);
		out.printf("%n指标（%d 个 ORG_* 指标，期间 %s，每项 %d 次取中位数）%n", codes.size(), period, runs);
		source.count(codes, rootScope, period);
		double engine = median(runs, () -> source.count(codes, rootScope, period));
		double scan = median(runs, () -> {
			jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();
			jdbc.sql("SELECT count(*) FROM org").query(Long.class).single();
		});
		long unitRows = jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();
		long orgRows = jdbc.sql("SELECT count(*) FROM org").query(Long.class).single();
		out.printf("%-44s %10.1f ms%n", "count(全部 ORG_*, 根 " + root.code() + ")", engine);
		out.printf("%-44s %10.1f ms（org %d 行，unit %d 行）%n", "SELECT count(*) FROM unit + org", scan, orgRows, unitRows);
		out.printf("%-44s %10.1f×%n", "引擎 / 全表计数", engine / Math.max(0.001, scan));
		// The naive way on the county: every org of it, every code, one query each.
		List<OrgTreeSource.TreeOrg> countyOrgs = new ArrayList<>();
		tree.forEachInSubtree(scope(county), countyOrgs::add);
		long start = System.nanoTime();
		for (OrgTreeSource.TreeOrg o : countyOrgs) {
			Scope own = Scope.of(o.id(), o.path());
			for (String code : codes) {
				source.count(Set.of(code), own, period);
			}
		}
		double naiveCounty = (System.nanoTime() - start) / 1_000_000.0;
		long rootOrgs = orgRowsUnder(rootScope);
		double naiveRoot = naiveCounty * rootOrgs / Math.max(1, countyOrgs.size());
		double engineCounty = median(runs, () -> source.count(codes, scope(county), period));
		out.printf("%-44s %10.1f ms（%d 个组织 × %d 个指标 = %d 次查询）%n", "逐组织逐指标查询（县 " + county.code() + "）", naiveCounty,
				countyOrgs.size(), codes.size(), countyOrgs.size() * codes.size());
		out.printf("%-44s %10.1f ms%n", "count(全部 ORG_*, 县 " + county.code() + ")", engineCounty);
		out.printf("%-44s %10.1f×%n", "逐组织 / 引擎（县）", naiveCounty / Math.max(0.001, engineCounty));
		out.printf("%-44s %10.1f ms（按组织数 %d 外推）%n", "逐组织逐指标查询（根，外推）", naiveRoot, rootOrgs);
		out.printf("%-44s %10.1f×%n", "逐组织 / 引擎（根，外推）", naiveRoot / Math.max(0.001, engine));
	}

	private long orgRowsUnder(Scope scope) {
		return jdbc.sql("SELECT count(*) FROM org WHERE path >= ? AND path < ?")
			.params(scope.lower(), scope.upper())
			.query(Long.class)
			.single();
	}

	private Scope scope(OrgNode org) {
		return tree.findByCode(org.code()).map(t -> Scope.of(t.id(), t.path())).orElseThrow();
	}

	private static double median(int runs, Runnable call) {
		long[] nanos = new long[Math.max(1, runs)];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return ms(nanos[nanos.length / 2]);
	}

	/**
	 * The first child of one of the kinds (at a smaller scale than the province, the
	 * parent itself stands in).
	 */
	private OrgNode firstChild(OrgNode parent, Set<OrgKind> kinds, OrgNode fallback) {
		if (!kinds.contains(parent.kind()) && parent.kind() != OrgKind.PROVINCE_COMMITTEE
				&& parent.kind() != OrgKind.CITY_COMMITTEE && parent.kind() != OrgKind.COUNTY_COMMITTEE
				&& parent.kind() != OrgKind.DISTRICT_COMMITTEE) {
			return fallback;
		}
		return orgs.children(ACTOR, parent.id(), false)
			.stream()
			.filter(n -> kinds.contains(n.kind()))
			.findFirst()
			.orElse(fallback);
	}

	private static void measure(PrintStream out, String label, int warmup, int calls, Supplier<Integer> call) {
		int rows = 0;
		for (int i = 0; i < warmup; i++) {
			rows = call.get();
		}
		long[] nanos = new long[calls];
		for (int i = 0; i < calls; i++) {
			long start = System.nanoTime();
			call.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		out.printf("%-44s %8d %8.2f %8.2f %8.2f%n", label, rows, ms(nanos[calls / 2]),
				ms(nanos[(int) Math.ceil(calls * 0.95) - 1]), ms(nanos[calls - 1]));
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

}
