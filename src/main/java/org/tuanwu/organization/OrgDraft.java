package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

/** The editable fields of an org, as a create or edit form sends them. */
public record OrgDraft(String code, String name, OrgKind kind, Sector sector, Optional<LocalDate> establishedOn,
		Optional<LocalDate> lastElectionOn, Optional<Integer> termYears, Optional<Integer> residentYouth,
		Optional<Integer> registeredPop635, Optional<Boolean> youthWorkCommittee) {
}
