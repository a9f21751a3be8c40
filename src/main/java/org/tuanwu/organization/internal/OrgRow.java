package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.Sector;

/** An org as stored. Never leaves the module. */
record OrgRow(long id, String code, String name, Optional<Long> parentId, String path, int depth, OrgKind kind,
		Sector sector, Optional<LocalDate> establishedOn, Optional<LocalDate> lastElectionOn, int termYears,
		Optional<Integer> residentYouth, Optional<Integer> registeredPop635, Optional<Boolean> youthWorkCommittee,
		Optional<LocalDate> dissolvedOn, int version) {

	boolean dissolved() {
		return dissolvedOn.isPresent();
	}

	/** The ids on the path from the root down to this org. */
	long[] pathIds() {
		return java.util.Arrays.stream(path.substring(1).split("/")).mapToLong(Long::parseLong).toArray();
	}

}
