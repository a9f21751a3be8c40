package org.tuanwu.organization.internal;

import static org.tuanwu.scorecard.IndicatorFamily.Condition.allOf;
import static org.tuanwu.scorecard.IndicatorFamily.Condition.anyOf;
import static org.tuanwu.scorecard.IndicatorFamily.Condition.holds;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.Alert;
import org.tuanwu.scorecard.AlertSource;
import org.tuanwu.scorecard.Counts;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.IndicatorFamilies;
import org.tuanwu.scorecard.IndicatorFamily;
import org.tuanwu.scorecard.IndicatorFamily.Condition;
import org.tuanwu.scorecard.IndicatorFamily.Note;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.Period;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Text;

/**
 * The {@code ORG_*} indicators of docs/indicators.md §1 (docs/coverage.md), the org tree
 * for the scorecard and the to-do list's terms and villages. The indicators are two
 * {@link IndicatorFamily families} — the units register, attributed to the responsible
 * org, and the orgs themselves — declared below as data; {@link IndicatorFamilies} runs
 * one scan per family and derives the evidence notes from the same conditions. The SQL is
 * the same on H2 and PostgreSQL; it is assembled only from the constants below, every
 * value is a bound parameter.
 */
@Component
@Transactional(readOnly = true)
class CoverageIndicators implements IndicatorSource, OrgTreeSource, AlertSource {

	private static final String AS_OF = IndicatorFamily.AS_OF;

	private static final String START = IndicatorFamily.START;

	/** Existed at the beginning of the period: on the last day of the year before. */
	private static final String EXISTED_AT_START = "(o.established_on IS NULL OR o.established_on < " + START
			+ ") AND (o.dissolved_on IS NULL OR o.dissolved_on >= " + START + ")";

	private static final String THREE_NEW = "o.sector IN ('NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'NEW_EMPLOYMENT')";

	private static final String VILLAGES = "u.type IN ('VILLAGE', 'COMMUNITY')";

	private static final String SCHOOLS = "u.type IN ('MIDDLE_SCHOOL', 'HIGH_SCHOOL', 'VOCATIONAL', 'UNIVERSITY')";

	private static final String MIDDLE_SCHOOLS = "u.type IN ('MIDDLE_SCHOOL', 'HIGH_SCHOOL', 'VOCATIONAL')";

	private static final String SOCIETY_LINKED = "u.type = 'YOUTH_SOCIETY' AND u.linked_on >= " + START
			+ " AND u.linked_on <= " + AS_OF;

	/**
	 * Covered (CoveragePolicy.COVERED, part by part), with the reason of each failing
	 * part and who covers when it holds.
	 */
	static final Condition COVERED = allOf(
			holds(CoveragePolicy.COVERED_PARTS.get(0)).unmet(Text.of("无团组织", "No league org")),
			holds(CoveragePolicy.COVERED_PARTS.get(1))
				.unmet(Text.of("所建团组织 {league} {leagueName} 已于 {leagueDissolved} 撤销",
						"Its league org {league} {leagueName} was dissolved on {leagueDissolved}")),
			holds(CoveragePolicy.COVERED_PARTS.get(2)).unmet(Text.of(
					"所建团组织 {league} {leagueName} 成立于 {leagueEstablished}，晚于考核日 {asOf}",
					"Its league org {league} {leagueName} was founded on {leagueEstablished}, after the evaluation day {asOf}")))
		.met(Note
			.when("l.kind = 'JOINT_BRANCH'",
					Text.of("由联合团支部 {league} {leagueName} 覆盖", "Covered by the joint branch {league} {leagueName}"))
			.otherwise(Text.of("由 {league} {leagueName} 覆盖", "Covered by {league} {leagueName}")));

	private static final Condition LINKED = holds(SOCIETY_LINKED).met(Note
		.when("u.led_directly = TRUE",
				Text.of("{linkedOn} 建立或联系，团委直接主导主办",
						"Founded or linked on {linkedOn}, led directly by the league committee"))
		.otherwise(Text.of("{linkedOn} 建立或联系", "Founded or linked on {linkedOn}")));

