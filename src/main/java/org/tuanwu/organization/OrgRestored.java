package org.tuanwu.organization;

import java.time.LocalDate;

/** A dissolved org was restored (it had been dissolved on {@code wasDissolvedOn}). */
public record OrgRestored(long orgId, String code, LocalDate wasDissolvedOn, String reason) {
}
