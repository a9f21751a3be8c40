package org.tuanwu.scorecard.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.IndicatorFamilies;
import org.tuanwu.scorecard.IndicatorFamily;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.Period;
import org.tuanwu.shared.Command;

/**
 * {@code bench-scorecard [--org CODE] [--period YYYY] [--runs N]}: times a full
 * evaluation (children, tallies, one count per source, targets) of every {@code ORG_*}
 * indicator for one org, bypassing the cache, beside its baseline measured in the same
 * run: one bare {@code GROUP BY org_id} scan of each family's tables over the same
 * subtree, and each family's own scan. A benchmark, not a test; docs/benchmarks.md
 * records its figures.
 */
@Component
class ScorecardBenchCommand implements Command {

	private final ScorecardEngine engine;

	private final AuditLog audit;

	private final ObjectProvider<IndicatorSource> sources;

	private final JdbcClient jdbc;

	ScorecardBenchCommand(ScorecardEngine engine, AuditLog audit, ObjectProvider<IndicatorSource> sources,
			JdbcClient jdbc) {
		this.engine = engine;
		this.audit = audit;
		this.sources = sources;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "bench-scorecard";
	}

	@Override
	public String usage() {
		return "bench-scorecard [--org 组织编码] [--period YYYY] [--runs N]  测量全部 ORG_* 指标的完整考核耗时（不用缓存），与同一子树的裸扫描对比";
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
		Scope subtree = ScorecardEngine.subtree(org);
		List<IndicatorFamily> families = sources.orderedStream().flatMap(s -> s.families().stream()).toList();
		int f = families.size();
		double[][] bare = new double[f][runs];
		double[][] scan = new double[f][runs];
		long[] rows = new long[f];
		double[] full = new double[runs];
		// Run 0 warms the JIT and the database's caches; each later run measures every
		// figure once, so that a busy moment of the machine hits all of them alike.
		for (int run = 0; run <= runs; run++) {
			for (int i = 0; i < f; i++) {
				IndicatorFamily family = families.get(i);
				long started = System.nanoTime();
				long[] n = new long[1];
				jdbc.sql(family.bareScanSql())
					.param("lower", subtree.lower())
					.param("upper", subtree.upper())
					.query(rs -> {
						n[0]++;
					});
				double bareMs = ms(started);
				rows[i] = n[0];
				started = System.nanoTime();
				new IndicatorFamilies(jdbc, List.of(family)).count(family.codes(), subtree, period);
				double scanMs = ms(started);
				if (run > 0) {
					bare[i][run - 1] = bareMs;
					scan[i][run - 1] = scanMs;
				}
			}
			long started = System.nanoTime();
			engine.compute(org, pack, period, audit.dataVersion());
			if (run > 0) {
				full[run - 1] = ms(started);
			}
		}
		out.printf("完整考核：%s（%s）下 %d 个组织，%d 个 ORG_* 指标，期间 %s；预热 1 次后各测 %d 次，取中位数%n", org.code(), org.name(),
				engine.tally(org, period).orgs(), indicators.size(), period, runs);
		double bareTotal = 0;
		double scanTotal = 0;
		for (int i = 0; i < f; i++) {
			IndicatorFamily family = families.get(i);
			double b = median(bare[i]);
			double s = median(scan[i]);
			bareTotal += b;
			scanTotal += s;
			out.printf("  指标族 %-40s 裸扫描 GROUP BY org_id %8.1f ms（%d 行）   族的一次扫描（%d 个指标）%8.1f ms%n",
					family.codes().iterator().next() + " 等", b, rows[i], family.codes().size(), s);
		}
		double evaluation = median(full);
		out.printf("  裸扫描合计 %.1f ms；各族扫描合计 %.1f ms%n", bareTotal, scanTotal);
		out.printf("  完整考核（下级、各族计数、汇总、目标）：中位数 %.1f ms，最快 %.1f ms，最慢 %.1f ms%n", evaluation, min(full), max(full));
		// Paired as well: each run's evaluation against the bare scans of the same run,
		// so
		// that a slow moment of a shared machine weighs on both sides of the ratio.
		double[] paired = new double[runs];
		for (int run = 0; run < runs; run++) {
			double bareOfRun = 0;
			for (int i = 0; i < f; i++) {
				bareOfRun += bare[i][run];
			}
			paired[run] = full[run] / Math.max(0.001, bareOfRun);
		}
		out.printf("  完整考核 / 裸扫描合计 = %.2f×（中位数之比）；逐次配对之比的中位数 %.2f×（最小 %.2f×，最大 %.2f×）（目标 ≤ 3×）%n",
				evaluation / Math.max(0.001, bareTotal), median(paired), min(paired), max(paired));
		return 0;
	}

	private static double ms(long started) {
		return (System.nanoTime() - started) / 1_000_000.0;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double min(double[] values) {
		return Arrays.stream(values).min().orElse(0);
	}

	private static double max(double[] values) {
		return Arrays.stream(values).max().orElse(0);
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
