package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.Alert;
import org.tuanwu.scorecard.AlertSource;
import org.tuanwu.scorecard.Counts;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.Period;
import org.tuanwu.support.TestUsers;

/**
 * Every ORG_* indicator on a small hand-built tree (city → counties → towns → branches),
 * for the year 2024 (as of 2024-12-31). The expected figures are counted by hand in the
 * comments, not produced by the code under test.
 */
@DatabaseTest
@Import(TestUsers.class)
class CoverageIndicatorsTests {

	static final Period Y2024 = new Period(2024, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
			LocalDate.of(2024, 12, 31));

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	UnitRegister units;

	@Autowired
	List<IndicatorSource> sources;

	@Autowired
	AlertSource alerts;

	@Autowired
	TestUsers fixtures;

	@Autowired
	Clock clock;

	final Actor platform = TestUsers.platform();

	OrgDetail city, countyX, districtY, countyZ, townA, townB, townC, a1, aj, b1, b2, e1, s1, sc1, sc2, g1, g2, g3, g4,
			g5, g6, nd;

	IndicatorSource source() {
		return sources.stream().filter(s -> s.codes().contains("ORG_VILLAGE_COVERAGE")).findFirst().orElseThrow();
	}

	OrgDetail org(@Nullable OrgDetail parent, String name, OrgKind kind, Sector sector, @Nullable String established,
			@Nullable String election, @Nullable Boolean committee) {
		OrgDraft draft = new OrgDraft(TestUsers.unique("K"), name, kind, sector,
				Optional.ofNullable(established).map(LocalDate::parse),
				Optional.ofNullable(election).map(LocalDate::parse), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.ofNullable(committee));
		return parent == null ? orgs.createRoot(platform, draft) : orgs.create(platform, parent.id(), draft);
	}

	OrgDetail dissolved(OrgDetail org, String on) {
		return orgs.dissolve(platform, org.id(), LocalDate.parse(on), "撤并");
	}

	void unit(String name, UnitType type, OrgDetail responsible, @Nullable OrgDetail league,
			@Nullable Boolean aboveScale, @Nullable Boolean meets, @Nullable Boolean party,
			@Nullable Boolean standalone, @Nullable Boolean leagueSchool, @Nullable String linkedOn,
			@Nullable Boolean led) {
		units.create(platform,
				new UnitDraft(TestUsers.unique("U"), name, type, responsible.id(),
						Optional.ofNullable(league).map(OrgDetail::id), Optional.ofNullable(aboveScale),
						Optional.ofNullable(meets), Optional.ofNullable(party), Optional.ofNullable(standalone),
						Optional.ofNullable(leagueSchool), Optional.empty(),
						Optional.ofNullable(linkedOn).map(LocalDate::parse), Optional.ofNullable(led)));
	}

	void village(String name, OrgDetail responsible, @Nullable OrgDetail league) {
		unit(name, UnitType.VILLAGE, responsible, league, null, null, null, null, null, null, null);
	}

