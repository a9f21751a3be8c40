package org.tuanwu.scorecard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.Permission;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.Period;
import org.tuanwu.scorecard.internal.ScorecardView.ChildScorecard;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.scorecard.internal.ScorecardView.OrgRef;
import org.tuanwu.scorecard.internal.ScorecardView.Status;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * The use cases behind the API and the command: scorecard, trend, dashboard, and the
 * audit of exports.
 */
@Service
class Scorecards {

	static final int MAX_TREND_YEARS = 15;

	private final ScorecardEngine engine;

	private final RulePacks packs;

	private final AuditLog audit;

	private final Todos todos;

	Scorecards(ScorecardEngine engine, RulePacks packs, AuditLog audit, Todos todos) {
		this.engine = engine;
		this.packs = packs;
		this.audit = audit;
		this.todos = todos;
	}

	ScorecardView scorecard(Actor actor, String org, String pack, Optional<Integer> version, String period) {
		actor.require(Permission.SCORECARD_READ);
		RulePack p = packs.get(pack, version);
		Period parsed = engine.period(period);
		return engine.evaluate(actor, p, org, parsed).scorecard();
	}

	RulePack pack(String id, Optional<Integer> version) {
		return packs.get(id, version);
	}

	void auditExport(Actor actor, ScorecardView view, String what) {
		audit.record(actor,
				new AuditEntry("EXPORT", Optional.of(view.org().id()), "SCORECARD",
						view.pack().id() + ":" + view.pack().version() + ":" + view.org().code() + ":" + view.period(),
						"导出指标考核" + what + "：" + view.org().name() + "，" + view.pack().title() + "（版本 "
								+ view.pack().version() + "），" + view.period() + " 年度",
						List.of()));
	}

	void auditEvidenceExport(Actor actor, String org, String pack, String period, String code) {
		audit.record(actor,
				AuditEntry.of("EXPORT", "导出指标明细（xlsx）：" + org + "，" + pack + "，" + period + " 年度，指标 " + code));
	}

	record TrendPoint(String period, @Nullable Number value, @Nullable Long numerator, @Nullable Long denominator,
			Status status) {
	}

	List<TrendPoint> trend(Actor actor, String org, String pack, Optional<Integer> version, String code,
			Optional<String> from, Optional<String> to) {
		RulePack p = packs.get(pack, version);
		int current = LocalDate.now(engine.clock()).getYear();
		Period last = engine.period(to.orElse(Integer.toString(current)));
		Period first = engine.period(from.orElse(Integer.toString(last.year() - 6)));
		if (first.year() > last.year()) {
			throw Problem.badRequest("scorecard.trend-invalid", Text.of("起始年度 {0} 晚于结束年度 {1}",
					"The first year {0} is after the last year {1}", first.year(), last.year()));
		}
		if (last.year() - first.year() + 1 > MAX_TREND_YEARS) {
			throw Problem.badRequest("scorecard.trend-invalid",
					Text.of("趋势最多显示 {0} 个年度", "A trend shows at most {0} years", MAX_TREND_YEARS));
		}
		if (p.indicator(code).isEmpty()) {
			throw Problem.notFound("scorecard.indicator-not-found",
					Text.of("规则包 {0} 中没有指标 {1}", "The rule pack {0} has no indicator {1}", p.id(), code));
		}
		TreeOrg o = engine.org(actor, org);
		List<TrendPoint> points = new ArrayList<>();
		for (int y = first.year(); y <= last.year(); y++) {
			Period period = engine.period(Integer.toString(y));
			ScorecardView view = engine.evaluate(o, p, period).scorecard();
			view.indicators()
				.stream()
				.filter(i -> i.code().equals(code))
				.findFirst()
				.ifPresentOrElse(
						i -> points.add(new TrendPoint(period.toString(), i.value(), i.numerator(), i.denominator(),
								i.status())),
						() -> points.add(new TrendPoint(period.toString(), null, null, null, Status.NO_DATA)));
		}
		return points;
	}

