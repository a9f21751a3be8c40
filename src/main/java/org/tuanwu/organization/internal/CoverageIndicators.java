package org.tuanwu.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.Period;
import org.tuanwu.shared.Page;

/**
 * The {@code ORG_*} indicators of docs/indicators.md §1 (docs/coverage.md), the org tree
 * for the roll-up and the dashboard alerts. Two families, each one aggregate query over
 * the subtree: the units register grouped by the responsible org, and the orgs themselves
 * (one row per org). The SQL is the same on H2 and PostgreSQL; it is assembled only from
 * the constants below, every value is a bound parameter.
 */
@Component
@Transactional(readOnly = true)
class CoverageIndicators implements IndicatorSource, OrgTreeSource, AlertSource {

	/** The dashboard shows the first alerts of each type; a province has thousands. */
	static final int ALERT_LIMIT = 500;

	private static final String AS_OF = CoveragePolicy.AS_OF;

	private static final String START = "CAST(:start AS DATE)";

	/**
	 * The org under alias {@code x} exists on the evaluation date: established on or
	 * before, not dissolved.
	 */
	static String exists(String x) {
		return CoveragePolicy.exists(x);
	}

	/** Existed at the beginning of the period: on the last day of the year before. */
	private static final String EXISTED_AT_START = "(o.established_on IS NULL OR o.established_on < " + START
			+ ") AND (o.dissolved_on IS NULL OR o.dissolved_on >= " + START + ")";

	private static final String COVERED = CoveragePolicy.COVERED;

	private static final String IN_PERIOD = " >= " + START + " AND %s <= " + AS_OF;

	/**
	 * The date a term runs out is base + term years; it has run out when base <= asOf -
	 * term years.
	 */
	private static final String TERM_LIMIT = "CASE o.term_years WHEN 1 THEN CAST(:t1 AS DATE) WHEN 2 THEN CAST(:t2 AS DATE)"
			+ " WHEN 3 THEN CAST(:t3 AS DATE) WHEN 4 THEN CAST(:t4 AS DATE) ELSE CAST(:t5 AS DATE) END";

	private static final String TERM_BASE = TermPolicy.SQL_TERM_START;

	private static final String THREE_NEW = "o.sector IN ('NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'NEW_EMPLOYMENT')";

	private static final String SCHOOLS = "u.type IN ('MIDDLE_SCHOOL', 'HIGH_SCHOOL', 'VOCATIONAL', 'UNIVERSITY')";

	private static final String MIDDLE_SCHOOLS = "u.type IN ('MIDDLE_SCHOOL', 'HIGH_SCHOOL', 'VOCATIONAL')";

	private static final String SOCIETY_LINKED = "u.type = 'YOUTH_SOCIETY' AND u.linked_on"
			+ IN_PERIOD.formatted("u.linked_on");

	/**
	 * One indicator within a family: which records it lists as evidence, which count in
	 * the denominator and which in the numerator (full predicates; empty = the family
	 * adds nothing to that side).
	 */
	record Rule(String code, String listed, Optional<String> denominator, Optional<String> numerator) {

		static Rule rate(String code, String denominator, String numerator) {
			return new Rule(code, denominator, Optional.of(denominator),
					Optional.of("(" + denominator + ") AND " + numerator));
		}

		static Rule count(String code, String numerator) {
			return new Rule(code, numerator, Optional.empty(), Optional.of(numerator));
		}

	}

	static final List<Rule> UNIT_RULES = List.of(
			Rule.rate("ORG_VILLAGE_COVERAGE", "u.type IN ('VILLAGE', 'COMMUNITY')", COVERED),
			Rule.rate("ORG_NONPUBLIC_COVERAGE",
					"u.type = 'NON_PUBLIC_ENTERPRISE' AND u.above_scale = TRUE AND u.meets_conditions = TRUE", COVERED),
			Rule.rate("ORG_SOE_COVERAGE", "u.type = 'STATE_ENTERPRISE' AND u.meets_conditions = TRUE", COVERED),
			Rule.rate("ORG_TWO_NEW_PARTY_COVERAGE",
					"u.type IN ('NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION')"
							+ " AND u.has_party_org = TRUE AND u.meets_conditions = TRUE",
					COVERED),
			Rule.rate("ORG_SOCIAL_COVERAGE", "u.type = 'SOCIAL_ORGANIZATION' AND u.meets_conditions = TRUE", COVERED),
			Rule.rate("ORG_SCHOOL_STANDALONE", SCHOOLS, "u.standalone = TRUE AND " + COVERED),
			Rule.rate("ORG_LEAGUE_SCHOOL", MIDDLE_SCHOOLS, "u.has_league_school = TRUE"),
			Rule.count("ORG_YOUTH_SOCIETY_LINKED", SOCIETY_LINKED),
			Rule.count("ORG_YOUTH_SOCIETY_LED", SOCIETY_LINKED + " AND u.led_directly = TRUE"));