	@BeforeEach
	void tree() {
		Sector P = Sector.PARTY_GOVERNMENT;
		city = org(null, "示例市团委", OrgKind.CITY_COMMITTEE, P, "1990-01-01", "2021-05-01", null); // on
																								// time
																								// to
																								// 2026-05-01
		countyX = org(city, "甲县团委", OrgKind.COUNTY_COMMITTEE, P, "1990-01-01", "2019-06-01", null); // expired
																									// 2024-06-01
		districtY = org(city, "乙区团委", OrgKind.DISTRICT_COMMITTEE, P, "1990-01-01", "2024-04-01", null); // elected
																										// in
																										// 2024
		countyZ = org(city, "丙县团委", OrgKind.COUNTY_COMMITTEE, P, "2025-01-05", null, null); // after
																							// the
																							// period
		townA = org(countyX, "A镇团委", OrgKind.TOWNSHIP_COMMITTEE, Sector.TOWNSHIP, "2000-01-01", "2022-03-01", true);
		townB = org(countyX, "B镇团委", OrgKind.TOWNSHIP_COMMITTEE, Sector.TOWNSHIP, "2000-01-01", null, false);
		townC = dissolved(
				org(districtY, "C街道团工委", OrgKind.STREET_WORK_COMMITTEE, Sector.TOWNSHIP, "2000-01-01", null, true),
				"2024-06-01");
		a1 = org(townA, "A1村团支部", OrgKind.BRANCH, Sector.VILLAGE, "2010-01-01", "2023-10-01", null);
		aj = org(townA, "A镇联合团支部", OrgKind.JOINT_BRANCH, Sector.VILLAGE, "2010-01-01", "2021-01-01", null);
		b1 = dissolved(org(townB, "B1村团支部", OrgKind.BRANCH, Sector.VILLAGE, "2010-01-01", null, null), "2023-06-01");
		b2 = org(townB, "B2村团支部", OrgKind.BRANCH, Sector.VILLAGE, "2025-03-01", null, null);
		e1 = org(townA, "甲公司团支部", OrgKind.BRANCH, Sector.NON_PUBLIC_ENTERPRISE, "2024-05-01", null, null);
		s1 = org(townA, "乙协会团支部", OrgKind.BRANCH, Sector.SOCIAL_ORGANIZATION, "2015-01-01", "2023-01-01", null);
		sc1 = org(countyX, "一中团委", OrgKind.BASIC_COMMITTEE, Sector.MIDDLE_SCHOOL, "2000-01-01", "2022-12-31", null);
		sc2 = dissolved(org(countyX, "职校团委", OrgKind.BASIC_COMMITTEE, Sector.VOCATIONAL, "2000-01-01", null, null),
				"2024-03-01");
		g1 = org(townA, "快递团支部", OrgKind.BRANCH, Sector.NEW_EMPLOYMENT, "2019-01-01", "2022-12-31", null); // expires
																											// 2024-12-31
		g2 = dissolved(org(townA, "丙协会团支部", OrgKind.BRANCH, Sector.SOCIAL_ORGANIZATION, "2018-01-01", null, null),
				"2024-08-01");
		g3 = org(townA, "丁公司团支部", OrgKind.BRANCH, Sector.NON_PUBLIC_ENTERPRISE, "2020-01-01", "2023-06-01", null);
		g4 = org(townA, "戊公司团支部", OrgKind.BRANCH, Sector.NON_PUBLIC_ENTERPRISE, "2021-01-01", "2024-12-31", null);
		g5 = org(townA, "己公司团支部", OrgKind.BRANCH, Sector.NON_PUBLIC_ENTERPRISE, "2025-02-01", null, null);
		g6 = org(townA, "庚协会团支部", OrgKind.BRANCH, Sector.SOCIAL_ORGANIZATION, "2024-09-09", null, null);
		nd = org(townA, "无日期团支部", OrgKind.BRANCH, Sector.OTHER, null, null, null);

		// Villages: county X itself 1 (covered by a1), town A 3 (a1, joint aj, none),
		// town B 4 (dissolved b1, b2 founded
		// after the period, joint aj of town A, none) → X 1/1, A 2/3, B 1/4; city 4/8.
		unit("K社区", UnitType.COMMUNITY, countyX, a1, null, null, null, null, null, null, null);
		village("A1村", townA, a1);
		village("A2村", townA, aj);
		village("A3村", townA, null);
		village("B1村", townB, b1);
		village("B2村", townB, b2);
		village("B3村", townB, aj);
		village("B4村", townB, null);

		// Enterprises and social organizations of town A.
		unit("NP1", UnitType.NON_PUBLIC_ENTERPRISE, townA, e1, true, true, true, null, null, null, null);
		unit("NP2", UnitType.NON_PUBLIC_ENTERPRISE, townA, null, true, true, false, null, null, null, null);
		unit("NP3", UnitType.NON_PUBLIC_ENTERPRISE, townA, null, true, false, true, null, null, null, null);
		unit("NP4", UnitType.NON_PUBLIC_ENTERPRISE, townA, e1, false, true, false, null, null, null, null);
		unit("NP5", UnitType.NON_PUBLIC_ENTERPRISE, townA, null, false, true, true, null, null, null, null);
		unit("S1", UnitType.SOCIAL_ORGANIZATION, townA, s1, null, true, true, null, null, null, null);
		unit("S2", UnitType.SOCIAL_ORGANIZATION, townA, null, null, true, false, null, null, null, null);
		unit("S3", UnitType.SOCIAL_ORGANIZATION, townA, aj, null, true, true, null, null, null, null);
		unit("S4", UnitType.SOCIAL_ORGANIZATION, townA, null, null, false, true, null, null, null, null);
		unit("SOE1", UnitType.STATE_ENTERPRISE, townB, b1, null, true, null, null, null, null, null);
		unit("SOE2", UnitType.STATE_ENTERPRISE, townB, a1, null, true, null, null, null, null, null);
		unit("SOE3", UnitType.STATE_ENTERPRISE, townB, null, null, false, null, null, null, null, null);

		// Schools of county X.
		unit("一中", UnitType.MIDDLE_SCHOOL, countyX, sc1, null, null, null, true, true, null, null);
		unit("二中", UnitType.HIGH_SCHOOL, countyX, sc1, null, null, null, false, false, null, null);
		unit("学院", UnitType.UNIVERSITY, countyX, null, null, null, null, true, null, null, null);
		unit("职校", UnitType.VOCATIONAL, countyX, sc2, null, null, null, true, true, null, null);

		// Youth societies.
		unit("Y1", UnitType.YOUTH_SOCIETY, countyX, null, null, null, null, null, null, "2024-03-01", true);
		unit("Y2", UnitType.YOUTH_SOCIETY, countyX, null, null, null, null, null, null, "2024-11-30", false);
		unit("Y3", UnitType.YOUTH_SOCIETY, countyX, null, null, null, null, null, null, "2023-12-31", true);
		unit("Y4", UnitType.YOUTH_SOCIETY, districtY, null, null, null, null, null, null, "2024-06-01", true);
	}

