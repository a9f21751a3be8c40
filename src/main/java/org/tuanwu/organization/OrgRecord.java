package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One org as the {@code organizations} exchange format carries it: referred to by codes,
 * never by database ids. {@code termYears} empty means the kind's default.
 */
public record OrgRecord(String code, String name, Optional<String> parentCode, OrgKind kind, Sector sector,
		Optional<LocalDate> establishedOn, Optional<LocalDate> lastElectionOn, Optional<Integer> termYears,
		Optional<Integer> residentYouth, Optional<Integer> registeredPop635, Optional<LocalDate> dissolvedOn,
		Optional<Boolean> youthWorkCommittee) {
}