	static final List<Rule> ORG_RULES = List
		.of(new Rule("ORG_THREE_NEW_GROWTH", THREE_NEW + " AND ((" + EXISTED_AT_START + ") OR (" + exists("o") + "))",
				Optional.of(THREE_NEW + " AND " + EXISTED_AT_START), Optional.of(THREE_NEW + " AND " + exists("o"))),
				Rule.count("ORG_NEW_NONPUBLIC_COUNT",
						"o.sector = 'NON_PUBLIC_ENTERPRISE' AND o.established_on"
								+ IN_PERIOD.formatted("o.established_on")),
				// Per county: the societies come from the units family, the counties from
				// here.
				new Rule("ORG_YOUTH_SOCIETY_LINKED", "",
						Optional.of("o.kind IN ('COUNTY_COMMITTEE', 'DISTRICT_COMMITTEE') AND " + exists("o")),
						Optional.empty()),
				Rule.rate("ORG_TOWN_YOUTH_COMMITTEE",
						"o.kind IN ('TOWNSHIP_COMMITTEE', 'STREET_WORK_COMMITTEE') AND " + exists("o"),
						"o.youth_work_committee = TRUE"),
				Rule.rate("ORG_TERM_ON_TIME", exists("o"), "((o.last_election_on"
						+ IN_PERIOD.formatted("o.last_election_on") + ") OR " + TERM_BASE + " > " + TERM_LIMIT + ")"));

	static final Set<String> CODES = Set.of("ORG_VILLAGE_COVERAGE", "ORG_NONPUBLIC_COVERAGE", "ORG_SOE_COVERAGE",
			"ORG_TWO_NEW_PARTY_COVERAGE", "ORG_SOCIAL_COVERAGE", "ORG_SCHOOL_STANDALONE", "ORG_THREE_NEW_GROWTH",
			"ORG_NEW_NONPUBLIC_COUNT", "ORG_YOUTH_SOCIETY_LINKED", "ORG_YOUTH_SOCIETY_LED", "ORG_TOWN_YOUTH_COMMITTEE",
			"ORG_TERM_ON_TIME", "ORG_LEAGUE_SCHOOL");

	private static final String UNIT_FROM = " FROM unit u JOIN org o ON o.id = u.responsible_org_id"
			+ " LEFT JOIN org l ON l.id = u.league_org_id WHERE o.path >= :lower AND o.path < :upper";

	private static final String ORG_FROM = " FROM org o WHERE o.path >= :lower AND o.path < :upper";

	private final JdbcClient jdbc;

	private final OrgStore orgs;

	CoverageIndicators(JdbcClient jdbc, OrgStore orgs) {
		this.jdbc = jdbc;
		this.orgs = orgs;
	}

	// ---------------------------------------------------------------- IndicatorSource

	@Override
	public Set<String> codes() {
		return CODES;
	}

	@Override
	public Map<String, Map<Long, Counts>> count(Set<String> codes, Scope subtree, Period period) {
		Map<String, Map<Long, Counts>> result = new LinkedHashMap<>();
		codes.stream().filter(CODES::contains).forEach(c -> result.put(c, new HashMap<>()));
		if (result.isEmpty() || subtree.isNone()) {
			return result;
		}
		family(UNIT_RULES, "u.responsible_org_id", UNIT_FROM + " GROUP BY u.responsible_org_id", subtree, period,
				result);
		family(ORG_RULES, "o.id", ORG_FROM, subtree, period, result);
		return result;
	}

	/**
	 * One query for the asked rules of a family: per attributing org, a numerator and a
	 * denominator per rule.
	 */
	private void family(List<Rule> rules, String orgId, String from, Scope subtree, Period period,
			Map<String, Map<Long, Counts>> result) {
		List<Rule> asked = rules.stream().filter(r -> result.containsKey(r.code())).toList();
		if (asked.isEmpty()) {
			return;
		}
		boolean grouped = from.contains("GROUP BY");
		StringBuilder sql = new StringBuilder("SELECT ").append(orgId).append(" AS org_id");
		for (int i = 0; i < asked.size(); i++) {
			Rule r = asked.get(i);
			sql.append(", ").append(column(r.numerator(), grouped)).append(" AS n").append(i);
			sql.append(", ").append(column(r.denominator(), grouped)).append(" AS d").append(i);
		}
		sql.append(from);
		params(jdbc.sql(sql.toString()), subtree, period).query(rs -> {
			long org = rs.getLong(1);
			for (int i = 0; i < asked.size(); i++) {
				long n = rs.getLong(2 + 2 * i);
				long d = rs.getLong(3 + 2 * i);
				if (n != 0 || d != 0) {
					result.get(asked.get(i).code()).merge(org, new Counts(n, d), Counts::plus);
				}
			}
		});
	}