	Scope scope(OrgDetail org) {
		return fixtures.adminOf(org).scope();
	}

	Map<Long, Counts> perOrg(String code, OrgDetail top, Period period) {
		return source().count(Set.of(code), scope(top), period).get(code);
	}

	Counts total(String code, OrgDetail top, Period period) {
		return perOrg(code, top, period).values().stream().reduce(Counts.ZERO, Counts::plus);
	}

	@Test
	void villageCoverageRollsUpToTheChildrenWithJointDissolvedAndLateBranches() {
		// Asked at the city, every village lies under county X: one entry, X's whole
		// subtree (K社区 ✓, A1 ✓, A2 ✓ joint, A3 ✗, B1 ✗ dissolved, B2 ✗ late, B3 ✓
		// joint, B4 ✗) = 4/8.
		Map<Long, Counts> byChild = perOrg("ORG_VILLAGE_COVERAGE", city, Y2024);
		assertThat(byChild).containsOnlyKeys(countyX.id());
		assertThat(byChild.get(countyX.id())).isEqualTo(new Counts(4, 8));
		// Asked at county X: its own community (1/1) under its own id, the towns' under
		// theirs.
		Map<Long, Counts> atX = perOrg("ORG_VILLAGE_COVERAGE", countyX, Y2024);
		assertThat(atX).containsOnly(entry(countyX.id(), new Counts(1, 1)), entry(townA.id(), new Counts(2, 3)),
				entry(townB.id(), new Counts(1, 4)));
		// Town B alone: only its own villages.
		assertThat(total("ORG_VILLAGE_COVERAGE", townB, Y2024)).isEqualTo(new Counts(1, 4));
		// For 2025 (as of 2025-12-31) b2 exists: town B 2/4.
		Period y2025 = new Period(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
				LocalDate.of(2025, 12, 31));
		assertThat(total("ORG_VILLAGE_COVERAGE", townB, y2025)).isEqualTo(new Counts(2, 4));
	}

