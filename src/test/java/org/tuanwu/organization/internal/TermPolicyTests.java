package org.tuanwu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;
import org.tuanwu.scorecard.AlertSource;
import org.tuanwu.scorecard.Counts;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.Period;
import org.tuanwu.support.TestUsers;

/**
 * The Java and the SQL form of the term end agree, on a hand-built set of orgs checked on
 * 2024-06-30 (D); every expected end is worked out by hand: founding + term when never
 * elected, last election + term otherwise, 29 February + 1 year = 28 February.
 */
@DatabaseTest
@Import(TestUsers.class)
class TermPolicyTests {

	static final LocalDate D = LocalDate.of(2024, 6, 30);

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers fixtures;

	@Autowired
	AlertSource alerts;

	@Autowired
	List<IndicatorSource> sources;

	final Actor platform = TestUsers.platform();

	OrgDetail root;

	/** Org → its expected end (null: unknown). */
	final Map<OrgDetail, @Nullable LocalDate> expected = new LinkedHashMap<>();

	OrgDetail neverElected, endsTomorrow, endsToday, fourYears, endsOnDayNinety, endsOnDayNinetyOne, leapOneYear,
			leapFourYears, noDates, dissolved, foundedRecently;

	OrgDetail org(String name, @Nullable String established, @Nullable String election, int termYears,
			@Nullable String expectedEnd) {
		OrgDetail o = orgs.create(platform, root.id(),
				new OrgDraft(TestUsers.unique("TP"), name, OrgKind.BRANCH, Sector.OTHER,
						Optional.ofNullable(established).map(LocalDate::parse),
						Optional.ofNullable(election).map(LocalDate::parse), Optional.of(termYears), Optional.empty(),
						Optional.empty(), Optional.empty()));
		expected.put(o, expectedEnd == null ? null : LocalDate.parse(expectedEnd));
		return o;
	}

	@BeforeEach
	void orgs() {
		root = orgs.createRoot(platform, TestUsers.draft(TestUsers.unique("TPR"), "届期测试县团委", OrgKind.COUNTY_COMMITTEE));
		neverElected = org("从未换届", "2020-03-01", null, 3, "2023-03-01");
		endsTomorrow = org("明天届满", null, "2022-07-01", 2, "2024-07-01");
		endsToday = org("今天届满", null, "2023-06-30", 1, "2024-06-30");
		fourYears = org("四年届期", null, "2021-01-15", 4, "2025-01-15");
		endsOnDayNinety = org("第90天届满", null, "2019-09-28", 5, "2024-09-28");
		endsOnDayNinetyOne = org("第91天届满", null, "2019-09-29", 5, "2024-09-29");
		leapOneYear = org("闰日一年", null, "2020-02-29", 1, "2021-02-28");
		leapFourYears = org("闰日四年", null, "2020-02-29", 4, "2024-02-29");
		noDates = org("无日期", null, null, 2, null);
		dissolved = org("已撤销", null, "2020-01-01", 2, "2022-01-01");
		orgs.dissolve(platform, dissolved.id(), LocalDate.of(2023, 5, 1), "撤并");
		foundedRecently = org("新建", "2023-08-01", null, 2, "2025-08-01");
	}

	record Sql(@Nullable LocalDate end, boolean expired, boolean running, boolean expiring) {
	}

	Sql sql(OrgDetail o) {
		String t = "CASE WHEN %s THEN 1 ELSE 0 END";
		return jdbc
			.sql("SELECT " + TermPolicy.SQL_TERM_END + ", " + t.formatted(TermPolicy.sqlExpiredOn(CoveragePolicy.AS_OF))
					+ ", " + t.formatted(TermPolicy.sqlRunningAfter(CoveragePolicy.AS_OF)) + ", "
					+ t.formatted(TermPolicy.sqlExpiringBetween(CoveragePolicy.AS_OF, "CAST(:soon AS DATE)"))
					+ " FROM org o WHERE o.id = :id")
			.param("id", o.id())
			.param("asOf", D)
			.param("soon", D.plusDays(TermPolicy.EXPIRING_WITHIN_DAYS))
			.query((rs, n) -> new Sql(rs.getObject(1, LocalDate.class), rs.getInt(2) == 1, rs.getInt(3) == 1,
					rs.getInt(4) == 1))
			.single();
	}

