package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

import org.tuanwu.organization.OrgDetail.OrgRef;

/**
 * A unit of the register as the API shows it. {@code covered}: it has a league org that
 * is not dissolved today.
 */
public record UnitView(long id, String code, String name, UnitType type, OrgRef responsibleOrg,
		Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions, Optional<Boolean> hasPartyOrg,
		Optional<OrgRef> leagueOrg, Optional<Boolean> standalone, Optional<Boolean> hasLeagueSchool,
		Optional<Integer> students, Optional<LocalDate> linkedOn, Optional<Boolean> ledDirectly, boolean covered,
		int version) {
}