	@Test
	void everyCodeOfAFamilyIsCountedInOneScanAndTheEntriesAddUpToTheTop() {
		Map<String, Map<Long, Counts>> all = source().count(source().codes(), scope(city), Y2024);
		assertThat(all).containsOnlyKeys(source().codes());
		// City: villages 4/8 (above); term on time 10/15 (below): the sums of the
		// children's entries and the city's own.
		assertThat(all.get("ORG_VILLAGE_COVERAGE").values().stream().reduce(Counts.ZERO, Counts::plus))
			.isEqualTo(new Counts(4, 8));
		assertThat(all.get("ORG_TERM_ON_TIME").values().stream().reduce(Counts.ZERO, Counts::plus))
			.isEqualTo(new Counts(10, 15));
		// The city's own org: on time (elected 2021, 5 years); county X's subtree: X ✗, A
		// ✓,
		// B ✗, a1 ✓, aj ✗, e1 ✓, s1 ✓, sc1 ✓, g1 ✗, g3 ✓, g4 ✓, g6 ✓, nd ✗ → 8/13;
		// district Y: ✓ (C dissolved) → 1/1.
		assertThat(all.get("ORG_TERM_ON_TIME")).containsOnly(entry(city.id(), new Counts(1, 1)),
				entry(countyX.id(), new Counts(8, 13)), entry(districtY.id(), new Counts(1, 1)));
	}

	@Test
	void enterpriseAndSocialCoverage() {
		// Above scale and meeting conditions: NP1 (e1), NP2 (none) → 1/2.
		assertThat(total("ORG_NONPUBLIC_COVERAGE", city, Y2024)).isEqualTo(new Counts(1, 2));
		// Meeting conditions: SOE1 (b1 dissolved 2023), SOE2 (a1) → 1/2.
		assertThat(total("ORG_SOE_COVERAGE", city, Y2024)).isEqualTo(new Counts(1, 2));
		// With a party org and meeting conditions: NP1 ✓, NP5 ✗, S1 ✓, S3 ✓ (joint) →
		// 3/4.
		assertThat(total("ORG_TWO_NEW_PARTY_COVERAGE", city, Y2024)).isEqualTo(new Counts(3, 4));
		// Social organizations meeting conditions: S1 ✓, S2 ✗, S3 ✓ → 2/3.
		assertThat(total("ORG_SOCIAL_COVERAGE", city, Y2024)).isEqualTo(new Counts(2, 3));
	}

	@Test
	void schools() {
		// 一中 standalone with sc1 ✓; 二中 merged ✗; 学院 no org ✗; 职校 sc2 dissolved 2024-03-01
		// ✗ → 1/4.
		assertThat(total("ORG_SCHOOL_STANDALONE", city, Y2024)).isEqualTo(new Counts(1, 4));
		// Middle and vocational schools: 一中 ✓, 二中 ✗, 职校 ✓ → 2/3 (the college does not
		// count).
		assertThat(total("ORG_LEAGUE_SCHOOL", city, Y2024)).isEqualTo(new Counts(2, 3));
	}

	@Test
	void youthSocieties() {
		// Linked in 2024: Y1, Y2 (county X), Y4 (district Y); Y3 was 2023. Counties at
		// 2024-12-31: X, Y (Z from 2025).
		assertThat(total("ORG_YOUTH_SOCIETY_LINKED", city, Y2024)).isEqualTo(new Counts(3, 2));
		assertThat(perOrg("ORG_YOUTH_SOCIETY_LINKED", city, Y2024).get(countyX.id())).isEqualTo(new Counts(2, 1));
		// Led directly among those: Y1, Y4.
		assertThat(total("ORG_YOUTH_SOCIETY_LED", city, Y2024).numerator()).isEqualTo(2);
	}

	@Test
	void townYouthCommittees() {
		// Towns at 2024-12-31: A (yes), B (no); C dissolved 2024-06-01 → 1/2.
		assertThat(total("ORG_TOWN_YOUTH_COMMITTEE", city, Y2024)).isEqualTo(new Counts(1, 2));
	}

	@Test
	void threeNewGrowthFiveToSixMeetsTwentyPercentExactly() {
		// At 2024-01-01: s1, g1, g2, g3, g4 = 5. At 2024-12-31: e1, s1, g1, g3, g4, g6 =
		// 6 (g2 dissolved, g5 from 2025).
		Counts c = total("ORG_THREE_NEW_GROWTH", city, Y2024);
		assertThat(c).isEqualTo(new Counts(6, 5));
		// 6/5 − 1 ≥ 20 %, compared exactly in integers: (6 − 5) × 5 ≥ 5.
		assertThat((c.numerator() - c.denominator()) * 5).isGreaterThanOrEqualTo(c.denominator());
		// New non-public orgs founded in 2024: e1 only (g5 is 2025).
		assertThat(total("ORG_NEW_NONPUBLIC_COUNT", city, Y2024).numerator()).isEqualTo(1);
	}

