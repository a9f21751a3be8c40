package org.tuanwu.organization.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgNode;
import org.tuanwu.organization.Sector;
import org.tuanwu.shared.PostgresCopy;

/**
 * SQL over the org table. Every query that can return orgs takes the caller's
 * {@link Scope} and adds its path range: no scope, no rows.
 */
@Repository
class OrgStore {

	static final String COLUMNS = "o.id, o.code, o.name, o.parent_id, o.path, o.depth, o.kind, o.sector,"
			+ " o.established_on, o.last_election_on, o.term_years, o.resident_youth, o.registered_pop_6_35,"
			+ " o.youth_work_committee, o.dissolved_on, o.version";

	private static final String IN_SCOPE = " o.path >= :lower AND o.path < :upper ";

	private static final String ACTIVE = " o.dissolved_on IS NULL ";

	private static final String NODE_COLUMNS = "o.id, o.code, o.name, o.kind, o.sector, o.dissolved_on, o.path,"
			+ " (SELECT count(*) FROM org c WHERE c.parent_id = o.id %s) AS child_count";

	/**
	 * The name with every character made a word of its own ({@code 新华村} →
	 * {@code " 新 华 村 "}), as the trigram index of PostgreSQL holds it (vendor migration
	 * V1_4): a keyword of one or two Chinese characters (村, 新华) has no trigram of its
	 * own, but written the same way each of its characters has one, so that
	 * {@code LIKE '%…%'} can use the index.
	 */
	static final String CHARS_AS_WORDS = "(' ' || regexp_replace(o.name, '(.)', '\\1 ', 'g'))";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	/**
	 * For exports: rows arrive in chunks instead of all at once (PostgreSQL needs a
	 * transaction for that).
	 */
	private final JdbcTemplate streaming;

	private final boolean postgres;

	OrgStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		this.template = template;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		try (var connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	Optional<OrgRow> find(Scope scope, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id = :id AND" + IN_SCOPE)
			.param("id", id)
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.query(OrgStore::row)
			.optional();
	}

	/**
	 * Unscoped: for resolving scopes themselves and for checks that report nothing back
	 * to the caller.
	 */
	Optional<OrgRow> findAnywhere(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id = ?").param(id).query(OrgStore::row).optional();
	}

	Optional<OrgRow> findByCodeAnywhere(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.code = ?")
			.param(code)
			.query(OrgStore::row)
			.optional();
	}

	List<OrgRow> findByCodesAnywhere(Collection<String> codes) {
		List<OrgRow> rows = new ArrayList<>();
		List<String> all = new ArrayList<>(codes);
		for (int i = 0; i < all.size(); i += 1000) {
			List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
			rows.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.code IN (:codes)")
				.param("codes", chunk)
				.query(OrgStore::row)
				.list());
		}
		return rows;
	}