	private static String column(Optional<String> predicate, boolean grouped) {
		String one = predicate.map(p -> "CASE WHEN " + p + " THEN 1 ELSE 0 END").orElse("0");
		return grouped && predicate.isPresent() ? "SUM(" + one + ")" : one;
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Scope subtree, Period period) {
		LocalDate asOf = period.asOf();
		return spec.param("lower", subtree.lower())
			.param("upper", subtree.upper())
			.param("asOf", asOf)
			.param("start", period.start())
			.param("t1", asOf.minusYears(1))
			.param("t2", asOf.minusYears(2))
			.param("t3", asOf.minusYears(3))
			.param("t4", asOf.minusYears(4))
			.param("t5", asOf.minusYears(5));
	}

	@Override
	public Page<Evidence> evidence(String code, Scope subtree, Period period, boolean failingOnly, int page, int size) {
		Optional<Rule> unitRule = UNIT_RULES.stream().filter(r -> r.code().equals(code)).findFirst();
		Optional<Rule> orgRule = ORG_RULES.stream().filter(r -> r.code().equals(code)).findFirst();
		if (unitRule.isEmpty() && orgRule.isEmpty() || subtree.isNone()) {
			return new Page<>(List.of(), 0, page, size);
		}
		boolean units = unitRule.isPresent();
		Rule rule = unitRule.orElseGet(orgRule::get);
		String counted = "CASE WHEN " + rule.numerator().orElse("1 = 0") + " THEN 1 ELSE 0 END";
		String where = (units ? UNIT_FROM : ORG_FROM) + " AND (" + rule.listed() + ")"
				+ (failingOnly ? " AND " + counted + " = 0" : "");
		long total = params(jdbc.sql("SELECT count(*)" + where), subtree, period).query(Long.class).single();
		String select = units ? "SELECT 'UNIT' AS record_type, u.code, u.name, o.code AS org_code, o.name AS org_name, "
				+ counted
				+ " AS counted, l.code AS l_code, l.name AS l_name, l.kind AS l_kind, l.established_on AS l_established,"
				+ " l.dissolved_on AS l_dissolved, u.standalone, u.linked_on, u.led_directly"
				: "SELECT 'ORG' AS record_type, o.code, o.name, o.code AS org_code, o.name AS org_name, " + counted
						+ " AS counted, o.established_on, o.dissolved_on, o.last_election_on, o.term_years";
		String order = units ? " ORDER BY o.path, u.code" : " ORDER BY o.path, o.code";
		List<Evidence> items = params(jdbc.sql(select + where + order + " LIMIT :limit OFFSET :offset"), subtree,
				period)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> evidence(code, units, rs, period))
			.list();
		return new Page<>(items, total, page, size);
	}

	private static Evidence evidence(String code, boolean unit, ResultSet rs, Period period) throws SQLException {
		boolean counted = rs.getInt("counted") == 1;
		String note = unit ? unitNote(code, counted, rs, period) : orgNote(code, counted, rs, period);
		return new Evidence(rs.getString("record_type"), rs.getString("code"), rs.getString("name"),
				rs.getString("org_code"), rs.getString("org_name"), counted, note);
	}

	private static String unitNote(String code, boolean counted, ResultSet rs, Period period) throws SQLException {
		LocalDate asOf = period.asOf();
		if (code.equals("ORG_YOUTH_SOCIETY_LINKED") || code.equals("ORG_YOUTH_SOCIETY_LED")) {
			return rs.getObject("linked_on", LocalDate.class) + " 建立或联系"
					+ (Boolean.TRUE.equals(rs.getObject("led_directly", Boolean.class)) ? "，团委直接主导主办" : "");
		}
		if (code.equals("ORG_LEAGUE_SCHOOL")) {
			return counted ? "已建团校" : "未建团校";
		}
		String league = rs.getString("l_code");
		if (league == null) {
			return "无团组织";
		}
		String name = league + " " + rs.getString("l_name");
		LocalDate established = rs.getObject("l_established", LocalDate.class);
		LocalDate dissolved = rs.getObject("l_dissolved", LocalDate.class);
		if (dissolved != null && !dissolved.isAfter(asOf)) {
			return "所建团组织 " + name + " 已于 " + dissolved + " 撤销";
		}
		if (established != null && established.isAfter(asOf)) {
			return "所建团组织 " + name + " 成立于 " + established + "，晚于考核日 " + asOf;
		}
		if (code.equals("ORG_SCHOOL_STANDALONE") && !counted) {
			return "未单独设立团组织（挂靠 " + name + "）";
		}
		boolean joint = "JOINT_BRANCH".equals(rs.getString("l_kind"));
		return "由" + (joint ? "联合团支部 " : " ") + name + " 覆盖";
	}

	private static String orgNote(String code, boolean counted, ResultSet rs, Period period) throws SQLException {
		LocalDate established = rs.getObject("established_on", LocalDate.class);
		LocalDate dissolved = rs.getObject("dissolved_on", LocalDate.class);
		LocalDate election = rs.getObject("last_election_on", LocalDate.class);
		return switch (code) {
			case "ORG_TOWN_YOUTH_COMMITTEE" -> counted ? "已成立青年工作委员会" : "未成立青年工作委员会";
			case "ORG_NEW_NONPUBLIC_COUNT" -> "成立于 " + established;
			case "ORG_THREE_NEW_GROWTH" -> {
				boolean atStart = (established == null || established.isBefore(period.start()))
						&& (dissolved == null || !dissolved.isBefore(period.start()));
				if (!counted) {
					yield "期初存在，" + (dissolved != null ? "已于 " + dissolved + " 撤销" : "成立于 " + established);
				}
				yield atStart ? "期初、期末均存在" : "期内新建（成立于 " + established + "）";
			}
			default -> {
				LocalDate base = election != null ? election : established;
				if (base == null) {
					yield "无换届日期和成立日期";
				}
				LocalDate expires = base.plusYears(rs.getInt("term_years"));
				if (election != null && !election.isBefore(period.start()) && !election.isAfter(period.asOf())) {
					yield "期内已换届（" + election + "）";
				}
				yield counted ? "届期至 " + expires : "届期已于 " + expires + " 届满";
			}
		};
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

	private static TreeOrg tree(OrgRow o) {
		return new TreeOrg(o.id(), o.parentId(), o.code(), o.name(), o.kind().name(), o.path(), o.dissolvedOn());
	}

	// ---------------------------------------------------------------- AlertSource

	@Override
	public List<Alert> alerts(Scope subtree, LocalDate today) {
		List<Alert> alerts = new ArrayList<>();
		if (subtree.isNone()) {
			return alerts;
		}
		Period now = new Period(today.getYear(), today.withDayOfYear(1), today, today);
		String limitSoon = TERM_LIMIT.replace(":t", ":s");
		String terms = "SELECT o.id, o.code, o.name, " + TERM_BASE + " AS base, o.term_years" + ORG_FROM + " AND "
				+ exists("o") + " AND " + TERM_BASE + " IS NOT NULL AND " + TERM_BASE + " <= " + limitSoon
				+ " ORDER BY o.path LIMIT :limit";
		LocalDate soon = today.plusDays(90);
		List<Alert> expired = new ArrayList<>();
		List<Alert> expiring = new ArrayList<>();
		params(jdbc.sql(terms), subtree, now).param("s1", soon.minusYears(1))
			.param("s2", soon.minusYears(2))
			.param("s3", soon.minusYears(3))
			.param("s4", soon.minusYears(4))
			.param("s5", soon.minusYears(5))
			.param("limit", 4 * ALERT_LIMIT)
			.query(rs -> {
				LocalDate expires = rs.getObject("base", LocalDate.class).plusYears(rs.getInt("term_years"));
				List<Alert> list = expires.isAfter(today) ? expiring : expired;
				if (list.size() < ALERT_LIMIT) {
					list.add(new Alert(expires.isAfter(today) ? "TERM_EXPIRING" : "TERM_EXPIRED", rs.getLong("id"),
							rs.getString("code"), rs.getString("name"), expires, Optional.empty(), Optional.empty()));
				}
			});
		alerts.addAll(expired);
		alerts.addAll(expiring);
		String villages = "SELECT o.id, o.code AS org_code, o.name AS org_name, u.code, u.name" + UNIT_FROM
				+ " AND u.type IN ('VILLAGE', 'COMMUNITY') AND NOT " + COVERED
				+ " ORDER BY o.path, u.code LIMIT :limit";
		alerts.addAll(params(jdbc.sql(villages), subtree, now).param("limit", ALERT_LIMIT)
			.query((rs, n) -> new Alert("VILLAGE_UNCOVERED", rs.getLong("id"), rs.getString("org_code"),
					rs.getString("org_name"), today, Optional.of(rs.getString("code")),
					Optional.of(rs.getString("name"))))
			.list());
		return alerts;
	}

}
