package org.tuanwu.organization;

import java.time.LocalDate;

/** An org was dissolved from the day, with the reason given. */
public record OrgDissolved(long orgId, String code, LocalDate dissolvedOn, String reason) {
}
