package org.tuanwu.identity;

import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit log. Write in the same transaction as the change it records.
 */
public interface AuditLog {

	void record(Actor actor, AuditEntry entry);

	/** Many entries at once, as a bulk import writes them. */
	void recordAll(Actor actor, List<AuditEntry> entries);

	/**
	 * The sequence number of the newest entry. Every write is audited in its own transaction, so this number
	 * changes whenever any record changes: caches of derived figures key on it.
	 */
	long lastSequence();

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
