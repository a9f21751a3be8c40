package org.tuanwu.scorecard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.Permission;
import org.tuanwu.scorecard.Alert;
import org.tuanwu.scorecard.AlertSource;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.Period;
import org.tuanwu.scorecard.internal.ScorecardView.ChildScorecard;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.scorecard.internal.ScorecardView.OrgRef;
import org.tuanwu.scorecard.internal.ScorecardView.Status;
import org.tuanwu.shared.Problem;

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

	private final ObjectProvider<AlertSource> alertSources;

	Scorecards(ScorecardEngine engine, RulePacks packs, AuditLog audit, ObjectProvider<AlertSource> alertSources) {
		this.engine = engine;
		this.packs = packs;
		this.audit = audit;
		this.alertSources = alertSources;
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
			throw Problem.badRequest("scorecard.trend-invalid", "起始年度 " + first.year() + " 晚于结束年度 " + last.year());
		}
		if (last.year() - first.year() + 1 > MAX_TREND_YEARS) {
			throw Problem.badRequest("scorecard.trend-invalid", "趋势最多显示 " + MAX_TREND_YEARS + " 个年度");
		}
		if (p.indicator(code).isEmpty()) {
			throw Problem.notFound("scorecard.indicator-not-found", "规则包 " + p.id() + " 中没有指标 " + code);
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

	record Dashboard(OrgRef org, Tiles tiles, List<PackTally> packs, List<WorstChild> worstChildren,
			List<AlertView> alerts) {
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

	record AlertView(String type, OrgRef org, LocalDate date, @Nullable UnitRef unit) {
	}

	record UnitRef(String code, String name) {
	}

	Dashboard dashboard(Actor actor, Optional<String> orgCode) {
		actor.require(Permission.SCORECARD_READ);
		TreeOrg org = orgCode.filter(c -> !c.isBlank()).map(c -> engine.org(actor, c)).orElseGet(() -> top(actor));
		LocalDate today = LocalDate.now(engine.clock());
		Period period = engine.period(Integer.toString(today.getYear()));
		List<PackTally> tallies = new ArrayList<>();
		int met = 0;
		int due = 0;
		int orgs = 0;
		int branches = 0;
		Figure village = new Figure(null, null, null);
		Map<Long, WorstChildBuilder> children = new LinkedHashMap<>();
		List<RulePack> latest = packs.latest();
		List<ScorecardEngine.Evaluation> evaluations = engine.evaluateAll(org, latest, period);
		for (int p = 0; p < latest.size(); p++) {
			RulePack pack = latest.get(p);
			ScorecardEngine.Evaluation e = evaluations.get(p);
			orgs = e.orgs();
			branches = e.branches();
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
			.map(WorstChildBuilder::build)
			.toList();
		List<AlertView> alerts = new ArrayList<>();
		alertSources.orderedStream().forEach(s -> {
			for (Alert a : s.alerts(ScorecardEngine.subtree(org), today)) {
				alerts.add(new AlertView(a.type(), new OrgRef(a.orgId(), a.orgCode(), a.orgName()), a.date(),
						a.unitCode().map(code -> new UnitRef(code, a.unitName().orElse(""))).orElse(null)));
			}
		});
		alerts.sort(Comparator.comparing(AlertView::date).thenComparing(a -> a.org().code()));
		return new Dashboard(new OrgRef(org.id(), org.code(), org.name()), new Tiles(orgs, branches, village, met, due),
				tallies, worst, alerts.size() > 100 ? List.copyOf(alerts.subList(0, 100)) : alerts);
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

		WorstChild build() {
			return new WorstChild(org, failing.size(),
					failing.values().stream().limit(3).map(i -> new Worst(i.code(), i.name(), i.value())).toList());
		}

	}

	/**
	 * The top of the actor's scope: the scope's own org, or for a platform-wide actor the
	 * first root.
	 */
	private TreeOrg top(Actor actor) {
		if (actor.scope().isNone()) {
			throw Problem.notFound("org.not-found", "您的账号没有可查看的组织范围");
		}
		return engine.top(actor.scope()).orElseThrow(() -> Problem.notFound("org.not-found", "您的管理范围内还没有组织"));
	}

}