	static final IndicatorFamily UNITS = IndicatorFamily
		.over("unit u JOIN org o ON o.id = u.responsible_org_id LEFT JOIN org l ON l.id = u.league_org_id")
		.attributedTo("u.responsible_org_id", "o.path")
		.records("UNIT", "u.code", "u.name", "o.code", "o.name", "o.path, u.code")
		.detail("league", "l.code")
		.detail("leagueName", "l.name")
		.detail("leagueDissolved", "l.dissolved_on")
		.detail("leagueEstablished", "l.established_on")
		.detail("linkedOn", "u.linked_on")
		.rate("ORG_VILLAGE_COVERAGE", VILLAGES, COVERED)
		.rate("ORG_NONPUBLIC_COVERAGE",
				"u.type = 'NON_PUBLIC_ENTERPRISE' AND u.above_scale = TRUE AND u.meets_conditions = TRUE", COVERED)
		.rate("ORG_SOE_COVERAGE", "u.type = 'STATE_ENTERPRISE' AND u.meets_conditions = TRUE", COVERED)
		.rate("ORG_TWO_NEW_PARTY_COVERAGE",
				"u.type IN ('NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION')"
						+ " AND u.has_party_org = TRUE AND u.meets_conditions = TRUE",
				COVERED)
		.rate("ORG_SOCIAL_COVERAGE", "u.type = 'SOCIAL_ORGANIZATION' AND u.meets_conditions = TRUE", COVERED)
		.rate("ORG_SCHOOL_STANDALONE", SCHOOLS,
				allOf(COVERED,
						holds("u.standalone = TRUE").unmet(Text.of("未单独设立团组织（挂靠 {league} {leagueName}）",
								"No league org of its own (attached to {league} {leagueName})")))
					.met(Text.of("已单独设立团组织（{league} {leagueName}）", "A league org of its own ({league} {leagueName})")))
		.rate("ORG_LEAGUE_SCHOOL", MIDDLE_SCHOOLS,
				holds("u.has_league_school = TRUE").met(Text.of("已建团校", "Has a league school"))
					.unmet(Text.of("未建团校", "No league school")))
		.count("ORG_YOUTH_SOCIETY_LINKED", LINKED)
		.count("ORG_YOUTH_SOCIETY_LED",
				allOf(LINKED, holds("u.led_directly = TRUE")).met(Text.of("{linkedOn} 建立或联系，团委直接主导主办",
						"Founded or linked on {linkedOn}, led directly by the league committee")))
		.build();

	/** The term on time: elected within the period, or a known term still running. */
	static final Condition TERM_ON_TIME = anyOf(
			holds("o.last_election_on >= " + START + " AND o.last_election_on <= " + AS_OF)
				.met(Text.of("期内已换届（{lastElection}）", "Elected within the period ({lastElection})")),
			allOf(holds(TermPolicy.SQL_TERM_START + " IS NOT NULL")
				.unmet(Text.of("无换届日期和成立日期", "Neither an election nor a founding date")),
					holds(TermPolicy.sqlRunningAfter(AS_OF))
						.unmet(Text.of("届期已于 {termEnd} 届满", "The term ended on {termEnd}")))
				.met(Text.of("届期至 {termEnd}", "Term runs until {termEnd}")));

	static final IndicatorFamily ORGS = IndicatorFamily.over("org o")
		.attributedTo("o.id", "o.path")
		.oneRecordPerOrg()
		.records("ORG", "o.code", "o.name", "o.code", "o.name", "o.path, o.code")
		.detail("established", "o.established_on")
		.detail("dissolved", "o.dissolved_on")
		.detail("lastElection", "o.last_election_on")
		.detail("termEnd", TermPolicy.SQL_TERM_END)
		.stocks("ORG_THREE_NEW_GROWTH", THREE_NEW + " AND " + EXISTED_AT_START,
				holds(THREE_NEW + " AND " + CoveragePolicy.exists("o"))
					.met(Note.when(EXISTED_AT_START, Text.of("期初、期末均存在", "Existed at the start and at the end"))
						.otherwise(Text.of("期内新建（成立于 {established}）", "Founded within the period (on {established})")))
					.unmet(Text.of("期初存在，已于 {dissolved} 撤销", "Existed at the start, dissolved on {dissolved}")))
		.count("ORG_NEW_NONPUBLIC_COUNT",
				holds("o.sector = 'NON_PUBLIC_ENTERPRISE' AND o.established_on >= " + START
						+ " AND o.established_on <= " + AS_OF)
					.met(Text.of("成立于 {established}", "Founded on {established}")))
		// Per county: the societies come from the units family, the counties from here.
		.denominatorOnly("ORG_YOUTH_SOCIETY_LINKED",
				"o.kind IN ('COUNTY_COMMITTEE', 'DISTRICT_COMMITTEE') AND " + CoveragePolicy.exists("o"))
		.rate("ORG_TOWN_YOUTH_COMMITTEE",
				"o.kind IN ('TOWNSHIP_COMMITTEE', 'STREET_WORK_COMMITTEE') AND " + CoveragePolicy.exists("o"),
				holds("o.youth_work_committee = TRUE").met(Text.of("已成立青年工作委员会", "Has a youth work committee"))
					.unmet(Text.of("未成立青年工作委员会", "No youth work committee")))
		.rate("ORG_TERM_ON_TIME", CoveragePolicy.exists("o"), TERM_ON_TIME)
		.build();

