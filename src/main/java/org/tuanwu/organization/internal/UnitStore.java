package org.tuanwu.organization.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.UnitType;

/**
 * SQL over the unit table. A unit is in a scope when its responsible org is: every query
 * that returns units joins that org and adds the scope's path range.
 */
@Repository
class UnitStore {

	private static final String SELECT = """
			SELECT u.id, u.code, u.name, u.type, u.responsible_org_id, o.code AS r_code, o.name AS r_name, o.path AS r_path,
			       u.above_scale, u.meets_conditions, u.has_party_org, u.league_org_id, l.code AS l_code, l.name AS l_name,
			       l.established_on AS l_established, l.dissolved_on AS l_dissolved, u.standalone, u.has_league_school, u.students, u.linked_on,
			       u.led_directly, u.version
			FROM unit u JOIN org o ON o.id = u.responsible_org_id LEFT JOIN org l ON l.id = u.league_org_id
			""";

	private static final String IN_SCOPE = " o.path >= :lower AND o.path < :upper ";

	/** What is written: the unit's own fields, orgs by id. */
	record UnitFields(String code, String name, UnitType type, long responsibleOrgId, Optional<Long> leagueOrgId,
			Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions, Optional<Boolean> hasPartyOrg,
			Optional<Boolean> standalone, Optional<Boolean> hasLeagueSchool, Optional<Integer> students,
			Optional<LocalDate> linkedOn, Optional<Boolean> ledDirectly) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JdbcTemplate streaming;

	UnitStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
	}

	Optional<UnitRow> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id AND" + IN_SCOPE)
			.param("id", id)
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.query(UnitStore::row)
			.optional();
	}

	Optional<UnitRow> findByCodeAnywhere(String code) {
		return jdbc.sql(SELECT + " WHERE u.code = ?").param(code).query(UnitStore::row).optional();
	}

	Map<String, UnitRow> findByCodesAnywhere(Collection<String> codes) {
		Map<String, UnitRow> rows = new HashMap<>();
		List<String> all = new ArrayList<>(codes);
		for (int i = 0; i < all.size(); i += 1000) {
			jdbc.sql(SELECT + " WHERE u.code IN (:codes)")
				.param("codes", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(UnitStore::row)
				.list()
				.forEach(r -> rows.put(r.code(), r));
		}
		return rows;
	}

	record SearchResult(List<UnitRow> items, long total, boolean totalExact) {
	}

	/** The register's filters besides the query, type and coverage. */
	record Flags(Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions, Optional<Boolean> hasPartyOrg) {

		static final Flags NONE = new Flags(Optional.empty(), Optional.empty(), Optional.empty());

	}

	SearchResult search(Scope within, String query, Optional<UnitType> type, Optional<Boolean> covered, LocalDate today,
			int page, int size) {
		return search(within, query, type, covered, Flags.NONE, today, page, size);
	}

	SearchResult search(Scope within, String query, Optional<UnitType> type, Optional<Boolean> covered, Flags flags,
			LocalDate today, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE" + IN_SCOPE);
		Map<String, Object> params = new HashMap<>();
		params.put("lower", within.lower());
		params.put("upper", within.upper());
		if (!query.isBlank()) {
			where.append(" AND (u.code LIKE :prefix OR u.name LIKE :contains)");
			String escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			params.put("prefix", escaped + "%");
			params.put("contains", "%" + escaped + "%");
		}
		type.ifPresent(t -> {
			where.append(" AND u.type = :type");
			params.put("type", t.name());
		});
		// Exactly the indicators' predicate: a unit listed as uncovered is one they count
		// as uncovered.
		covered.ifPresent(c -> {
			where.append(c ? " AND " : " AND NOT ").append(CoveragePolicy.COVERED);
			params.put("asOf", today);
		});
		flag(where, "u.above_scale", flags.aboveScale());
		flag(where, "u.meets_conditions", flags.meetsConditions());
		flag(where, "u.has_party_org", flags.hasPartyOrg());
		params.put("countLimit", OrgStore.COUNT_LIMIT + 1);
		long total = jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM unit u JOIN org o ON o.id = u.responsible_org_id"
					+ " LEFT JOIN org l ON l.id = u.league_org_id" + where + " LIMIT :countLimit) t")
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<UnitRow> items = jdbc.sql(SELECT + where + " ORDER BY o.path, u.code LIMIT :limit OFFSET :offset")
			.params(params)
			.query(UnitStore::row)
			.list();
		boolean exact = total <= OrgStore.COUNT_LIMIT;
		return new SearchResult(items, exact ? total : OrgStore.COUNT_LIMIT, exact);
	}

	/** A yes/no filter: "no" also lists the units where the flag was never filled in. */
	private static void flag(StringBuilder where, String column, Optional<Boolean> value) {
		value.ifPresent(v -> where
			.append(v ? " AND " + column + " = TRUE" : " AND (" + column + " IS NULL OR " + column + " = FALSE)"));
	}

	/** Links the unit to its league org (建团), refusing a stale version. */
	int linkLeagueOrg(long unitId, long leagueOrgId, int version, Instant now) {
		return jdbc.sql(
				"UPDATE unit SET league_org_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
			.params(leagueOrgId, OrgStore.utc(now), unitId, version)
			.update();
	}

	/** Streams the units of the subtree by org path and code. */
	void forEachInSubtree(Scope scope, Consumer<UnitRow> sink) {
		streaming.query(SELECT + " WHERE o.path >= ? AND o.path < ? ORDER BY o.path, u.code", rs -> {
			sink.accept(row(rs, 0));
		}, scope.lower(), scope.upper());
	}

	void insertAll(List<UnitFields> units, Instant now) {
		OffsetDateTime at = OrgStore.utc(now);
		template.batchUpdate("""
				INSERT INTO unit (code, name, type, responsible_org_id, league_org_id, above_scale, meets_conditions,
				                  has_party_org, standalone, has_league_school, students, linked_on, led_directly,
				                  version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
				""", units, 1000, (ps, u) -> {
			bind(ps, u);
			ps.setObject(14, at);
			ps.setObject(15, at);
		});
	}

	/**
	 * Updates units by code; with a version, refuses a stale one. Returns the number of
	 * rows updated.
	 */
	int updateAll(List<UnitFields> units, Optional<Integer> version, Instant now) {
		OffsetDateTime at = OrgStore.utc(now);
		int[][] counts = template.batchUpdate(
				"""
						UPDATE unit SET code = ?, name = ?, type = ?, responsible_org_id = ?, league_org_id = ?, above_scale = ?,
						                meets_conditions = ?, has_party_org = ?, standalone = ?, has_league_school = ?,
						                students = ?, linked_on = ?, led_directly = ?, version = version + 1, updated_at = ?
						WHERE code = ? AND (? < 0 OR version = ?)
						""",
				units, 1000, (ps, u) -> {
					bind(ps, u);
					ps.setObject(14, at);
					ps.setString(15, u.code());
					ps.setInt(16, version.orElse(-1));
					ps.setInt(17, version.orElse(-1));
				});
		int updated = 0;
		for (int[] batch : counts) {
			for (int c : batch) {
				updated += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : c;
			}
		}
		return updated;
	}

	int delete(long id, int version) {
		return jdbc.sql("DELETE FROM unit WHERE id = ? AND version = ?").params(id, version).update();
	}

	private static void bind(PreparedStatement ps, UnitFields u) throws SQLException {
		ps.setString(1, u.code());
		ps.setString(2, u.name());
		ps.setString(3, u.type().name());
		ps.setLong(4, u.responsibleOrgId());
		ps.setObject(5, u.leagueOrgId().orElse(null), Types.BIGINT);
		ps.setObject(6, u.aboveScale().orElse(null), Types.BOOLEAN);
		ps.setObject(7, u.meetsConditions().orElse(null), Types.BOOLEAN);
		ps.setObject(8, u.hasPartyOrg().orElse(null), Types.BOOLEAN);
		ps.setObject(9, u.standalone().orElse(null), Types.BOOLEAN);
		ps.setObject(10, u.hasLeagueSchool().orElse(null), Types.BOOLEAN);
		ps.setObject(11, u.students().orElse(null), Types.INTEGER);
		ps.setObject(12, u.linkedOn().map(Date::valueOf).orElse(null), Types.DATE);
		ps.setObject(13, u.ledDirectly().orElse(null), Types.BOOLEAN);
	}

	static UnitRow row(ResultSet rs, int n) throws SQLException {
		return new UnitRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				UnitType.valueOf(rs.getString("type")), rs.getLong("responsible_org_id"), rs.getString("r_code"),
				rs.getString("r_name"), rs.getString("r_path"), bool(rs, "above_scale"), bool(rs, "meets_conditions"),
				bool(rs, "has_party_org"), Optional.ofNullable(rs.getObject("league_org_id", Long.class)),
				Optional.ofNullable(rs.getString("l_code")), Optional.ofNullable(rs.getString("l_name")),
				Optional.ofNullable(rs.getObject("l_established", LocalDate.class)),
				Optional.ofNullable(rs.getObject("l_dissolved", LocalDate.class)), bool(rs, "standalone"),
				bool(rs, "has_league_school"), Optional.ofNullable(rs.getObject("students", Integer.class)),
				Optional.ofNullable(rs.getObject("linked_on", LocalDate.class)), bool(rs, "led_directly"),
				rs.getInt("version"));
	}

	private static Optional<Boolean> bool(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getObject(column, Boolean.class));
	}

}
