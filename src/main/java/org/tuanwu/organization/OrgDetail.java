package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tuanwu.shared.Text;

/**
 * An org with all its fields, its parent and the path from the top of the caller's view
 * down to it. {@code childCount} and {@code activeChildCount} both count the children
 * that are not dissolved (the first is kept for older clients).
 * {@code allowedChildKinds}: what 新增下级 may offer (empty for a branch or a dissolved org).
 * {@code dissolveRefusal} and {@code restoreRefusal}: why the caller could not dissolve
 * or restore the org now, so that the form explains before asking for a reason (empty
 * when it would be allowed).
 */
public record OrgDetail(long id, String code, String name, OrgKind kind, Sector sector, Optional<OrgRef> parent,
		Optional<LocalDate> establishedOn, Optional<LocalDate> lastElectionOn, int termYears,
		Optional<LocalDate> termExpiresOn, Optional<Integer> residentYouth, Optional<Integer> registeredPop635,
		Optional<Boolean> youthWorkCommittee, Optional<LocalDate> dissolvedOn, boolean hasChildren, int childCount,
		int version, List<OrgRef> path, int activeChildCount, List<OrgKind> allowedChildKinds,
		Optional<Text> dissolveRefusal, Optional<Text> restoreRefusal) {

	/** A reference to an org. */
	public record OrgRef(long id, String code, String name) {
	}

}
