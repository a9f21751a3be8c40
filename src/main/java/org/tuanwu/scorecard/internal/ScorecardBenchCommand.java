package org.tuanwu.scorecard.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.Period;
import org.tuanwu.shared.Command;

/**
 * {@code bench-scorecard [--org CODE] [--period YYYY] [--runs N]}: times a full
 * evaluation (subtree walk, one count per source, roll-up, targets) of every
 * {@code ORG_*} indicator for one org, bypassing the cache. A benchmark, not a test;
 * docs/benchmarks.md records its figures.
 */
@Component
class ScorecardBenchCommand implements Command {

	private final ScorecardEngine engine;

	private final AuditLog audit;

	ScorecardBenchCommand(ScorecardEngine engine, AuditLog audit) {
		this.engine = engine;
		this.audit = audit;
	}

	@Override
	public String name() {
		return "bench-scorecard";
	}

	@Override
	public String usage() {
		return "bench-scorecard [--org 组织编码] [--period YYYY] [--runs N]  测量全部 ORG_* 指标的完整考核耗时（不用缓存）";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Actor actor = Actor.commandLine(System.getProperty("user.name", "cli"));
		Optional<String> orgCode = option(args, "org");
		Period period = engine
			.period(option(args, "period").orElse(Integer.toString(LocalDate.now(engine.clock()).getYear() - 1)));
		int runs = Integer.parseInt(option(args, "runs").orElse("5"));
		TreeOrg org = orgCode.map(c -> engine.org(actor, c)).or(() -> engine.top(actor.scope())).orElse(null);
		if (org == null) {
			err.println("数据库中没有组织，请先运行 demo --scale province");
			return 1;
		}
		// Every ORG_* code, informational: the engine does all its work, only the
		// comparison is skipped.
		List<RulePack.PackIndicator> indicators = IndicatorCatalogue.all()
			.keySet()
			.stream()
			.filter(c -> c.startsWith("ORG_"))
			.map(c -> new RulePack.PackIndicator(c, Optional.empty(), true, List.of(), "bench"))
			.toList();
		RulePack pack = new RulePack("BENCH", 1, "全部 ORG_* 指标", "", Optional.empty(), Map.of("bench", ""), indicators,
				"", true, Optional.empty(), Optional.empty());
		List<Double> times = new ArrayList<>();
		ScorecardEngine.Evaluation last = null;
		for (int i = 0; i < runs + 1; i++) {
			long started = System.nanoTime();
			last = engine.compute(org, pack, period, audit.dataVersion());
			if (i > 0) { // the first run warms the JIT and the database's caches
				times.add((System.nanoTime() - started) / 1_000_000.0);
			}
		}
		Collections.sort(times);
		out.printf("完整考核：%s（%s）下 %d 个组织，%d 个 ORG_* 指标，期间 %s%n", org.code(), org.name(), last.orgs(), indicators.size(),
				period);
		out.printf("  %d 次（预热 1 次后）：中位数 %.1f ms，最快 %.1f ms，最慢 %.1f ms%n", times.size(), times.get(times.size() / 2),
				times.get(0), times.get(times.size() - 1));
		return 0;
	}

	private static Optional<String> option(List<String> args, String name) {
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (a.equals("--" + name) && i + 1 < args.size()) {
				return Optional.of(args.get(i + 1));
			}
			if (a.startsWith("--" + name + "=")) {
				return Optional.of(a.substring(name.length() + 3));
			}
		}
		return Optional.empty();
	}

}
