package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tuanwu.organization.OrgDetail.OrgRef;
import org.tuanwu.organization.OrgDissolutionVeto;
import org.tuanwu.organization.OrgKind;

/**
 * Asks every {@link OrgDissolutionVeto} the other modules declare; the first reason wins.
 */
@Component
class DissolutionVetoes {

	private final ObjectProvider<OrgDissolutionVeto> vetoes;

	DissolutionVetoes(ObjectProvider<OrgDissolutionVeto> vetoes) {
		this.vetoes = vetoes;
	}

	Optional<OrgRefusal> dissolution(OrgRow org, LocalDate dissolvedOn) {
		OrgRef ref = ref(org);
		return vetoes.orderedStream()
			.map(v -> v.vetoDissolution(ref, dissolvedOn))
			.flatMap(Optional::stream)
			.findFirst()
			.map(DissolutionPolicy::vetoed);
	}

	/** Asked when a branch would become an org of a kind that holds no members. */
	Optional<OrgRefusal> kindChange(OrgRow org, OrgKind newKind) {
		if (!org.kind().isBranch() || newKind.isBranch()) {
			return Optional.empty();
		}
		OrgRef ref = ref(org);
		return vetoes.orderedStream()
			.map(v -> v.vetoLeavingBranchKinds(ref, newKind))
			.flatMap(Optional::stream)
			.findFirst()
			.map(reason -> OrgRefusal.onForm("org.kind-change-vetoed", "kind", "kind", reason));
	}

	private static OrgRef ref(OrgRow org) {
		return new OrgRef(org.id(), org.code(), org.name());
	}

}
