package org.tuanwu.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgImport;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;

/**
 * The demo data set. The county is loaded once, under a code prefix of its own, into the
 * shared test database; every count is taken from the database within its subtree (other
 * tests never count orgs globally).
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTests {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

	@Autowired
	DemoLoader loader;

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	JdbcClient jdbc;

	String prefix;

	String rootPath;

	DemoLoader.Loaded loaded;

	@BeforeAll
	void loadTheCountyUnderItsOwnPrefix() {
		prefix = "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
		loaded = loader.load(new DemoGenerator(DemoLoader.DEFAULT_SEED, TODAY, prefix), DemoScale.COUNTY,
				Optional.empty());
		rootPath = jdbc.sql("SELECT path FROM org WHERE code = ?")
			.param(loaded.rootCode())
			.query(String.class)
			.single();
	}

	@Test
	void theSameSeedGivesTheSameRecordsAndAnotherSeedOtherRecords() {
		String first = digest(new DemoGenerator(42, TODAY, ""), DemoScale.COUNTY);
		assertThat(digest(new DemoGenerator(42, TODAY, ""), DemoScale.COUNTY)).isEqualTo(first);
		assertThat(digest(new DemoGenerator(43, TODAY, ""), DemoScale.COUNTY)).isNotEqualTo(first);
	}

	@Test
	void theCountyLandsWithinTheStatedSizes() {
		long total = count("");
		assertThat(total).isEqualTo(loaded.orgs()).isBetween(2500L, 3500L);
		assertThat(count(" AND o.kind IN ('TOWNSHIP_COMMITTEE', 'STREET_WORK_COMMITTEE')")).isBetween(13L, 17L);
		assertThat(count(" AND o.sector = 'VILLAGE'")).isBetween(240L, 380L);
		assertThat(
				count(" AND o.kind = 'BASIC_COMMITTEE' AND o.sector IN ('MIDDLE_SCHOOL', 'HIGH_SCHOOL', 'VOCATIONAL')"))
			.isEqualTo(40);
		// An enterprise or social organization is the top org of its sector: its own
		// branches are not counted again.
		assertThat(count(
				" AND o.sector IN ('NON_PUBLIC_ENTERPRISE', 'STATE_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'NEW_EMPLOYMENT')"
						+ " AND NOT EXISTS (SELECT 1 FROM org p WHERE p.id = o.parent_id AND p.sector = o.sector)"))
			.isBetween(170L, 230L);
		assertThat(count(" AND o.kind = 'FLOATING_BRANCH'")).isEqualTo(1);
		assertThat(count(" AND o.dissolved_on IS NOT NULL")).isBetween(1L, 60L);
		// Some terms are overdue, most are not.
		long overdue = jdbc
			.sql("SELECT o.last_election_on, o.term_years FROM org o WHERE o.path >= ? AND o.path < ?"
					+ " AND o.last_election_on IS NOT NULL")
			.params(rootPath, upper(rootPath))
			.query((rs, n) -> rs.getObject(1, LocalDate.class).plusYears(rs.getInt(2)).isBefore(TODAY))
			.list()
			.stream()
			.filter(b -> b)
			.count();
		assertThat(overdue).isBetween(total / 20, total / 3);
	}

	@Test
	void theUnitsRegisterIsLoadedWithUnevenCoverage() {
		long units = unitCount("");
		assertThat(units).isEqualTo(loaded.units()).isBetween(4000L, 6500L);
		assertThat(unitCount(" AND u.type IN ('VILLAGE', 'COMMUNITY')")).isBetween(280L, 460L);
		assertThat(unitCount(" AND u.type IN ('MIDDLE_SCHOOL', 'HIGH_SCHOOL', 'VOCATIONAL')")).isEqualTo(40);
		assertThat(unitCount(" AND u.type = 'YOUTH_SOCIETY'")).isBetween(3L, 8L);
		// Villages per township: some townships fully covered, some far behind.
		List<Double> rates = jdbc
			.sql("SELECT sum(CASE WHEN l.id IS NOT NULL AND l.dissolved_on IS NULL THEN 1 ELSE 0 END),"
					+ " count(*) FROM unit u JOIN org o ON o.id = u.responsible_org_id LEFT JOIN org l ON l.id = u.league_org_id"
					+ " WHERE o.path >= ? AND o.path < ? AND u.type IN ('VILLAGE', 'COMMUNITY') GROUP BY u.responsible_org_id")
			.params(rootPath, upper(rootPath))
			.query((rs, n) -> rs.getDouble(1) / rs.getDouble(2))
			.list();
		assertThat(rates).anyMatch(r -> r == 1.0).anyMatch(r -> r < 0.8);
		// Above-scale non-public enterprises with and without orgs; social organizations
		// around 60 %.
		assertThat(
				unitCount(" AND u.type = 'NON_PUBLIC_ENTERPRISE' AND u.above_scale = TRUE AND u.league_org_id IS NULL"))
			.isPositive();
		assertThat(unitCount(
				" AND u.type = 'NON_PUBLIC_ENTERPRISE' AND u.above_scale = TRUE AND u.league_org_id IS NOT NULL"))
			.isPositive();
		double social = (double) unitCount(" AND u.type = 'SOCIAL_ORGANIZATION' AND u.meets_conditions = TRUE"
				+ " AND u.league_org_id IS NOT NULL")
				/ unitCount(" AND u.type = 'SOCIAL_ORGANIZATION' AND u.meets_conditions = TRUE");
		assertThat(social).isBetween(0.4, 0.85);
	}

	private long unitCount(String condition) {
		return jdbc.sql(
				"SELECT count(*) FROM unit u JOIN org o ON o.id = u.responsible_org_id WHERE o.path >= ? AND o.path < ?"
						+ condition)
			.params(rootPath, upper(rootPath))
			.query(Long.class)
			.single();
	}

	/**
	 * Terms as a county's records show them, computed as the detail, the alerts and the
	 * indicators compute them (last election, else founding, plus the term): most are
	 * running, a minority ran out recently or runs out within 90 days, and none ran out
	 * decades ago (the dashboard once said a branch's term expired in 1991).
	 */
	@Test
	void termsLookLikeACountysRecords() {
		List<LocalDate> ends = jdbc.sql("""
				SELECT COALESCE(o.last_election_on, o.established_on) AS start_on, o.term_years FROM org o
				WHERE o.path >= ? AND o.path < ? AND o.dissolved_on IS NULL
				""")
			.params(rootPath, upper(rootPath))
			.query((rs, n) -> rs.getObject(1, LocalDate.class).plusYears(rs.getInt(2)))
			.list();
		long expired = ends.stream().filter(e -> !e.isAfter(TODAY)).count();
		long expiring = ends.stream().filter(e -> e.isAfter(TODAY) && !e.isAfter(TODAY.plusDays(90))).count();
		assertThat(ends).allSatisfy(e -> assertThat(e).isAfter(TODAY.minusYears(3)));
		assertThat(expired * 100 / ends.size()).isBetween(5L, 25L);
		assertThat(expiring * 100 / ends.size()).isBetween(3L, 30L);
		long electedLongAgo = jdbc
			.sql("SELECT count(*) FROM org o WHERE o.path >= ? AND o.path < ? AND o.last_election_on < ?")
			.params(rootPath, upper(rootPath), TODAY.minusYears(8))
			.query(Long.class)
			.single();
		assertThat(electedLongAgo).isZero();
	}

	@Test
	void everyBranchIsALeaf() {
		long parentsThatAreBranches = count(" AND EXISTS (SELECT 1 FROM org p WHERE p.id = o.parent_id"
				+ " AND p.kind IN ('BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH', 'FLOATING_BRANCH'))");
		assertThat(parentsThatAreBranches).isZero();
		assertThat(count(" AND o.kind IN ('BRANCH', 'JOINT_BRANCH', 'FLOATING_BRANCH')")).isGreaterThan(2000);
	}

	@Test
	void theFirstStartRunnerDoesNothingWhenDisabled() {
		long before = jdbc.sql("SELECT count(*) FROM org").query(Long.class).single();
		assertThat(new DemoOnFirstStart(loader, false).loadIfFirstStart()).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM org").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theFirstStartRunnerDoesNothingWhenOrgsExist() {
		String code = prefix + "OTHER";
		orgs.importOrganizations(Actor.commandLine("test"),
				List.of(new OrgImport.Row(2,
						new OrgRecord(code, "共青团测试县委员会", Optional.empty(), OrgKind.COUNTY_COMMITTEE,
								Sector.PARTY_GOVERNMENT, Optional.empty(), Optional.empty(), Optional.empty(),
								Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))),
				List.of());
		long before = jdbc.sql("SELECT count(*) FROM org").query(Long.class).single();
		assertThat(new DemoOnFirstStart(loader, true).loadIfFirstStart()).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM org").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theDemoCommandRefusesADatabaseThatHoldsOrgs() {
		var err = new java.io.ByteArrayOutputStream();
		int status = new DemoCommand(loader).run(List.of("--scale", "county"), System.out,
				new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("已有组织数据");
	}

	private long count(String condition) {
		return jdbc.sql("SELECT count(*) FROM org o WHERE o.path >= ? AND o.path < ?" + condition)
			.params(rootPath, upper(rootPath))
			.query(Long.class)
			.single();
	}

	private static String upper(String path) {
		return path.substring(0, path.length() - 1) + "0";
	}

	static String digest(DemoGenerator generator, DemoScale scale) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			generator.generate(scale, records -> records
				.forEach(r -> sha.update((r.toString() + "\n").getBytes(StandardCharsets.UTF_8))));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