	@Test
	void termsOnTime() {
		// Existing at 2024-12-31 (15): city ✓, X ✗ (2024-06-01), Y ✓ (elected 2024), A ✓,
		// B ✗ (2003), a1 ✓, aj ✗ (2023), e1 ✓, s1 ✓, sc1 ✓, g1 ✗ (expires on 2024-12-31
		// itself), g3 ✓, g4 ✓ (elected 2024), g6 ✓, nd ✗ (no date) → 10/15.
		assertThat(total("ORG_TERM_ON_TIME", city, Y2024)).isEqualTo(new Counts(10, 15));
		var failing = source().evidence("ORG_TERM_ON_TIME", scope(city), Y2024, true, 0, 50);
		assertThat(failing.total()).isEqualTo(5);
		assertThat(failing.items()).extracting(Evidence::code, Evidence::note)
			.containsExactlyInAnyOrder(tuple(countyX.code(), "届期已于 2024-06-01 届满"),
					tuple(townB.code(), "届期已于 2003-01-01 届满"), tuple(aj.code(), "届期已于 2023-01-01 届满"),
					tuple(g1.code(), "届期已于 2024-12-31 届满"), tuple(nd.code(), "无换届日期和成立日期"));
		var all = source().evidence("ORG_TERM_ON_TIME", scope(city), Y2024, false, 0, 50).items();
		assertThat(all).hasSize(15);
		// Counted: elected within the period, or the date the term runs to.
		assertThat(all).extracting(Evidence::code, Evidence::counted, Evidence::note)
			.contains(tuple(districtY.code(), true, "期内已换届（2024-04-01）"), tuple(g4.code(), true, "期内已换届（2024-12-31）"),
					tuple(city.code(), true, "届期至 2026-05-01"), tuple(e1.code(), true, "届期至 2026-05-01"));
	}

	@Test
	void everyEvidenceNoteComesFromTheConditionThatDecided() {
		var social = source().evidence("ORG_TWO_NEW_PARTY_COVERAGE", scope(city), Y2024, false, 0, 50).items();
		// NP1 by e1, S1 by s1, S3 by the joint branch aj, NP5 without an org.
		assertThat(social).extracting(Evidence::name, Evidence::note)
			.containsExactlyInAnyOrder(tuple("NP1", "由 " + e1.code() + " 甲公司团支部 覆盖"),
					tuple("S1", "由 " + s1.code() + " 乙协会团支部 覆盖"), tuple("S3", "由联合团支部 " + aj.code() + " A镇联合团支部 覆盖"),
					tuple("NP5", "无团组织"));
		var schools = source().evidence("ORG_SCHOOL_STANDALONE", scope(city), Y2024, false, 0, 50).items();
		assertThat(schools).extracting(Evidence::name, Evidence::counted, Evidence::note)
			.containsExactlyInAnyOrder(tuple("一中", true, "已单独设立团组织（" + sc1.code() + " 一中团委）"),
					tuple("二中", false, "未单独设立团组织（挂靠 " + sc1.code() + " 一中团委）"), tuple("学院", false, "无团组织"),
					tuple("职校", false, "所建团组织 " + sc2.code() + " 职校团委 已于 2024-03-01 撤销"));
		assertThat(source().evidence("ORG_LEAGUE_SCHOOL", scope(city), Y2024, true, 0, 50).items())
			.extracting(Evidence::name, Evidence::note)
			.containsExactly(tuple("二中", "未建团校"));
		// Counts list only what they count: Y1, Y2, Y4 (Y3 was 2023).
		assertThat(source().evidence("ORG_YOUTH_SOCIETY_LINKED", scope(city), Y2024, false, 0, 50).items())
			.extracting(Evidence::name, Evidence::note)
			.containsExactlyInAnyOrder(tuple("Y1", "2024-03-01 建立或联系，团委直接主导主办"), tuple("Y2", "2024-11-30 建立或联系"),
					tuple("Y4", "2024-06-01 建立或联系，团委直接主导主办"));
		assertThat(source().evidence("ORG_NEW_NONPUBLIC_COUNT", scope(city), Y2024, false, 0, 50).items())
			.extracting(Evidence::code, Evidence::note)
			.containsExactly(tuple(e1.code(), "成立于 2024-05-01"));
		// Growth: both stocks listed; g2 was there at the start only.
		var growth = source().evidence("ORG_THREE_NEW_GROWTH", scope(city), Y2024, false, 0, 50).items();
		assertThat(growth).extracting(Evidence::code, Evidence::counted, Evidence::note)
			.containsExactlyInAnyOrder(tuple(e1.code(), true, "期内新建（成立于 2024-05-01）"),
					tuple(s1.code(), true, "期初、期末均存在"), tuple(g1.code(), true, "期初、期末均存在"),
					tuple(g2.code(), false, "期初存在，已于 2024-08-01 撤销"), tuple(g3.code(), true, "期初、期末均存在"),
					tuple(g4.code(), true, "期初、期末均存在"), tuple(g6.code(), true, "期内新建（成立于 2024-09-09）"));
		assertThat(source().evidence("ORG_TOWN_YOUTH_COMMITTEE", scope(city), Y2024, false, 0, 50).items())
			.extracting(Evidence::code, Evidence::note)
			.containsExactlyInAnyOrder(tuple(townA.code(), "已成立青年工作委员会"), tuple(townB.code(), "未成立青年工作委员会"));
	}