	static final String TERM_EXPIRED = "TERM_EXPIRED";

	static final String TERM_EXPIRING = "TERM_EXPIRING";

	static final String VILLAGE_UNCOVERED = "VILLAGE_UNCOVERED";

	static final List<AlertKind> KINDS = List.of(new AlertKind(TERM_EXPIRED, "换届逾期", "Term expired"),
			new AlertKind(TERM_EXPIRING, "即将届满（" + TermPolicy.EXPIRING_WITHIN_DAYS + " 天内）",
					"Term ending within " + TermPolicy.EXPIRING_WITHIN_DAYS + " days"),
			new AlertKind(VILLAGE_UNCOVERED, "村(社区)未建团组织", "Village or community without a league org"));

	private static final String ORG_RANGE = " FROM org o WHERE o.path >= :lower AND o.path < :upper";

	private static final String TREE_COLUMNS = "o.id, o.parent_id, o.code, o.name, o.kind, o.path, o.dissolved_on";

	private final JdbcClient jdbc;

	private final OrgStore orgs;

	private final IndicatorFamilies families;

	CoverageIndicators(JdbcClient jdbc, OrgStore orgs) {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.families = new IndicatorFamilies(jdbc, List.of(UNITS, ORGS));
	}

	// ---------------------------------------------------------------- IndicatorSource

	@Override
	public Set<String> codes() {
		return families.codes();
	}

	@Override
	public Map<String, Map<Long, Counts>> count(Set<String> codes, Scope subtree, Period period) {
		return families.count(codes, subtree, period);
	}

	@Override
	public Page<Evidence> evidence(String code, Scope subtree, Period period, boolean failingOnly, int page, int size) {
		return families.evidence(code, subtree, period, failingOnly, page, size);
	}

	@Override
	public List<IndicatorFamily> families() {
		return families.families();
	}

	// ---------------------------------------------------------------- OrgTreeSource

	@Override
	public Optional<TreeOrg> findByCode(String code) {
		return orgs.findByCodeAnywhere(code).map(CoverageIndicators::tree);
	}

	@Override
	public Optional<TreeOrg> top(Scope scope) {
		if (scope.isNone()) {
			return Optional.empty();
		}
		return scope.orgId()
			.flatMap(orgs::findAnywhere)
			.or(() -> orgs.roots(Scope.ALL, false).stream().findFirst().flatMap(r -> orgs.findAnywhere(r.id())))
			.map(CoverageIndicators::tree);
	}

	@Override
	public void forEachInSubtree(Scope subtree, Consumer<TreeOrg> sink) {
		orgs.forEachTreeNode(subtree, sink);
	}