	/**
	 * The landing page's figures. {@code alerts} repeats {@code todos.first} in the shape
	 * the dashboard had before the to-do list (deprecated: read {@code todos}).
	 */
	record Dashboard(OrgRef org, Tiles tiles, List<PackTally> packs, List<WorstChild> worstChildren,
			Todos.Summary todos, List<AlertView> alerts) {
	}

	record Tiles(int orgs, int branches, Figure villageCoverage, int indicatorsMet, int indicatorsDue) {
	}

	record Figure(@Nullable Number value, @Nullable Long numerator, @Nullable Long denominator) {
	}

	record PackTally(String id, String title, int met, int notMet, int noData, int info) {
	}

	record WorstChild(ScorecardView.ChildRef org, int notMet, List<Worst> worst) {
	}

	record Worst(String code, String name, @Nullable Number value) {
	}

	record AlertView(String type, OrgRef org, LocalDate date, Todos.@Nullable UnitRef unit) {
	}

	Dashboard dashboard(Actor actor, Optional<String> orgCode, boolean english) {
		actor.require(Permission.SCORECARD_READ);
		Todos.Filter filter = todos.filter(actor, orgCode, Optional.empty(), Optional.empty());
		TreeOrg org = filter.org();
		LocalDate today = LocalDate.now(engine.clock());
		Period period = engine.period(Integer.toString(today.getYear()));
		List<PackTally> tallies = new ArrayList<>();
		int met = 0;
		int due = 0;
		OrgTreeSource.Tally tally = engine.tally(org, period);
		Figure village = new Figure(null, null, null);
		Map<Long, WorstChildBuilder> children = new LinkedHashMap<>();
		List<RulePack> latest = packs.latest();
		List<ScorecardEngine.Evaluation> evaluations = engine.evaluateAll(org, latest, period);
		for (int p = 0; p < latest.size(); p++) {
			RulePack pack = latest.get(p);
			ScorecardEngine.Evaluation e = evaluations.get(p);
			int[] c = new int[4];
			for (IndicatorResult i : e.scorecard().indicators()) {
				c[i.status().ordinal()]++;
				if (i.code().equals("ORG_VILLAGE_COVERAGE") && village.denominator() == null) {
					village = new Figure(i.value(), i.numerator(), i.denominator());
				}
			}
			met += c[Status.MET.ordinal()];
			due += c[Status.MET.ordinal()] + c[Status.NOT_MET.ordinal()];
			tallies.add(new PackTally(pack.id(), pack.title(), c[0], c[1], c[2], c[3]));
			for (ChildScorecard child : e.scorecard().children()) {
				WorstChildBuilder b = children.computeIfAbsent(child.org().id(),
						k -> new WorstChildBuilder(child.org()));
				child.indicators().stream().filter(i -> i.status() == Status.NOT_MET).forEach(b::add);
			}
		}
		List<WorstChild> worst = children.values()
			.stream()
			.filter(b -> !b.failing.isEmpty())
			.sorted(Comparator.comparingInt((WorstChildBuilder b) -> -b.failing.size())
				.thenComparing(b -> b.org.code()))
			.limit(5)
			.map(b -> b.build(english))
			.toList();
		Todos.Summary summary = todos.summary(actor, filter, english, Todos.DASHBOARD_ITEMS);
		List<AlertView> alerts = summary.first()
			.stream()
			.map(t -> new AlertView(t.kind(), t.org(), t.date(), t.unit()))
			.toList();
		return new Dashboard(new OrgRef(org.id(), org.code(), org.name()),
				new Tiles((int) tally.orgs(), (int) tally.branches(), village, met, due), tallies, worst, summary,
				alerts);
	}

	private static final class WorstChildBuilder {

		final ScorecardView.ChildRef org;

		final Map<String, IndicatorResult> failing = new LinkedHashMap<>();

		WorstChildBuilder(ScorecardView.ChildRef org) {
			this.org = org;
		}

		void add(IndicatorResult i) {
			failing.putIfAbsent(i.code(), i);
		}

		WorstChild build(boolean english) {
			return new WorstChild(org, failing.size(),
					failing.values()
						.stream()
						.limit(3)
						.map(i -> new Worst(i.code(), IndicatorCatalogue.name(i.code(), english), i.value()))
						.toList());
		}

	}

}
