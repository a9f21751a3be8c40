package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An org with all its fields, its parent and the path from the top of the caller's view
 * down to it.
 */
public record OrgDetail(long id, String code, String name, OrgKind kind, Sector sector, Optional<OrgRef> parent,
		Optional<LocalDate> establishedOn, Optional<LocalDate> lastElectionOn, int termYears,
		Optional<LocalDate> termExpiresOn, Optional<Integer> residentYouth, Optional<Integer> registeredPop635,
		Optional<Boolean> youthWorkCommittee, Optional<LocalDate> dissolvedOn, boolean hasChildren, int childCount,
		int version, List<OrgRef> path) {

	/** A reference to an org. */
	public record OrgRef(long id, String code, String name) {
	}

}
