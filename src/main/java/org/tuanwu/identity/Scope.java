package org.tuanwu.identity;

import java.util.Optional;

/**
 * The part of the org tree an actor may see and change: every org whose materialized path
 * starts with {@link #path()}. {@link #ALL} covers the platform, {@link #NONE} covers
 * nothing — a user whose scope cannot be resolved gets {@code NONE}, never more (fail
 * closed).
 * <p>
 * Queries use the half-open range {@code path >= lower() AND path < upper()}: an indexed
 * range scan, no leading-wildcard LIKE. Paths hold only digits and '/', and '0' is the
 * character after '/'.
 */
public record Scope(Optional<String> path, Optional<Long> orgId) {

	public static final Scope ALL = new Scope(Optional.of("/"), Optional.empty());

	public static final Scope NONE = new Scope(Optional.empty(), Optional.empty());

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

	/** The smallest string greater than every path that starts with the prefix. */
	public static String upperBound(String prefix) {
		return prefix.substring(0, prefix.length() - 1) + "0";
	}

}
