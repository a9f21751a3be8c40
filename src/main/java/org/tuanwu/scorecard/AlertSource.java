package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tuanwu.identity.Scope;

/**
 * Implemented by domain modules that raise alerts for the dashboard: {@code TERM_EXPIRED}, {@code TERM_EXPIRING}
 * (within 90 days), {@code VILLAGE_UNCOVERED}.
 */
public interface AlertSource {

	List<Alert> alerts(Scope subtree, LocalDate today);

	/** One alert: the org concerned, the date it refers to (expiry, or today), and the unit if any. */
	record Alert(String type, long orgId, String orgCode, String orgName, LocalDate date, Optional<String> unitCode,
			Optional<String> unitName) {
	}

}