	@Test
	void theJavaAndTheSqlFormGiveTheSameEndAndTheSameVerdicts() {
		for (Map.Entry<OrgDetail, @Nullable LocalDate> e : expected.entrySet()) {
			OrgDetail o = e.getKey();
			Optional<LocalDate> java = TermPolicy.expiresOn(o.lastElectionOn(), o.establishedOn(), o.termYears());
			Sql sql = sql(o);
			assertThat(java).as(o.name()).isEqualTo(Optional.ofNullable(e.getValue()));
			assertThat(sql.end()).as(o.name()).isEqualTo(e.getValue());
			assertThat(sql.expired()).as(o.name())
				.isEqualTo(TermPolicy.expired(o.lastElectionOn(), o.establishedOn(), o.termYears(), D));
			assertThat(sql.running()).as(o.name())
				.isEqualTo(TermPolicy.runningAfter(o.lastElectionOn(), o.establishedOn(), o.termYears(), D));
			assertThat(sql.expiring()).as(o.name())
				.isEqualTo(TermPolicy.expiring(o.lastElectionOn(), o.establishedOn(), o.termYears(), D));
		}
		// The org detail shows the same end.
		assertThat(orgs.get(platform, leapOneYear.id()).termExpiresOn()).hasValue(LocalDate.of(2021, 2, 28));
	}

	@Test
	void theVerdictsOnTheDayAreTheOnesWorkedOutByHand() {
		// Expired on D: ended 2023-03-01, on D itself, 2021-02-28, 2024-02-29 (and the
		// dissolved one's 2022-01-01). Unknown terms are neither expired nor running.
		assertThat(expected.keySet().stream().filter(o -> sql(o).expired()).map(OrgDetail::name))
			.containsExactlyInAnyOrder("从未换届", "今天届满", "闰日一年", "闰日四年", "已撤销");
		// Expiring: after D and by D + 90 days = 2024-09-28.
		assertThat(expected.keySet().stream().filter(o -> sql(o).expiring()).map(OrgDetail::name))
			.containsExactlyInAnyOrder("明天届满", "第90天届满");
		assertThat(sql(noDates)).isEqualTo(new Sql(null, false, false, false));
	}

	@Test
	void theToDoListAndTheIndicatorTakeTheirTermsFromThePolicy() {
		var scope = fixtures.adminOf(root).scope();
		// The dissolved org is no one's to-do although its term ran out.
		assertThat(alerts.count(scope, D)).contains(entry("TERM_EXPIRED", 4L), entry("TERM_EXPIRING", 2L));
		assertThat(alerts.alerts("TERM_EXPIRED", scope, D, 0, 10)).extracting(a -> a.orgCode())
			.containsExactly(leapOneYear.code(), neverElected.code(), leapFourYears.code(), endsToday.code());
		// On time on D: the root and 11 orgs exist (the dissolved one does not); running
		// after D: tomorrow, four years, day 90, day 91, founded recently → 5 of 11.
		Period asOfD = new Period(2024, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), D);
		IndicatorSource source = sources.stream()
			.filter(s -> s.codes().contains("ORG_TERM_ON_TIME"))
			.findFirst()
			.orElseThrow();
		Counts onTime = source.count(java.util.Set.of("ORG_TERM_ON_TIME"), scope, asOfD)
			.get("ORG_TERM_ON_TIME")
			.values()
			.stream()
			.reduce(Counts.ZERO, Counts::plus);
		assertThat(onTime).isEqualTo(new Counts(5, 11));
	}

	@Test
	void aTermFromTheTwentyNinthOfFebruaryEndsOnTheTwentyEighthForTheIndicatorToo() {
		// Elected 2020-02-29 for one year: over on 2021-02-28, as the detail page says.
		Period y2021 = new Period(2021, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31),
				LocalDate.of(2021, 2, 28));
		IndicatorSource source = sources.stream()
			.filter(s -> s.codes().contains("ORG_TERM_ON_TIME"))
			.findFirst()
			.orElseThrow();
		var evidence = source.evidence("ORG_TERM_ON_TIME", fixtures.adminOf(root).scope(), y2021, false, 0, 50).items();
		assertThat(evidence).filteredOn(e -> e.code().equals(leapOneYear.code())).singleElement().satisfies(e -> {
			assertThat(e.counted()).isFalse();
			assertThat(e.note()).isEqualTo("届期已于 2021-02-28 届满");
		});
		assertThat(orgs.get(platform, leapOneYear.id()).termExpiresOn()).hasValue(LocalDate.of(2021, 2, 28));
	}

}
