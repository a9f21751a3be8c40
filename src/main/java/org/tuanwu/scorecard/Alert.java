package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One alert of the dashboard.
 *
 * @param type {@code TERM_EXPIRED}, {@code TERM_EXPIRING} or {@code VILLAGE_UNCOVERED}
 * @param date when the term expired / expires, or the evaluation date
 * @param unitCode the unit concerned (an uncovered village), if any
 */
public record Alert(String type, long orgId, String orgCode, String orgName, LocalDate date, Optional<String> unitCode,
		Optional<String> unitName) {
}
