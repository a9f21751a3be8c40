package org.tuanwu.demo.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgNode;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.shared.Command;

/**
 * {@code bench [--calls N] [--warmup N]}: times the org tree's everyday reads on a loaded data set (normally the
 * province demo) through the real service: children of a city, a county and a township, and the first page of 50
 * orgs of a subtree in path order under a city and under the root. Prints p50/p95/max per read. Not a test: the
 * figures depend on the machine (docs/benchmarks.md).
 */
@Component
class BenchCommand implements Command {

	private static final Actor ACTOR = Actor.commandLine("bench");

	private final OrganizationManagement orgs;

	BenchCommand(OrganizationManagement orgs) {
		this.orgs = orgs;
	}

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String usage() {
		return "bench [--calls N] [--warmup N]   测量组织树常用查询的耗时（先用 demo --scale province 载入数据）";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		int calls;
		int warmup;
		try {
			CommandOptions options = CommandOptions.parse(args, Set.of("calls", "warmup"));
			calls = Integer.parseInt(options.get("calls").orElse("300"));
			warmup = Integer.parseInt(options.get("warmup").orElse("100"));
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
		OrgNode township = firstChild(county, Set.of(OrgKind.TOWNSHIP_COMMITTEE, OrgKind.STREET_WORK_COMMITTEE), county);
		long total = orgs.stats(ACTOR, Optional.of(root.id())).total();
		out.printf("数据：顶级组织 %s（%s）下共 %d 个未撤销组织；每项预热 %d 次，测量 %d 次%n", root.code(), root.name(), total, warmup,
				calls);
		out.printf("%-44s %8s %8s %8s %8s%n", "查询", "行数", "p50 ms", "p95 ms", "max ms");
		measure(out, "children(市 " + city.code() + ")", warmup, calls, () -> orgs.children(ACTOR, city.id(), false).size());
		measure(out, "children(县 " + county.code() + ")", warmup, calls, () -> orgs.children(ACTOR, county.id(), false).size());
		measure(out, "children(乡镇 " + township.code() + ")", warmup, calls,
				() -> orgs.children(ACTOR, township.id(), false).size());
		measure(out, "search(\"\", 市 " + city.code() + ", 第1页50行)", warmup, calls,
				() -> orgs.search(ACTOR, "", Optional.of(city.id()), Optional.empty(), false, 0, 50).items().size());
		measure(out, "search(\"\", 根 " + root.code() + ", 第1页50行)", warmup, calls,
				() -> orgs.search(ACTOR, "", Optional.of(root.id()), Optional.empty(), false, 0, 50).items().size());
		measure(out, "search(\"\", 市 " + city.code() + ", 第20页50行)", warmup, calls,
				() -> orgs.search(ACTOR, "", Optional.of(city.id()), Optional.empty(), false, 19, 50).items().size());
		return 0;
	}

	/** The first child of one of the kinds (at a smaller scale than the province, the parent itself stands in). */
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
		out.printf("%-44s %8d %8.2f %8.2f %8.2f%n", label, rows, ms(nanos[calls / 2]), ms(nanos[(int) Math.ceil(calls * 0.95) - 1]),
				ms(nanos[calls - 1]));
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

}
