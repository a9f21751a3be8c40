package org.tuanwu.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.tuanwu.identity.Role;

@Repository
class UserStore {

	/** A user's columns, and the lock of their username (login_failure, keyed alike). */
	private static final String SELECT = "SELECT u.id, u.username, u.display_name, u.password_hash, u.scope_org_id,"
			+ " u.enabled, u.must_change_password, u.session_epoch, u.last_login_at, f.locked_until"
			+ " FROM app_user u LEFT JOIN login_failure f ON f.username_key = u.username_key";

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
	}

	/** The user whose username, ignoring case, has this key ({@link Usernames#key}). */
	Optional<UserAccount> findByUsernameKey(String key) {
		return jdbc.sql(SELECT + " WHERE u.username_key = ?")
			.param(key)
			.query(this::map)
			.optional()
			.map(this::withRoles);
	}

	Optional<UserAccount> findById(long id) {
		return jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(this::map).optional().map(this::withRoles);
	}

	/** Users whose username starts with, or whose name contains, the text. */
	List<UserAccount> search(String q) {
		List<UserAccount> users = jdbc
			.sql(SELECT + " WHERE (u.username_key LIKE ? OR u.display_name LIKE ?) ORDER BY u.username_key")
			.params(escapeLike(q.toLowerCase(java.util.Locale.ROOT)) + "%", "%" + escapeLike(q) + "%")
			.query(this::map)
			.list();
		Map<Long, Set<Role>> roles = rolesOf(users.stream().map(UserAccount::id).toList());
		return users.stream().map(u -> withRoles(u, roles.getOrDefault(u.id(), Set.of()))).toList();
	}

	long insert(String username, String displayName, String passwordHash, Optional<Long> scopeOrgId, Set<Role> roles,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO app_user (username, display_name, password_hash, scope_org_id, enabled, must_change_password,
						                      created_at)
						VALUES (:username, :displayName, :hash, :scope, TRUE, TRUE, :now)
						""")
			.param("username", username)
			.param("displayName", displayName)
			.param("hash", passwordHash)
			.param("scope", scopeOrgId.orElse(null))
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class) == null ? keys.getKey().longValue() : keys.getKeyAs(Long.class);
		replaceRoles(id, roles);
		addPasswordHistory(id, passwordHash, now);
		return id;
	}

	void update(long id, String displayName, Optional<Long> scopeOrgId, Set<Role> roles, boolean enabled) {
		jdbc.sql("UPDATE app_user SET display_name = ?, scope_org_id = ? WHERE id = ?")
			.params(displayName, scopeOrgId.orElse(null), id)
			.update();
		setEnabled(id, enabled);
		replaceRoles(id, roles);
	}

	/**
	 * A new password; ends the user's sessions (raises the epoch). Returns the new epoch.
	 */
	int changePassword(long id, String hash, boolean mustChange, Instant now) {
		jdbc.sql(
				"UPDATE app_user SET password_hash = ?, must_change_password = ?, session_epoch = session_epoch + 1 WHERE id = ?")
			.params(hash, mustChange, id)
			.update();
		addPasswordHistory(id, hash, now);
		return sessionEpoch(id);
	}

	/** Enables or disables the account; disabling ends its sessions. */
	void setEnabled(long id, boolean enabled) {
		jdbc.sql("UPDATE app_user SET enabled = ?, session_epoch = session_epoch + CASE WHEN ? THEN 0 ELSE 1 END"
				+ " WHERE id = ?")
			.params(enabled, enabled, id)
			.update();
	}

	int sessionEpoch(long id) {
		return jdbc.sql("SELECT session_epoch FROM app_user WHERE id = ?").param(id).query(Integer.class).single();
	}

	List<String> recentPasswordHashes(long id, int howMany) {
		return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?")
			.params(id, howMany)
			.query(String.class)
			.list();
	}

	void recordLogin(long id, Instant now) {
		jdbc.sql("UPDATE app_user SET last_login_at = ? WHERE id = ?").params(utc(now), id).update();
	}

	private void addPasswordHistory(long id, String hash, Instant now) {
		jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)")
			.params(id, hash, utc(now))
			.update();
	}

	private void replaceRoles(long id, Set<Role> roles) {
		jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(id).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
	}

	private UserAccount withRoles(UserAccount u) {
		return withRoles(u, rolesOf(List.of(u.id())).getOrDefault(u.id(), Set.of()));
	}

	private UserAccount withRoles(UserAccount u, Set<Role> roles) {
		return new UserAccount(u.id(), u.username(), u.displayName(), u.passwordHash(), u.scopeOrgId(), u.enabled(),
				u.mustChangePassword(), u.sessionEpoch(), u.lockedUntil(), u.lastLoginAt(), roles);
	}

	private Map<Long, Set<Role>> rolesOf(List<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		String marks = userIds.stream().map(i -> "?").collect(Collectors.joining(","));
		record UserRole(long userId, Role role) {
		}
		return jdbc.sql("SELECT user_id, role FROM user_role WHERE user_id IN (" + marks + ")")
			.params(new ArrayList<Object>(userIds))
			.query((rs, n) -> new UserRole(rs.getLong(1), Role.valueOf(rs.getString(2))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(UserRole::userId,
					Collectors.mapping(UserRole::role, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
	}

	private UserAccount map(ResultSet rs, int n) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Optional.ofNullable(rs.getObject("scope_org_id", Long.class)),
				rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("session_epoch"),
				instant(rs, "locked_until"), instant(rs, "last_login_at"), Set.of());
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