	@Override
	public List<TreeOrg> children(TreeOrg parent) {
		return jdbc.sql("SELECT " + TREE_COLUMNS + " FROM org o WHERE o.parent_id = :parent ORDER BY o.code")
			.param("parent", parent.id())
			.query((rs, n) -> new TreeOrg(rs.getLong(1), Optional.ofNullable(rs.getObject(2, Long.class)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
					Optional.ofNullable(rs.getObject(7, LocalDate.class))))
			.list();
	}

	@Override
	public Tally tally(Scope subtree, LocalDate day) {
		if (subtree.isNone()) {
			return new Tally(0, 0);
		}
		String live = "(o.dissolved_on IS NULL OR o.dissolved_on > CAST(:day AS DATE))";
		return jdbc
			.sql("SELECT count(*) FILTER (WHERE " + live + "), count(*) FILTER (WHERE " + live + " AND o.kind IN ("
					+ String.join(", ", BRANCH_KINDS.stream().sorted().map(k -> "'" + k + "'").toList()) + "))"
					+ ORG_RANGE)
			.param("lower", subtree.lower())
			.param("upper", subtree.upper())
			.param("day", day)
			.query((rs, n) -> new Tally(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	@Override
	public List<TreeOrg> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return orgs.findByIdsAnywhere(List.copyOf(ids)).stream().map(CoverageIndicators::tree).toList();
	}

	private static TreeOrg tree(OrgRow o) {
		return new TreeOrg(o.id(), o.parentId(), o.code(), o.name(), o.kind().name(), o.path(), o.dissolvedOn());
	}

	// ---------------------------------------------------------------- AlertSource

	@Override
	public List<AlertKind> kinds() {
		return KINDS;
	}

	/** The day of a check as a period: stock figures as of that day. */
	static Period on(LocalDate today) {
		return new Period(today.getYear(), today.withDayOfYear(1), Year.of(today.getYear()).atMonth(12).atEndOfMonth(),
				today);
	}

	@Override
	public Map<String, Long> count(Scope subtree, LocalDate today) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (subtree.isNone()) {
			return counts;
		}
		terms(jdbc.sql("SELECT count(*) FILTER (WHERE " + TermPolicy.sqlExpiredOn(AS_OF) + "), count(*) FILTER (WHERE "
				+ TermPolicy.sqlExpiringBetween(AS_OF, "CAST(:soon AS DATE)") + ")" + ORG_RANGE + " AND "
				+ CoveragePolicy.exists("o")), subtree, today)
			.query(rs -> {
				counts.put(TERM_EXPIRED, rs.getLong(1));
				counts.put(TERM_EXPIRING, rs.getLong(2));
			});
		counts.put(VILLAGE_UNCOVERED, families.total("ORG_VILLAGE_COVERAGE", subtree, on(today), true));
		return counts;
	}

	@Override
	public List<Alert> alerts(String kind, Scope subtree, LocalDate today, long offset, int limit) {
		if (subtree.isNone() || limit <= 0) {
			return List.of();
		}
		return switch (kind) {
			case TERM_EXPIRED -> terms(kind, TermPolicy.sqlExpiredOn(AS_OF),
					end -> Text.of("届期已于 {0} 届满", "The term ended on {0}", end), subtree, today, offset, limit);
			case TERM_EXPIRING -> terms(kind, TermPolicy.sqlExpiringBetween(AS_OF, "CAST(:soon AS DATE)"),
					end -> Text.of("届期将于 {0} 届满", "The term ends on {0}", end), subtree, today, offset, limit);
			case VILLAGE_UNCOVERED -> {
				List<Alert> alerts = new ArrayList<>();
				for (Evidence e : families.records("ORG_VILLAGE_COVERAGE", subtree, on(today), true, offset, limit)) {
					alerts.add(new Alert(kind, e.orgId(), e.orgCode(), e.orgName(), today, Optional.of(e.code()),
							Optional.of(e.name()),
							// The evidence note, already in the request's language.
							Text.of("{0}", "{0}", e.note())));
				}
				yield alerts;
			}
			default -> List.of();
		};
	}

	/** Orgs existing today whose term end matches, the longest overdue first. */
	private List<Alert> terms(String kind, String predicate, java.util.function.Function<LocalDate, Text> note,
			Scope subtree, LocalDate today, long offset, int limit) {
		return terms(jdbc.sql("SELECT o.id, o.code, o.name, " + TermPolicy.SQL_TERM_END + " AS term_end" + ORG_RANGE
				+ " AND " + CoveragePolicy.exists("o") + " AND " + predicate
				+ " ORDER BY term_end, o.path LIMIT :limit OFFSET :offset"), subtree, today)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				LocalDate end = rs.getObject("term_end", LocalDate.class);
				return new Alert(kind, rs.getLong("id"), rs.getString("code"), rs.getString("name"), end,
						Optional.empty(), Optional.empty(), note.apply(end));
			})
			.list();
	}

	private static JdbcClient.StatementSpec terms(JdbcClient.StatementSpec spec, Scope subtree, LocalDate today) {
		return spec.param("lower", subtree.lower())
			.param("upper", subtree.upper())
			.param("asOf", today)
			.param("soon", today.plusDays(TermPolicy.EXPIRING_WITHIN_DAYS));
	}

}
