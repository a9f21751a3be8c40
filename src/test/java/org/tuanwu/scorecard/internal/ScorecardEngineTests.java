package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.Counts;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.Period;
import org.tuanwu.scorecard.internal.ScorecardView.ChildScorecard;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.scorecard.internal.ScorecardView.Status;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;

/**
 * The engine on a hand-built tree with fake sources; every expected figure is worked out
 * by hand below.
 *
 * <pre>
 * 示例县 C (1, COUNTY_COMMITTEE)
 * ├── 甲镇 T1 (2, TOWNSHIP_COMMITTEE)
 * │   └── 一村 V1 (4, BRANCH)      villages 3 of 4 covered
 * ├── 乙镇 T2 (3, TOWNSHIP_COMMITTEE)
 * │   └── 二村 V2 (5, BRANCH)      villages 1 of 6 covered
 * └── 丙镇 T3 (6, TOWNSHIP_COMMITTEE, dissolved 2023-06-30)
 * </pre>
 */
class ScorecardEngineTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	static final String PACK = """
			id: TEST
			title: 测试规则包
			issuer: 测试单位
			issuedOn: 2024-01-15
			clauses:
			  T-1: 村级团组织设置达到100%。
			  T-2: 增幅达到20%以上。
			indicators:
			  - {code: ORG_VILLAGE_COVERAGE, target: {op: ">=", value: 1.0}, clause: T-1}
			  - {code: ORG_THREE_NEW_GROWTH, target: {op: ">=", value: 0.20}, clause: T-2}
			  - {code: ORG_SOCIAL_COVERAGE, target: {op: ">=", value: 0.6}, clause: T-1}
			  - {code: MEM_REGISTRATION_RATE, target: {op: ">=", value: 1.0}, clause: T-1}
			  - {code: MEM_PARTY_VIA_LEAGUE, informational: true, clause: T-1}
			  - {code: ORG_YOUTH_SOCIETY_LED, target: {op: ">=", value: 3}, appliesTo: [COUNTY_COMMITTEE], clause: T-1}
			""";

	static final TreeOrg C = org(1, null, "C", "示例县", "COUNTY_COMMITTEE", "/1/", null);

	static final TreeOrg T1 = org(2, 1L, "T1", "甲镇", "TOWNSHIP_COMMITTEE", "/1/2/", null);

	static final TreeOrg T2 = org(3, 1L, "T2", "乙镇", "TOWNSHIP_COMMITTEE", "/1/3/", null);

	static final TreeOrg V1 = org(4, 2L, "V1", "一村", "BRANCH", "/1/2/4/", null);

	static final TreeOrg V2 = org(5, 3L, "V2", "二村", "BRANCH", "/1/3/5/", null);

	static final TreeOrg T3 = org(6, 1L, "T3", "丙镇", "TOWNSHIP_COMMITTEE", "/1/6/", LocalDate.of(2023, 6, 30));

	static final List<TreeOrg> TREE = List.of(C, T1, T2, V1, V2, T3);

	static TreeOrg org(long id, Long parent, String code, String name, String kind, String path, LocalDate dissolved) {
		return new TreeOrg(id, Optional.ofNullable(parent), code, name, kind, path, Optional.ofNullable(dissolved));
	}

	final AtomicLong dataVersion = new AtomicLong(7);

	final FakeSource source = new FakeSource();

	final ScorecardEngine engine = new ScorecardEngine(() -> Optional.of(new FakeTree()), () -> List.of(source),
			new FakeAudit(), CLOCK);

	final RulePack pack = RulePackParser.parse(PACK, true);

	final Actor admin = new Actor(0, "admin", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "test");

	ScorecardView evaluate(String org, String period) {
		return engine.evaluate(admin, pack, org, engine.period(period)).scorecard();
	}

	static IndicatorResult indicator(List<IndicatorResult> results, String code) {
		return results.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
	}

	static Optional<IndicatorResult> find(List<IndicatorResult> results, String code) {
		return results.stream().filter(i -> i.code().equals(code)).findFirst();
	}

	static ChildScorecard child(ScorecardView view, String code) {
		return view.children().stream().filter(c -> c.org().code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void rollsVillageCoverageUpThreeLevelsBySummingCountsNotAveragingRates() {
		ScorecardView view = evaluate("C", "2024");

		IndicatorResult county = indicator(view.indicators(), "ORG_VILLAGE_COVERAGE");
		// (3 + 1) / (4 + 6) = 4/10 = 0.4 — not the average of 0.75 and 0.1667 (= 0.4583).
		assertThat(county.numerator()).isEqualTo(4);
		assertThat(county.denominator()).isEqualTo(10);
		assertThat(county.value()).isEqualTo(0.4);
		assertThat(county.status()).isEqualTo(Status.NOT_MET);
		assertThat(county.source()).isEqualTo("T-1");
		assertThat(county.sourceText()).isEqualTo("村级团组织设置达到100%。");

		IndicatorResult t1 = indicator(child(view, "T1").indicators(), "ORG_VILLAGE_COVERAGE");
		assertThat(t1.numerator()).isEqualTo(3);
		assertThat(t1.denominator()).isEqualTo(4);
		assertThat(t1.value()).isEqualTo(0.75);
		IndicatorResult t2 = indicator(child(view, "T2").indicators(), "ORG_VILLAGE_COVERAGE");
		assertThat(t2.value()).isEqualTo(0.166667); // 1/6 rounded to six places
	}

	@Test
	void asksEachSourceOnceForAllItsCodes() {
		evaluate("C", "2024");

		assertThat(source.calls).isEqualTo(1);
		assertThat(source.askedCodes).contains("ORG_VILLAGE_COVERAGE", "ORG_THREE_NEW_GROWTH", "MEM_PARTY_VIA_LEAGUE");
		assertThat(source.askedScope).isEqualTo(Scope.of(1, "/1/"));
	}

	@Test
	void growthIsComparedExactly() {
		ScorecardView view = evaluate("C", "2024");

		// County: T1 has 5 at the end of 5 at the start, T2 1 of 0: 6/5 − 1 = 0.20 meets
		// ≥ 20 %.
		IndicatorResult county = indicator(view.indicators(), "ORG_THREE_NEW_GROWTH");
		assertThat(county.numerator()).isEqualTo(6);
		assertThat(county.denominator()).isEqualTo(5);
		assertThat(county.value()).isEqualTo(0.2);
		assertThat(county.status()).isEqualTo(Status.MET);
		// T1: 5/5 − 1 = 0 does not.
		IndicatorResult t1 = indicator(child(view, "T1").indicators(), "ORG_THREE_NEW_GROWTH");
		assertThat(t1.value()).isEqualTo(0.0);
		assertThat(t1.status()).isEqualTo(Status.NOT_MET);
		// T2: nothing at the start: no growth can be computed.
		IndicatorResult t2 = indicator(child(view, "T2").indicators(), "ORG_THREE_NEW_GROWTH");
		assertThat(t2.status()).isEqualTo(Status.NO_DATA);
		assertThat(t2.value()).isNull();
	}

	@Test
	void denominatorZeroIsNoDataNeverAPass() {
		ScorecardView view = evaluate("C", "2024");

		IndicatorResult social = indicator(view.indicators(), "ORG_SOCIAL_COVERAGE");
		assertThat(social.status()).isEqualTo(Status.NO_DATA);
		assertThat(social.value()).isNull();
		assertThat(social.numerator()).isZero();
		assertThat(social.denominator()).isZero();
	}

	@Test
	void aCodeNoSourceProvidesIsNoDataWithTheReason() {
		IndicatorResult registration = indicator(evaluate("C", "2024").indicators(), "MEM_REGISTRATION_RATE");

		assertThat(registration.status()).isEqualTo(Status.NO_DATA);
		assertThat(registration.value()).isNull();
		assertThat(registration.reason().zh()).isEqualTo("平台尚未记录该指标所需的数据");
		assertThat(registration.reason().en()).isEqualTo("The platform does not record the data of this indicator yet");
	}

	@Test
	void informationalIndicatorsAreInfoWithTheirValue() {
		IndicatorResult party = indicator(evaluate("C", "2024").indicators(), "MEM_PARTY_VIA_LEAGUE");

		// 51 of 70 new party members under 28 were recommended: 0.728571, shown but never
		// pass/fail.
		assertThat(party.status()).isEqualTo(Status.INFO);
		assertThat(party.value()).isEqualTo(0.728571);
		assertThat(party.target()).isNull();
	}

	@Test
	void countsAreTheNumeratorAndAppliesToFiltersByOrgKind() {
		ScorecardView view = evaluate("C", "2024");

		// 2 at the county itself + 1 at T1 = 3 ≥ 3.
		IndicatorResult led = indicator(view.indicators(), "ORG_YOUTH_SOCIETY_LED");
		assertThat(led.value()).isEqualTo(3L);
		assertThat(led.denominator()).isNull();
		assertThat(led.status()).isEqualTo(Status.MET);
		// Townships are not county committees: the indicator is left out for them.
		assertThat(find(child(view, "T1").indicators(), "ORG_YOUTH_SOCIETY_LED")).isEmpty();
		// And a township evaluated on its own does not get it either.
		assertThat(find(evaluate("T1", "2024").indicators(), "ORG_YOUTH_SOCIETY_LED")).isEmpty();
	}

	@Test
	void aChildDissolvedByThePeriodEndIsNotListed() {
		assertThat(evaluate("C", "2024").children()).extracting(c -> c.org().code()).containsExactly("T1", "T2");
		assertThat(evaluate("C", "2023").children()).extracting(c -> c.org().code()).containsExactly("T1", "T2");
		// Still there at the end of 2022.
		assertThat(evaluate("C", "2022").children()).extracting(c -> c.org().code()).containsExactly("T1", "T2", "T3");
	}

	@Test
	void countsTheOrgsAndBranchesNotDissolvedByTheEvaluationDate() {
		var org = engine.org(admin, "C");
		// 2024: C, T1, T2, V1, V2 (T3 dissolved 2023-06-30); branches V1, V2.
		assertThat(engine.tally(org, engine.period("2024"))).isEqualTo(new OrgTreeSource.Tally(5, 2));
		// 2022: T3 still there.
		assertThat(engine.tally(org, engine.period("2022")).orgs()).isEqualTo(6);
	}

	@Test
	void aChildsFigureIsItsWholeSubtreeAndTheTopsIsTheSumOfAll() {
		// T1 evaluated on its own: its only child V1 holds 3 of 4.
		ScorecardView t1 = evaluate("T1", "2024");
		assertThat(indicator(t1.indicators(), "ORG_VILLAGE_COVERAGE").numerator()).isEqualTo(3);
		assertThat(indicator(child(t1, "V1").indicators(), "ORG_VILLAGE_COVERAGE").denominator()).isEqualTo(4);
		// At the county the party-via-league counts are the county's own (51/70).
		assertThat(indicator(evaluate("C", "2024").indicators(), "MEM_PARTY_VIA_LEAGUE").numerator()).isEqualTo(51);
	}

	@Test
	void theCurrentYearIsEvaluatedAsOfTodayAPastYearAsOfItsLastDay() {
		evaluate("C", "2024");
		assertThat(source.askedPeriod.asOf()).isEqualTo(LocalDate.of(2024, 5, 20));
		assertThat(source.askedPeriod.start()).isEqualTo(LocalDate.of(2024, 1, 1));

		evaluate("C", "2023");
		assertThat(source.askedPeriod.asOf()).isEqualTo(LocalDate.of(2023, 12, 31));
	}

	@Nested
	class Refusals {

		@Test
		void refusesAFuturePeriod() {
			assertThatThrownBy(() -> evaluate("C", "2025")).isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.code()).isEqualTo("scorecard.period-future"));
		}

		@Test
		void refusesAMalformedPeriod() {
			assertThatThrownBy(() -> evaluate("C", "24年")).isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.status()).isEqualTo(400);
				assertThat(p.code()).isEqualTo("scorecard.period-invalid");
			});
		}

		@Test
		void answersNotFoundForAnOrgOutsideTheScope() {
			Actor townAdmin = new Actor(9, "t1", Set.of(Role.ORG_ADMIN), Scope.of(2, "/1/2/"), "test");

			assertThatThrownBy(() -> engine.evaluate(townAdmin, pack, "T2", engine.period("2024")))
				.isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.status()).isEqualTo(404);
					assertThat(p.code()).isEqualTo("org.not-found");
				});
			assertThat(engine.evaluate(townAdmin, pack, "T1", engine.period("2024")).scorecard().org().code())
				.isEqualTo("T1");
		}

		@Test
		void answersNotFoundForAnUnknownOrg() {
			assertThatThrownBy(() -> evaluate("NOPE", "2024")).isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.status()).isEqualTo(404));
		}

	}

	@Test
	void servesFromTheCacheUntilTheDataVersionChanges() {
		ScorecardView first = evaluate("C", "2024");
		ScorecardView again = evaluate("C", "2024");
		assertThat(source.calls).isEqualTo(1);
		assertThat(again).isSameAs(first);

		dataVersion.incrementAndGet(); // any audited write
		source.village.put(4L, new Counts(4, 4));
		ScorecardView fresh = evaluate("C", "2024");

		assertThat(source.calls).isEqualTo(2);
		assertThat(fresh.dataVersion()).isEqualTo(8);
		assertThat(indicator(fresh.indicators(), "ORG_VILLAGE_COVERAGE").numerator()).isEqualTo(5); // 4
																									// +
																									// 1
	}

	@Test
	void severalPacksShareOneWalkAndOneCountPerSourceAndGiveTheSameFigures() {
		RulePack other = RulePackParser.parse("""
				id: OTHER
				title: 另一规则包
				clauses:
				  O-1: 村级团组织设置达到90%。
				indicators:
				  - {code: ORG_VILLAGE_COVERAGE, target: {op: ">=", value: 0.9}, clause: O-1}
				""", true);
		var org = engine.org(admin, "C");
		var both = engine.evaluateAll(org, List.of(pack, other), engine.period("2024"));
		assertThat(source.calls).isEqualTo(1);
		var village = indicator(both.get(1).scorecard().indicators(), "ORG_VILLAGE_COVERAGE");
		var alone = indicator(evaluate("C", "2024").indicators(), "ORG_VILLAGE_COVERAGE");
		assertThat(source.calls).as("the first pack's evaluation was cached").isEqualTo(1);
		assertThat(village.numerator()).isEqualTo(alone.numerator());
		assertThat(village.denominator()).isEqualTo(alone.denominator());
		assertThat(village.target().value()).isEqualByComparingTo("0.9");
	}

	@Test
	void evidenceIsAskedOfTheOwningSourceForTheOrgsSubtree() {
		Page<Evidence> page = engine.evidence(admin, pack, "T1", engine.period("2024"), "ORG_VILLAGE_COVERAGE", true, 0,
				50);

		assertThat(page.items()).extracting(Evidence::code).containsExactly("V1-村");
		assertThat(source.evidenceScope).isEqualTo(Scope.of(2, "/1/2/"));
		// A code no source provides has no records.
		assertThat(
				engine.evidence(admin, pack, "C", engine.period("2024"), "MEM_REGISTRATION_RATE", false, 0, 50).items())
			.isEmpty();
	}

	class FakeAudit implements AuditLog {

		@Override
		public void record(Actor actor, AuditEntry entry) {
			dataVersion.incrementAndGet();
		}

		@Override
		public void recordAll(Actor actor, List<AuditEntry> entries) {
			dataVersion.addAndGet(entries.size());
		}

		@Override
		public long dataVersion() {
			return dataVersion.get();
		}

		@Override
		public void record(String username, Optional<String> ip, AuditEntry entry) {
			dataVersion.incrementAndGet();
		}

	}

	static class FakeTree implements OrgTreeSource {

		@Override
		public Optional<TreeOrg> findByCode(String code) {
			return TREE.stream().filter(o -> o.code().equals(code)).findFirst();
		}

		@Override
		public void forEachInSubtree(Scope subtree, Consumer<TreeOrg> sink) {
			TREE.stream().filter(o -> subtree.covers(o.path())).forEach(sink);
		}

	}

	static class FakeSource implements IndicatorSource {

		int calls;

		Set<String> askedCodes = Set.of();

		Scope askedScope = Scope.NONE;

		Scope evidenceScope = Scope.NONE;

		Period askedPeriod;

		final Map<Long, Counts> village = new HashMap<>(Map.of(4L, new Counts(3, 4), 5L, new Counts(1, 6)));

		@Override
		public Set<String> codes() {
			return Set.of("ORG_VILLAGE_COVERAGE", "ORG_THREE_NEW_GROWTH", "ORG_SOCIAL_COVERAGE", "MEM_PARTY_VIA_LEAGUE",
					"ORG_YOUTH_SOCIETY_LED");
		}

		/**
		 * As the contract says: each org's own counts, rolled up to the child of the
		 * asked top whose subtree holds the org (or to the top itself).
		 */
		@Override
		public Map<String, Map<Long, Counts>> count(Set<String> codes, Scope subtree, Period period) {
			calls++;
			askedCodes = codes;
			askedScope = subtree;
			askedPeriod = period;
			Map<String, Map<Long, Counts>> all = Map.of("ORG_VILLAGE_COVERAGE", village, "ORG_THREE_NEW_GROWTH",
					Map.of(2L, new Counts(5, 5), 3L, new Counts(1, 0)), "MEM_PARTY_VIA_LEAGUE",
					Map.of(1L, new Counts(51, 70)), "ORG_YOUTH_SOCIETY_LED",
					Map.of(1L, new Counts(2, 0), 2L, new Counts(1, 0)));
			String top = subtree.path().orElseThrow();
			Map<String, Map<Long, Counts>> answer = new HashMap<>();
			codes.forEach(c -> {
				if (all.containsKey(c)) {
					Map<Long, Counts> byChild = new HashMap<>();
					all.get(c)
						.forEach((id, counts) -> TREE.stream()
							.filter(o -> o.id() == id && subtree.covers(o.path()))
							.findFirst()
							.ifPresent(o -> {
								String rest = o.path().substring(top.length());
								long key = rest.isEmpty() ? subtree.orgId().orElseThrow()
										: Long.parseLong(rest.substring(0, rest.indexOf('/')));
								byChild.merge(key, counts, Counts::plus);
							}));
					answer.put(c, byChild);
				}
			});
			return answer;
		}

		@Override
		public Page<Evidence> evidence(String code, Scope subtree, Period period, boolean failingOnly, int page,
				int size) {
			evidenceScope = subtree;
			List<Evidence> rows = new ArrayList<>();
			rows.add(new Evidence("UNIT", "V1-村", "一村", 4, "V1", "一村", false, "无团组织"));
			return new Page<>(rows, rows.size(), page, size);
		}

	}

}
