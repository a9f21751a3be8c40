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
 * Fixed-window counters in the database, so that every node of the platform counts into
 * the same figure: a window opens with its first hit and lasts its duration. A hit is one
 * atomic UPDATE (or, for the first hit of a window that has no row yet, one INSERT).
 */
@Repository
class RateCounters {

	/** The hits of the current window (this one included) and when the window ends. */
	record Count(int hits, Instant expiresAt) {

		/** Whole seconds until the window ends, at least 1. */
		long secondsLeft(Instant now) {
			return Math.max(1, (Duration.between(now, expiresAt).toMillis() + 999) / 1000);
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	RateCounters(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Counts one hit and returns the window's count, this hit included. */
	Count hit(String name, Duration window, Instant now) {
		OffsetDateTime at = UserStore.utc(now);
		OffsetDateTime end = UserStore.utc(now.plus(window));
		for (int attempt = 1;; attempt++) {
			Optional<Count> counted = transaction.execute(status -> {
				int updated = jdbc.sql("""
						UPDATE rate_counter
						SET hits = CASE WHEN expires_at <= :now THEN 1 ELSE hits + 1 END,
						    expires_at = CASE WHEN expires_at <= :now THEN :end ELSE expires_at END
						WHERE name = :name
						""").param("now", at).param("end", end).param("name", name).update();
				return updated == 0 ? Optional.<Count>empty() : current(name, now);
			});
			if (counted != null && counted.isPresent()) {
				return counted.get();
			}
			try {
				jdbc.sql("INSERT INTO rate_counter (name, hits, expires_at) VALUES (?, 1, ?)")
					.params(name, end)
					.update();
				return new Count(1, now.plus(window));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException e) {
				// Another node or thread opened the window at the same moment: count into
				// it.
				if (attempt >= 5) {
					throw e;
				}
			}
		}
	}

	/** The current window's count, if a window is open. */
	Optional<Count> current(String name, Instant now) {
		return jdbc.sql("SELECT hits, expires_at FROM rate_counter WHERE name = ? AND expires_at > ?")
			.params(name, UserStore.utc(now))
			.query((rs, n) -> new Count(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Removes the counters of closed windows; returns how many. */
	int purge(Instant now) {
		return jdbc.sql("DELETE FROM rate_counter WHERE expires_at <= ?").param(UserStore.utc(now)).update();
	}

}
