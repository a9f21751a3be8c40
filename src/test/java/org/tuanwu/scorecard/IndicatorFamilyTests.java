package org.tuanwu.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tuanwu.scorecard.IndicatorFamily.Condition.allOf;
import static org.tuanwu.scorecard.IndicatorFamily.Condition.anyOf;
import static org.tuanwu.scorecard.IndicatorFamily.Condition.holds;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.tuanwu.shared.Text;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.IndicatorFamily.Note;

/**
 * The family helper on a table of six facts (H2 in memory, PostgreSQL mode; the
 * organization module's families run on both databases in CoverageIndicatorsTests). The
 * expected counts and notes are worked out by hand from the rows:
 *
 * <pre>
 * row  org path   a     b     → RATE_X (den a not null, num a and b)  COUNT_Y (a or b)  STOCK_Z (before a, after b)
 * r1   /1/        true  true    counted                                因 a              both
 * r2   /1/2/      true  false   failing: b                            因 a              before only
 * r3   /1/2/4/    false true    failing: a                            因 b              after only
 * r4   /1/3/      null  null    —                                     —                 —
 * r5   /1/3/      false false   failing: a                            —                 —
 * r6   /9/        true  true    outside the subtree
 * </pre>
 */
class IndicatorFamilyTests {

	static final Period Y2024 = new Period(2024, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
			LocalDate.of(2024, 12, 31));

	static final Scope TOP = Scope.of(1, "/1/");

	static final IndicatorFamily FACTS = IndicatorFamily.over("fact f")
		.attributedTo("f.org_id", "f.org_path")
		.records("FACT", "f.code", "f.name", "f.org_code", "f.org_name", "f.org_path, f.code")
		.detail("day", "f.d")
		.rate("RATE_X", "f.a IS NOT NULL",
				allOf(holds("f.a = TRUE").unmet(Text.of("a 不成立", "EN a")),
						holds("f.b = TRUE").unmet(Text.of("b 不成立（{day}）", "EN b {day}")))
					.met(Text.of("都成立", "EN note")))
		.count("COUNT_Y",
				anyOf(holds("f.a = TRUE").met(Text.of("因 a", "EN a")), holds("f.b = TRUE").met(Text.of("因 b", "EN b"))))
		.stocks("STOCK_Z", "f.a = TRUE",
				holds("f.b = TRUE")
					.met(Note.when("f.a = TRUE", Text.of("两期都在", "EN note")).otherwise(Text.of("新增", "EN note")))
					.unmet(Text.of("期末不在", "EN note")))
		.build();

	final AtomicInteger statements = new AtomicInteger();

	IndicatorFamilies families;

