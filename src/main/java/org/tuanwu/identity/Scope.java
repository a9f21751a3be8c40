package org.tuanwu.identity;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The part of the org tree an actor may see and change: every org whose materialized path
 * starts with {@link #path()}. {@link #ALL} covers the platform, {@link #NONE} covers
 * nothing — a user whose scope cannot be resolved gets {@code NONE}, never more (fail
 * closed).
 * <p>
 * Queries use the half-open range {@code path >= lower() AND path < upper()}: an indexed
 * range scan, no leading-wildcard LIKE. Paths hold only digits and '/', and '0' is the
 * character after '/'.
 * <p>
 * The scope contract of the modules (docs/architecture.md "The scope contract"): a
 * module's records carry {@code org_id} and join the organization module's view
 * {@code org_scope} with this scope's condition, bound by {@link #bind}:
 *
 * <pre>
 * scope.bind(jdbc.sql("SELECT m.id FROM member m JOIN org_scope s ON s.org_id = m.org_id WHERE "
 * 		+ Scope.sql("s.path")))
 * </pre>
 */
public record Scope(Optional<String> path, Optional<Long> orgId) {

	public static final Scope ALL = new Scope(Optional.of("/"), Optional.empty());

	public static final Scope NONE = new Scope(Optional.empty(), Optional.empty());

	/** The named parameter of {@link #sql} for the lower end of the range. */
	public static final String LOWER_PARAMETER = "scope_lower";

	/** The named parameter of {@link #sql} for the (excluded) upper end of the range. */
	public static final String UPPER_PARAMETER = "scope_upper";

	private static final Pattern COLUMN = Pattern.compile("([a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*");

	public static Scope of(long orgId, String path) {
		if (!path.startsWith("/") || !path.endsWith("/")) {
			throw new IllegalArgumentException("not a materialized path: " + path);
		}
		return new Scope(Optional.of(path), Optional.of(orgId));
	}

	public boolean isAll() {
		return path.map("/"::equals).orElse(false);
	}

	public boolean isNone() {
		return path.isEmpty();
	}

	/**
	 * Whether the org with this path lies in the scope (the scope's own org included).
	 */
	public boolean covers(String orgPath) {
		return path.map(orgPath::startsWith).orElse(false);
	}

	/** Whether every org of the other scope lies in this one. */
	public boolean contains(Scope other) {
		return other.path.map(this::covers).orElse(true);
	}

	/**
	 * Whether every org of the other scope lies strictly below this scope's own org: the
	 * other scope is neither this one nor above it. The platform ({@link #ALL}) is above
	 * every org's scope; {@link #NONE} is above nothing and below nothing.
	 */
	public boolean isStrictlyAbove(Scope other) {
		return path.isPresent() && other.path.isPresent() && !other.path.get().equals(path.get())
				&& other.path.get().startsWith(path.get());
	}

	public String lower() {
		return path.orElse("~");
	}

	public String upper() {
		return path.map(Scope::upperBound).orElse("~");
	}

	/**
	 * The condition "in this scope" on a column holding an org's materialized path, e.g.
	 * {@code Scope.sql("s.path")} gives
	 * {@code s.path >= :scope_lower AND s.path < :scope_upper}. Its parameters are bound
	 * by {@link #bind} (or given by {@link #parameters}); for {@link #NONE} the range is
	 * empty, so a query with it finds nothing.
	 * @param pathColumn a column, optionally qualified ({@code s.path}), never user input
	 */
	public static String sql(String pathColumn) {
		if (!COLUMN.matcher(pathColumn).matches()) {
			throw new IllegalArgumentException("not a column name: " + pathColumn);
		}
		return pathColumn + " >= :" + LOWER_PARAMETER + " AND " + pathColumn + " < :" + UPPER_PARAMETER;
	}

	/** The values of the parameters of {@link #sql} for this scope. */
	public Map<String, Object> parameters() {
		return Map.of(LOWER_PARAMETER, lower(), UPPER_PARAMETER, upper());
	}

	/** Binds the parameters of {@link #sql} for this scope to the statement. */
	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return statement.params(parameters());
	}

	/** The smallest string greater than every path that starts with the prefix. */
	public static String upperBound(String prefix) {
		return prefix.substring(0, prefix.length() - 1) + "0";
	}

}
