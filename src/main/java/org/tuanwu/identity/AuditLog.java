package org.tuanwu.identity;

import java.util.List;
import java.util.Optional;

/**
 * The append-only audit log, chained with a keyed hash (HMAC-SHA256) and anchored by
 * signed checkpoints outside the database. Write in the same transaction as the change it
 * records.
 */
public interface AuditLog {

	void record(Actor actor, AuditEntry entry);

	/** Many entries at once, as a bulk import writes them. */
	void recordAll(Actor actor, List<AuditEntry> entries);

	/**
	 * A number that changes whenever a record changes. Every write is audited in its own
	 * transaction; entries that change no record (logins, exports, user administration,
	 * verification) leave it alone. Caches of derived figures key on it.
	 */
	long dataVersion();

	/**
	 * Audited actions that change no record kept for the scorecard: they do not move the
	 * data version.
	 */
	java.util.Set<String> ACTIONS_WITHOUT_DATA_CHANGE = java.util.Set.of("LOGIN_SUCCESS", "LOGIN_FAILURE", "LOGOUT",
			"PASSWORD_CHANGED", "USER_CREATED", "USER_UPDATED", "USER_PASSWORD_RESET", "USER_UNLOCKED", "EXPORT",
			"IMPORT_REFUSED", "AUDIT_VERIFIED", "AUDIT_CHAIN_KEYED", "RULE_PACK_UPLOADED", "ACCESS_REFUSED",
			"CSRF_REFUSED", "LOGIN_THROTTLED", "REFUSALS_SUPPRESSED");

	/** For events without a logged-in actor (failed logins, first start). */
	void record(String username, Optional<String> ip, AuditEntry entry);

	/** One audited event: what was done, to what, and the fields that changed. */
	record AuditEntry(String action, Optional<Long> orgId, String targetType, String targetId, String summary,
			List<Change> changes) {

		public static AuditEntry of(String action, String summary) {
			return new AuditEntry(action, Optional.empty(), "", "", summary, List.of());
		}

	}

	/** One changed field, before and after ("" for no value). */
	record Change(String field, String before, String after) {
	}

}
