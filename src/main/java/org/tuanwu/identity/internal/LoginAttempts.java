package org.tuanwu.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per username key ({@link Usernames#key}), for unknown names as for real
 * accounts. Counting is one atomic UPDATE in the database: parallel failures on one or
 * several nodes each add exactly one, and the one that reaches the limit sets the lock.
 * While locked, nothing is counted. Failures older than the lockout duration are
 * forgotten.
 */
@Repository
class LoginAttempts {

	/** The state after a failure was counted. */
	record Failure(int attempts, Optional<Instant> lockedUntil) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	LoginAttempts(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** When the lock of this key ends, if it is locked now. */
	Optional<Instant> lockedUntil(String key, Instant now) {
		return jdbc.sql("SELECT locked_until FROM login_failure WHERE username_key = ? AND locked_until > ?")
			.params(key, UserStore.utc(now))
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Counts one failure; the failure that reaches {@code max} within the window locks
	 * the key for {@code lockout}.
	 */
	Failure recordFailure(String key, int max, Duration lockout, Instant now) {
		OffsetDateTime at = UserStore.utc(now);
		OffsetDateTime until = UserStore.utc(now.plus(lockout));
		for (int attempt = 1;; attempt++) {
			// One statement decides the new count and the lock from the row as it is when
			// the row lock is held; a locked row is not touched. The SELECT after it, in
			// the same transaction, reads the count this statement wrote. When it touched
			// no row, the row is either locked (the answer), or missing — or it was just
			// created by a parallel first failure that this statement could not see yet:
			// then count again, never report a failure that was not counted.
			Optional<Failure> counted = transaction.execute(status -> {
				int updated = jdbc.sql("""
						UPDATE login_failure
						SET failed_attempts = CASE WHEN locked_until IS NOT NULL OR last_failure_at <= :stale THEN 1
						                           ELSE failed_attempts + 1 END,
						    locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL OR last_failure_at <= :stale
						                                   THEN 1 ELSE failed_attempts + 1 END) >= :max
						                        THEN :until ELSE NULL END,
						    last_failure_at = :now
						WHERE username_key = :key AND (locked_until IS NULL OR locked_until <= :now)
						""")
					.param("stale", UserStore.utc(now.minus(lockout)))
					.param("max", max)
					.param("until", until)
					.param("now", at)
					.param("key", key)
					.update();
				Optional<Failure> state = state(key, now);
				return updated == 1 || state.map(f -> f.lockedUntil().isPresent()).orElse(false) ? state
						: state.isPresent() ? null : Optional.<Failure>empty();
			});
			if (counted == null) {
				if (attempt >= 10) {
					throw new ConcurrencyFailureException("登录失败计数反复冲突：" + key);
				}
				continue;
			}
			if (counted.isPresent()) {
				return counted.get();
			}
			try {
				boolean locks = max <= 1;
				jdbc.sql("INSERT INTO login_failure (username_key, failed_attempts, last_failure_at, locked_until)"
						+ " VALUES (?, 1, ?, ?)")
					.params(key, at, locks ? until : null)
					.update();
				return new Failure(1, locks ? Optional.of(now.plus(lockout)) : Optional.empty());
			}
			catch (DuplicateKeyException | ConcurrencyFailureException e) {
				// A parallel first failure created the row: count into it.
				if (attempt >= 5) {
					throw e;
				}
			}
		}
	}

	/**
	 * After the right password: forgets the failures unless the key is locked (also by a
	 * failure counted a moment ago, on any node). Returns whether it was not locked.
	 */
	boolean clearUnlessLocked(String key, Instant now) {
		jdbc.sql("DELETE FROM login_failure WHERE username_key = ? AND (locked_until IS NULL OR locked_until <= ?)")
			.params(key, UserStore.utc(now))
			.update();
		return lockedUntil(key, now).isEmpty();
	}

	/** Unlocks: forgets every failure of the key. */
	void clear(String key) {
		jdbc.sql("DELETE FROM login_failure WHERE username_key = ?").param(key).update();
	}

	/** Forgets the failures that no longer count and whose lock has ended. */
	int purge(Instant now, Duration lockout) {
		return jdbc
			.sql("DELETE FROM login_failure WHERE last_failure_at <= ? AND (locked_until IS NULL OR locked_until <= ?)")
			.params(UserStore.utc(now.minus(lockout)), UserStore.utc(now))
			.update();
	}

	private Optional<Failure> state(String key, Instant now) {
		return jdbc.sql("SELECT failed_attempts, locked_until FROM login_failure WHERE username_key = ?")
			.param(key)
			.query((rs, n) -> new Failure(rs.getInt(1),
					Optional.ofNullable(rs.getObject(2, OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.filter(now::isBefore)))
			.optional();
	}

}
