package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

import org.tuanwu.organization.OrgDetail.OrgRef;
import org.tuanwu.shared.Text;

/**
 * Implemented by a module whose records hang on an org and must not be orphaned: before
 * an org is dissolved (by the API or an import) every implementation is asked, and any
 * reason it gives refuses the change. Membership will answer "该组织还有 12 名团员，不能撤销". The
 * same question is asked when an org stops being a branch (its kind changes from a branch
 * kind to one that holds no members).
 */
public interface OrgDissolutionVeto {

	/** Why the org may not be dissolved on the day, or empty. */
	Optional<Text> vetoDissolution(OrgRef org, LocalDate dissolvedOn);

	/** Why the branch may not become an org of the given non-branch kind, or empty. */
	default Optional<Text> vetoLeavingBranchKinds(OrgRef org, OrgKind newKind) {
		return Optional.empty();
	}

}