	@Test
	void theTreeAnswersChildrenAndTalliesWithoutAWalk() {
		OrgTreeSource tree = (OrgTreeSource) source();
		var top = tree.findByCode(city.code()).orElseThrow();
		assertThat(tree.children(top)).extracting(OrgTreeSource.TreeOrg::code)
			.containsExactlyInAnyOrder(countyX.code(), districtY.code(), countyZ.code());
		// 22 orgs; dissolved by 2024-12-31: C, b1, sc2, g2 → 18; branches among them: a1,
		// aj, b2, e1, s1, g1, g3, g4, g5, g6, nd → 11.
		assertThat(tree.tally(scope(city), LocalDate.of(2024, 12, 31))).isEqualTo(new OrgTreeSource.Tally(18, 11));
		// On 2023-01-01 none of them was dissolved yet.
		assertThat(tree.tally(scope(city), LocalDate.of(2023, 1, 1))).isEqualTo(new OrgTreeSource.Tally(22, 13));
	}

	@Test
	void evidenceListsTheVillagesWithReasonsInPathOrder() {
		var page = source().evidence("ORG_VILLAGE_COVERAGE", scope(city), Y2024, false, 0, 50);
		assertThat(page.total()).isEqualTo(8);
		assertThat(page.items().get(0).orgCode()).isEqualTo(countyX.code());
		var failing = source().evidence("ORG_VILLAGE_COVERAGE", scope(city), Y2024, true, 0, 2);
		assertThat(failing.total()).isEqualTo(4);
		assertThat(failing.items()).hasSize(2);
		var all = source().evidence("ORG_VILLAGE_COVERAGE", scope(townB), Y2024, true, 0, 50).items();
		// Within one org the order is by unit code, whose collation differs between
		// databases.
		assertThat(all).extracting(Evidence::note)
			.containsExactlyInAnyOrder("所建团组织 " + b1.code() + " B1村团支部 已于 2023-06-01 撤销",
					"所建团组织 " + b2.code() + " B2村团支部 成立于 2025-03-01，晚于考核日 2024-12-31", "无团组织");
	}