	@BeforeEach
	void table() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:family" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		JdbcClient setup = JdbcClient.create(h2);
		setup.sql("""
				CREATE TABLE fact (code VARCHAR(10), name VARCHAR(20), org_id BIGINT, org_code VARCHAR(10),
				                   org_name VARCHAR(20), org_path VARCHAR(100), a BOOLEAN, b BOOLEAN, d DATE)
				""").update();
		Object[][] rows = { { "r1", 1, "/1/", true, true, "2024-01-01" },
				{ "r2", 2, "/1/2/", true, false, "2024-02-01" }, { "r3", 4, "/1/2/4/", false, true, "2024-03-01" },
				{ "r4", 3, "/1/3/", null, null, null }, { "r5", 3, "/1/3/", false, false, null },
				{ "r6", 9, "/9/", true, true, null } };
		for (Object[] r : rows) {
			setup.sql("INSERT INTO fact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(r[0], "事实" + r[0], r[1], "O" + r[1], "组织" + r[1], r[2], r[3], r[4],
						r[5] == null ? null : LocalDate.parse((String) r[5]))
				.update();
		}
		DataSource counting = new DelegatingDataSource(h2) {
			@Override
			public Connection getConnection() throws java.sql.SQLException {
				Connection c = super.getConnection();
				return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (method.getName().startsWith("prepare")) {
								statements.incrementAndGet();
							}
							try {
								return method.invoke(c, args);
							}
							catch (java.lang.reflect.InvocationTargetException e) {
								throw e.getCause();
							}
						});
			}
		};
		families = new IndicatorFamilies(JdbcClient.create(counting), List.of(FACTS));
	}

	@Test
	void countsEveryAskedCodeInOneScanRolledUpToTheChildren() {
		var counts = families.count(Set.of("RATE_X", "COUNT_Y", "STOCK_Z", "NOT_MINE"), TOP, Y2024);

		assertThat(statements).hasValue(1);
		assertThat(counts).containsOnlyKeys("RATE_X", "COUNT_Y", "STOCK_Z");
		// r1 is the top's own; r2 and r3 (a grandchild) are child 2's; r5 child 3's.
		assertThat(counts.get("RATE_X")).containsOnly(entry(1L, new Counts(1, 1)), entry(2L, new Counts(0, 2)),
				entry(3L, new Counts(0, 1)));
		assertThat(counts.get("COUNT_Y")).containsOnly(entry(1L, new Counts(1, 0)), entry(2L, new Counts(2, 0)));
		// Stocks count independently: child 2 has r2 before and r3 after.
		assertThat(counts.get("STOCK_Z")).containsOnly(entry(1L, new Counts(1, 1)), entry(2L, new Counts(1, 1)));
		// Asked one level down, the grandchild is a child of its own.
		assertThat(families.count(Set.of("RATE_X"), Scope.of(2, "/1/2/"), Y2024).get("RATE_X"))
			.containsOnly(entry(2L, new Counts(0, 1)), entry(4L, new Counts(0, 1)));
	}

	@Test
	void evidenceNotesFollowTheRequestsLanguage() {
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.US);
		try {
			assertThat(families.evidence("RATE_X", TOP, Y2024, true, 0, 10).items()).extracting(Evidence::note)
				.containsExactly("EN b 2024-02-01", "EN a", "EN a");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
		assertThat(families.evidence("RATE_X", TOP, Y2024, true, 0, 1).items()).extracting(Evidence::note)
			.containsExactly("b 不成立（2024-02-01）");
	}

	@Test
	void evidenceNotesComeFromTheConditionThatDecided() {
		var failing = families.evidence("RATE_X", TOP, Y2024, true, 0, 10);
		assertThat(failing.total()).isEqualTo(3);
		assertThat(failing.items()).extracting(Evidence::code, Evidence::orgId, Evidence::counted, Evidence::note)
			.containsExactly(tuple("r2", 2L, false, "b 不成立（2024-02-01）"), tuple("r3", 4L, false, "a 不成立"),
					tuple("r5", 3L, false, "a 不成立"));
		assertThat(families.evidence("RATE_X", TOP, Y2024, false, 0, 1).items()).extracting(Evidence::note)
			.containsExactly("都成立");
		assertThat(families.evidence("COUNT_Y", TOP, Y2024, false, 0, 10).items())
			.extracting(Evidence::code, Evidence::note)
			.containsExactly(tuple("r1", "因 a"), tuple("r2", "因 a"), tuple("r3", "因 b"));
		assertThat(families.evidence("STOCK_Z", TOP, Y2024, false, 0, 10).items())
			.extracting(Evidence::code, Evidence::counted, Evidence::note)
			.containsExactly(tuple("r1", true, "两期都在"), tuple("r2", false, "期末不在"), tuple("r3", true, "新增"));
		// Records from an offset, as the to-do list pages them.
		assertThat(families.records("RATE_X", TOP, Y2024, true, 2, 5)).extracting(Evidence::code).containsExactly("r5");
		assertThat(families.evidence("NOT_MINE", TOP, Y2024, false, 0, 10).total()).isZero();
	}

	@Test
	void aNoteNamingAnUndeclaredDetailIsRefusedWhenTheFamilyIsBuilt() {
		assertThatThrownBy(() -> IndicatorFamily.over("fact f")
			.attributedTo("f.org_id", "f.org_path")
			.records("FACT", "f.code", "f.name", "f.org_code", "f.org_name", "f.code")
			.count("C", holds("f.a").met(Text.of("成立于 {established}", "EN {established}")))
			.build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("established");
	}

	@Test
	void theBareScanIsTheSameTablesGroupedByOrg() {
		assertThat(FACTS.bareScanSql())
			.isEqualTo("SELECT f.org_id AS org_id, count(*) AS n FROM fact f WHERE f.org_path >= :lower AND"
					+ " f.org_path < :upper GROUP BY f.org_id");
	}

}