	List<OrgRow> findByIdsAnywhere(Collection<Long> ids) {
		List<OrgRow> rows = new ArrayList<>();
		List<Long> all = new ArrayList<>(ids);
		for (int i = 0; i < all.size(); i += 1000) {
			List<Long> chunk = all.subList(i, Math.min(all.size(), i + 1000));
			rows.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id IN (:ids)")
				.param("ids", chunk)
				.query(OrgStore::row)
				.list());
		}
		return rows;
	}

	/** A line of the tree with the path its ancestors are read from. */
	record NodeRow(OrgNode node, String path) {
	}

	/** The tops of the view, without their (empty) ancestors. */
	List<OrgNode> roots(Scope scope, boolean includeDissolved) {
		return rootRows(scope, includeDissolved).stream().map(NodeRow::node).toList();
	}

	List<OrgNode> children(Scope scope, long parentId, boolean includeDissolved) {
		return childRows(scope, parentId, includeDissolved).stream().map(NodeRow::node).toList();
	}

	List<NodeRow> rootRows(Scope scope, boolean includeDissolved) {
		if (scope.isAll()) {
			return jdbc
				.sql("SELECT " + nodeColumns(includeDissolved) + " FROM org o WHERE o.parent_id IS NULL"
						+ (includeDissolved ? "" : " AND" + ACTIVE) + " ORDER BY o.code")
				.query(OrgStore::nodeRow)
				.list();
		}
		return scope.orgId()
			.map(id -> jdbc.sql("SELECT " + nodeColumns(includeDissolved) + " FROM org o WHERE o.id = ?")
				.param(id)
				.query(OrgStore::nodeRow)
				.list())
			.orElse(List.of());
	}

	List<NodeRow> childRows(Scope scope, long parentId, boolean includeDissolved) {
		return jdbc
			.sql("SELECT " + nodeColumns(includeDissolved) + " FROM org o WHERE o.parent_id = :parent AND" + IN_SCOPE
					+ (includeDissolved ? "" : " AND" + ACTIVE) + " ORDER BY o.kind, o.code")
			.param("parent", parentId)
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.query(OrgStore::nodeRow)
			.list();
	}

	int childCount(long id, boolean includeDissolved) {
		return jdbc.sql("SELECT count(*) FROM org o WHERE o.parent_id = ?" + (includeDissolved ? "" : " AND" + ACTIVE))
			.param(id)
			.query(Integer.class)
			.single();
	}

	record SearchResult(List<NodeRow> items, long total, boolean totalExact) {
	}

	/**
	 * Every child of the orgs, dissolved ones too, unscoped: for the checks of an import
	 * over the tree as it will be.
	 */
	List<OrgRow> childrenOfAnywhere(Collection<Long> parentIds) {
		List<OrgRow> rows = new ArrayList<>();
		List<Long> all = new ArrayList<>(parentIds);
		for (int i = 0; i < all.size(); i += 1000) {
			rows.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.parent_id IN (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(OrgStore::row)
				.list());
		}
		return rows;
	}

	/** The narrowing of a search beyond query, kind and dissolution (see OrgSearch). */
	record Narrowing(Optional<OrgRow> validParentFor, Optional<OrgKind> mayHaveChild) {

		static final Narrowing NONE = new Narrowing(Optional.empty(), Optional.empty());

	}

	/**
	 * The pager counts at most this many rows: an exact count of a province's 300 000
	 * orgs costs 0.2 s.
	 */
	static final int COUNT_LIMIT = 10_000;

	/**
	 * A keyword search counts at most this many: each match of a common keyword (团支部 is
	 * in most names) is checked against the name, and "1 000+" tells a clerk to narrow
	 * the search as well as "10 000+" does.
	 */
	static final int KEYWORD_COUNT_LIMIT = 1_000;

	SearchResult search(Scope within, String query, Optional<OrgKind> kind, boolean includeDissolved, int page,
			int size) {
		return search(within, query, kind, includeDissolved, Narrowing.NONE, page, size);
	}

	SearchResult search(Scope within, String query, Optional<OrgKind> kind, boolean includeDissolved,
			Narrowing narrowing, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE" + IN_SCOPE);
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("lower", within.lower());
		params.put("upper", within.upper());
		if (!query.isBlank()) {
			String q = query.strip();
			params.put("prefix", escapeLike(q) + "%");
			params.put("contains", "%" + escapeLike(q) + "%");
			if (postgres) {
				// Every character of the keyword is a word of the indexed text, so the
				// index finds the names holding all of them in a row; strpos on the name
				// decides (the same result as H2's LIKE) and, unlike a second LIKE, does
				// not
				// make the planner think a common keyword rare.
				where.append(" AND (o.code LIKE :prefix OR (strpos(o.name, :keyword) <> 0 AND " + CHARS_AS_WORDS
						+ " LIKE :spaced))");
				params.put("keyword", q);
				params.put("spaced", "%" + escapeLike(charsAsWords(q)) + "%");
				// A plan for these very values: a generic plan of a prepared statement
				// (the driver prepares after five runs) cannot tell a subtree of 300 000
				// orgs from one of 30, nor a keyword in every name from a rare one, and
				// scans the whole path range through the regular expression (0.9–1.4 s).
				// Local to the caller's (read-only) transaction.
				jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
					.query(String.class)
					.single();
			}
			else {
				where.append(" AND (o.code LIKE :prefix OR o.name LIKE :contains)");
			}
		}
		kind.ifPresent(k -> {
			where.append(" AND o.kind = :kind");
			params.put("kind", k.name());
		});
		if (!includeDissolved || narrowing.validParentFor().isPresent() || narrowing.mayHaveChild().isPresent()) {
			where.append(" AND" + ACTIVE);
		}
		narrowing.validParentFor().ifPresent(org -> {
			where.append(" AND o.kind IN (:parentKinds) AND NOT (o.path >= :selfLower AND o.path < :selfUpper)");
			params.put("parentKinds", org.kind().parentKinds().stream().map(Enum::name).toList());
			params.put("selfLower", org.path());
			params.put("selfUpper", Scope.upperBound(org.path()));
			org.parentId().ifPresent(p -> {
				where.append(" AND o.id <> :currentParent");
				params.put("currentParent", p);
			});
		});
		narrowing.mayHaveChild().ifPresent(child -> {
			where.append(" AND o.kind IN (:parentKindsOfChild)");
			params.put("parentKindsOfChild", child.parentKinds().stream().map(Enum::name).toList());
		});
		int countLimit = query.isBlank() ? COUNT_LIMIT : KEYWORD_COUNT_LIMIT;
		params.put("countLimit", countLimit + 1);
		long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM org o" + where + " LIMIT :countLimit) t")
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<NodeRow> items = jdbc
			.sql("SELECT " + nodeColumns(includeDissolved) + " FROM org o" + where
					+ " ORDER BY o.path LIMIT :limit OFFSET :offset")
			.params(params)
			.query(OrgStore::nodeRow)
			.list();
		boolean exact = total <= countLimit;
		return new SearchResult(items, exact ? total : countLimit, exact);
	}

	Map<OrgKind, Long> countByKind(Scope scope) {
		Map<OrgKind, Long> counts = new EnumMap<>(OrgKind.class);
		jdbc.sql("SELECT o.kind, count(*) FROM org o WHERE" + IN_SCOPE + "AND" + ACTIVE + "GROUP BY o.kind")
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.query(rs -> {
				counts.put(OrgKind.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	Map<Sector, Long> countBySector(Scope scope) {
		Map<Sector, Long> counts = new EnumMap<>(Sector.class);
		jdbc.sql("SELECT o.sector, count(*) FROM org o WHERE" + IN_SCOPE + "AND" + ACTIVE + "GROUP BY o.sector")
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.query(rs -> {
				counts.put(Sector.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	long countDissolved(Scope scope) {
		return jdbc.sql("SELECT count(*) FROM org o WHERE" + IN_SCOPE + "AND o.dissolved_on IS NOT NULL")
			.param("lower", scope.lower())
			.param("upper", scope.upper())
			.query(Long.class)
			.single();
	}

	/**
	 * Streams the subtree in path order, so that every parent comes before its children.
	 */
	void forEachInSubtree(Scope scope, boolean includeDissolved, Consumer<OrgWithParentCode> sink) {
		streaming.query("SELECT " + COLUMNS + ", p.code AS parent_code FROM org o LEFT JOIN org p ON p.id = o.parent_id"
				+ " WHERE o.path >= ? AND o.path < ?" + (includeDissolved ? "" : " AND" + ACTIVE) + " ORDER BY o.path",
				rs -> {
					sink.accept(new OrgWithParentCode(row(rs, 0), Optional.ofNullable(rs.getString("parent_code"))));
				}, scope.lower(), scope.upper());
	}

	record OrgWithParentCode(OrgRow org, Optional<String> parentCode) {
	}

	/**
	 * The subtree as the scorecard's roll-up walks it, in path order: only the columns it
	 * needs and no join, as this runs over 300 000 orgs for a province.
	 */
	void forEachTreeNode(Scope scope, Consumer<org.tuanwu.scorecard.OrgTreeSource.TreeOrg> sink) {
		streaming.query("SELECT o.id, o.parent_id, o.code, o.name, o.kind, o.path, o.dissolved_on FROM org o"
				+ " WHERE o.path >= ? AND o.path < ? ORDER BY o.path", rs -> {
					sink.accept(new org.tuanwu.scorecard.OrgTreeSource.TreeOrg(rs.getLong(1),
							Optional.ofNullable(rs.getObject(2, Long.class)), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getObject(7, LocalDate.class))));
				}, scope.lower(), scope.upper());
	}

	/** Reserves ids from the org sequence for rows the application is about to insert. */
	List<Long> allocateIds(int count) {
		if (count == 0) {
			return List.of();
		}
		String sql = postgres ? "SELECT nextval('org_id_seq') FROM generate_series(1, ?)"
				: "SELECT NEXT VALUE FOR org_id_seq FROM SYSTEM_RANGE(1, ?)";
		return jdbc.sql(sql).param(count).query(Long.class).list();
	}

	private static final List<String> INSERT_COLUMNS = List.of("id", "code", "name", "parent_id", "path", "depth",
			"kind", "sector", "established_on", "last_election_on", "term_years", "resident_youth",
			"registered_pop_6_35", "youth_work_committee", "dissolved_on", "version", "created_at", "updated_at");

	/** On PostgreSQL with COPY (shared.PostgresCopy), else a batch of INSERTs. */
	void insertAll(List<OrgRow> rows, Instant now) {
		OffsetDateTime at = utc(now);
		Optional<PostgresCopy> copy = PostgresCopy.of(template);
		if (copy.isPresent()) {
			copy.get()
				.copy("org", INSERT_COLUMNS, rows,
						r -> new Object[] { r.id(), r.code(), r.name(), r.parentId().orElse(null), r.path(), r.depth(),
								r.kind().name(), r.sector().name(), r.establishedOn().orElse(null),
								r.lastElectionOn().orElse(null), r.termYears(), r.residentYouth().orElse(null),
								r.registeredPop635().orElse(null), r.youthWorkCommittee().orElse(null),
								r.dissolvedOn().orElse(null), 0, at, at });
			return;
		}
		template.batchUpdate("""
				INSERT INTO org (id, code, name, parent_id, path, depth, kind, sector, established_on, last_election_on,
				                 term_years, resident_youth, registered_pop_6_35, youth_work_committee, dissolved_on,
				                 version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
				""", rows, 1000, (ps, r) -> {
			ps.setLong(1, r.id());
			ps.setString(2, r.code());
			ps.setString(3, r.name());
			ps.setObject(4, r.parentId().orElse(null));
			ps.setString(5, r.path());
			ps.setInt(6, r.depth());
			ps.setString(7, r.kind().name());
			ps.setString(8, r.sector().name());
			ps.setObject(9, r.establishedOn().map(Date::valueOf).orElse(null), java.sql.Types.DATE);
			ps.setObject(10, r.lastElectionOn().map(Date::valueOf).orElse(null), java.sql.Types.DATE);
			ps.setInt(11, r.termYears());
			ps.setObject(12, r.residentYouth().orElse(null), java.sql.Types.INTEGER);
			ps.setObject(13, r.registeredPop635().orElse(null), java.sql.Types.INTEGER);
			ps.setObject(14, r.youthWorkCommittee().orElse(null), java.sql.Types.BOOLEAN);
			ps.setObject(15, r.dissolvedOn().map(Date::valueOf).orElse(null), java.sql.Types.DATE);
			ps.setObject(16, at);
			ps.setObject(17, at);
		});
	}

	/** Updates the attributes (not the place in the tree); refuses a stale version. */
	int updateAttributes(List<OrgRow> rows, Instant now) {
		OffsetDateTime at = utc(now);
		int[][] counts = template.batchUpdate("""
				UPDATE org SET name = ?, kind = ?, sector = ?, established_on = ?, last_election_on = ?, term_years = ?,
				               resident_youth = ?, registered_pop_6_35 = ?, youth_work_committee = ?, dissolved_on = ?,
				               version = version + 1, updated_at = ?
				WHERE id = ? AND version = ?
				""", rows, 1000, (ps, r) -> {
			ps.setString(1, r.name());
			ps.setString(2, r.kind().name());
			ps.setString(3, r.sector().name());
			ps.setObject(4, r.establishedOn().map(Date::valueOf).orElse(null), java.sql.Types.DATE);
			ps.setObject(5, r.lastElectionOn().map(Date::valueOf).orElse(null), java.sql.Types.DATE);
			ps.setInt(6, r.termYears());
			ps.setObject(7, r.residentYouth().orElse(null), java.sql.Types.INTEGER);
			ps.setObject(8, r.registeredPop635().orElse(null), java.sql.Types.INTEGER);
			ps.setObject(9, r.youthWorkCommittee().orElse(null), java.sql.Types.BOOLEAN);
			ps.setObject(10, r.dissolvedOn().map(Date::valueOf).orElse(null), java.sql.Types.DATE);
			ps.setObject(11, at);
			ps.setLong(12, r.id());
			ps.setInt(13, r.version());
		});
		int updated = 0;
		for (int[] batch : counts) {
			for (int c : batch) {
				updated += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : c;
			}
		}
		return updated;
	}

	/**
	 * Moves the org and its subtree: one statement rewrites every path below the old
	 * prefix and shifts depths.
	 */
	void move(OrgRow org, OrgRow newParent, Instant now) {
		String oldPrefix = org.path();
		String newPrefix = newParent.path() + org.id() + "/";
		int depthDelta = newParent.depth() + 1 - org.depth();
		jdbc.sql("UPDATE org SET parent_id = :parent, version = version + 1, updated_at = :now WHERE id = :id")
			.param("parent", newParent.id())
			.param("now", utc(now))
			.param("id", org.id())
			.update();
		jdbc.sql("""
				UPDATE org SET path = :newPrefix || SUBSTRING(path, :cut), depth = depth + :delta
				WHERE path >= :lower AND path < :upper
				""")
			.param("newPrefix", newPrefix)
			.param("cut", oldPrefix.length() + 1)
			.param("delta", depthDelta)
			.param("lower", oldPrefix)
			.param("upper", Scope.upperBound(oldPrefix))
			.update();
	}

	void history(long orgId, String event, String actor, String detail, Instant now) {
		jdbc.sql("INSERT INTO org_history (org_id, happened_at, event, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(orgId, utc(now), event, actor, detail.length() > 4000 ? detail.substring(0, 4000) : detail)
			.update();
	}

	void historyAll(List<HistoryEntry> entries, Instant now) {
		OffsetDateTime at = utc(now);
		Optional<PostgresCopy> copy = PostgresCopy.of(template);
		if (copy.isPresent()) {
			copy.get()
				.copy("org_history", List.of("org_id", "happened_at", "event", "actor", "detail"), entries,
						e -> new Object[] { e.orgId(), at, e.event(), e.actor(), e.storedDetail() });
			return;
		}
		template.batchUpdate(
				"INSERT INTO org_history (org_id, happened_at, event, actor, detail) VALUES (?, ?, ?, ?, ?)", entries,
				1000, (ps, e) -> {
					ps.setLong(1, e.orgId());
					ps.setObject(2, at);
					ps.setString(3, e.event());
					ps.setString(4, e.actor());
					ps.setString(5, e.storedDetail());
				});
	}

	record HistoryEntry(long orgId, String event, String actor, String detail) {

		/** The detail as the column holds it (at most 4 000 characters). */
		String storedDetail() {
			return detail.length() > 4000 ? detail.substring(0, 4000) : detail;
		}

	}

	private static String nodeColumns(boolean includeDissolved) {
		return NODE_COLUMNS.formatted(includeDissolved ? "" : "AND c.dissolved_on IS NULL");
	}

	private static NodeRow nodeRow(ResultSet rs, int n) throws SQLException {
		int children = rs.getInt("child_count");
		return new NodeRow(new OrgNode(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				OrgKind.valueOf(rs.getString("kind")), Sector.valueOf(rs.getString("sector")),
				Optional.ofNullable(rs.getObject("dissolved_on", LocalDate.class)), children > 0, children, List.of()),
				rs.getString("path"));
	}

	/** {@code %}, {@code _} and the escape character itself are literal in a query. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * Every character (code point) a word, as {@link #CHARS_AS_WORDS} writes the name.
	 */
	static String charsAsWords(String text) {
		StringBuilder b = new StringBuilder(text.length() * 2 + 1).append(' ');
		text.codePoints().forEach(c -> b.appendCodePoint(c).append(' '));
		return b.toString();
	}

	static OrgRow row(ResultSet rs, int n) throws SQLException {
		return new OrgRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				Optional.ofNullable(rs.getObject("parent_id", Long.class)), rs.getString("path"), rs.getInt("depth"),
				OrgKind.valueOf(rs.getString("kind")), Sector.valueOf(rs.getString("sector")),
				Optional.ofNullable(rs.getObject("established_on", LocalDate.class)),
				Optional.ofNullable(rs.getObject("last_election_on", LocalDate.class)), rs.getInt("term_years"),
				Optional.ofNullable(rs.getObject("resident_youth", Integer.class)),
				Optional.ofNullable(rs.getObject("registered_pop_6_35", Integer.class)),
				Optional.ofNullable(rs.getObject("youth_work_committee", Boolean.class)),
				Optional.ofNullable(rs.getObject("dissolved_on", LocalDate.class)), rs.getInt("version"));
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