	@Test
	void currentYearIsEvaluatedAsOfToday() {
		LocalDate today = LocalDate.now(clock);
		OrgDetail county = org(null, "今年县团委", OrgKind.COUNTY_COMMITTEE, Sector.PARTY_GOVERNMENT, "2000-01-01", null,
				null);
		OrgDetail town = org(county, "今年镇团委", OrgKind.TOWNSHIP_COMMITTEE, Sector.TOWNSHIP, "2000-01-01", null, null);
		OrgDetail fresh = org(town, "今年新建团支部", OrgKind.BRANCH, Sector.VILLAGE, today.withDayOfYear(1).toString(), null,
				null);
		OrgDetail old = dissolved(org(town, "去年团支部", OrgKind.BRANCH, Sector.VILLAGE, "2010-01-01", null, null),
				today.minusDays(1).toString());
		village("新村", town, fresh);
		village("旧村", town, old);
		Period current = Period.parse(Integer.toString(today.getYear()), clock);
		assertThat(current.asOf()).isEqualTo(today);
		// Today: the fresh branch covers, the old one was dissolved yesterday → 1/2.
		assertThat(total("ORG_VILLAGE_COVERAGE", county, current)).isEqualTo(new Counts(1, 2));
		// Last year's end: the fresh branch did not exist yet, the old one still covered
		// → 1/2, the other village.
		Period last = Period.parse(Integer.toString(today.getYear() - 1), clock);
		var covered = source().evidence("ORG_VILLAGE_COVERAGE", scope(county), last, false, 0, 10).items();
		assertThat(covered).filteredOn(Evidence::counted).extracting(Evidence::name).containsExactly("旧村");
		// The to-do list names the uncovered village, with the reason.
		assertThat(alerts.count(scope(county), today)).containsEntry("VILLAGE_UNCOVERED", 1L);
		assertThat(alerts.alerts("VILLAGE_UNCOVERED", scope(county), today, 0, 10))
			.extracting(Alert::unitName, Alert::orgCode, a -> a.note().zh())
			.containsExactly(tuple(Optional.of("旧村"), town.code(),
					"所建团组织 " + old.code() + " 去年团支部 已于 " + today.minusDays(1) + " 撤销"));
	}

	@Test
	void alertsNameExpiredTermsOldestFirstAndPage() {
		LocalDate today = LocalDate.now(clock);
		var expired = alerts.alerts("TERM_EXPIRED", scope(city), today, 0, 100);
		// Town B: no election, established 2000 → expired 2003-01-01, the oldest of the
		// tree (aj 2023-01-01, X 2024-06-01, g1 2024-12-31 follow; whatever else has run
		// out
		// by today comes later).
		assertThat(expired.get(0)).extracting(Alert::kind, Alert::orgCode, Alert::date, a -> a.note().zh())
			.containsExactly("TERM_EXPIRED", townB.code(), LocalDate.of(2003, 1, 1), "届期已于 2003-01-01 届满");
		assertThat(expired).extracting(Alert::orgCode).startsWith(townB.code(), aj.code(), countyX.code(), g1.code());
		// Dissolved orgs are no one's to-do: C, b1, sc2 and g2 never appear.
		assertThat(expired).extracting(Alert::orgCode)
			.doesNotContain(townC.code(), b1.code(), sc2.code(), g2.code(), nd.code());
		long count = alerts.count(scope(city), today).get("TERM_EXPIRED");
		assertThat(count).isEqualTo(expired.size());
		// The second item alone, as a page of one from offset 1.
		assertThat(alerts.alerts("TERM_EXPIRED", scope(city), today, 1, 1)).extracting(Alert::orgCode)
			.containsExactly(aj.code());
	}

	@Test
	void countsTheToDoKindsOnADay() {
		// On 2024-12-01: expired X (2024-06-01), B (2003-01-01), aj (2023-01-01);
		// expiring by 2025-03-01 (90 days: 30 + 31 + 28 + 1) g1 (2024-12-31), s1
		// (2025-01-01), A (2025-03-01, the last day included); uncovered villages as of
		// that day A3, B1 (b1 dissolved), B2 (b2 from 2025), B4.
		assertThat(alerts.count(scope(city), LocalDate.of(2024, 12, 1))).containsExactly(entry("TERM_EXPIRED", 3L),
				entry("TERM_EXPIRING", 3L), entry("VILLAGE_UNCOVERED", 4L));
		assertThat(alerts.alerts("TERM_EXPIRING", scope(city), LocalDate.of(2024, 12, 1), 0, 10))
			.extracting(Alert::orgCode, Alert::date, a -> a.note().zh())
			.containsExactly(tuple(g1.code(), LocalDate.of(2024, 12, 31), "届期将于 2024-12-31 届满"),
					tuple(s1.code(), LocalDate.of(2025, 1, 1), "届期将于 2025-01-01 届满"),
					tuple(townA.code(), LocalDate.of(2025, 3, 1), "届期将于 2025-03-01 届满"));
	}

}
