package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

import org.tuanwu.organization.OrgDetail.OrgRef;

/**
 * A unit of the register as the API shows it. {@code covered}: as the coverage indicators
 * count it today (its league org exists today: founded, not dissolved).
 * {@code leagueOrgDissolvedOn}: set when the covering org has been dissolved, so the
 * register can mark it. {@code township}: the 乡镇/街道 org at or above the responsible org,
 * if any.
 */
public record UnitView(long id, String code, String name, UnitType type, OrgRef responsibleOrg,
		Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions, Optional<Boolean> hasPartyOrg,
		Optional<OrgRef> leagueOrg, Optional<Boolean> standalone, Optional<Boolean> hasLeagueSchool,
		Optional<Integer> students, Optional<LocalDate> linkedOn, Optional<Boolean> ledDirectly, boolean covered,
		int version, Optional<LocalDate> leagueOrgDissolvedOn, Optional<OrgRef> township) {
}
