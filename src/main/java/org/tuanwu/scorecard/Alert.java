package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.Optional;
import org.tuanwu.shared.Text;

/**
 * One item of the to-do list.
 *
 * @param kind an {@link AlertSource.AlertKind} code, e.g. {@code TERM_EXPIRED}
 * @param orgId the org concerned (for a unit: its responsible org)
 * @param date when the term expired / expires, or the day of the check
 * @param unitCode the unit concerned (an uncovered village), if any
 * @param note what is the matter, in Chinese, e.g. 届期已于 2023-06-01 届满
 */
public record Alert(String kind, long orgId, String orgCode, String orgName, LocalDate date, Optional<String> unitCode,
		Optional<String> unitName, Text note) {
}
