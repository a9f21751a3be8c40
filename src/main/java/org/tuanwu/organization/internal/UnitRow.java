package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.tuanwu.organization.UnitType;

/**
 * A unit as stored, with the codes, names and paths of its orgs. Never leaves the module.
 */
record UnitRow(long id, String code, String name, UnitType type, long responsibleOrgId, String responsibleCode,
		String responsibleName, String responsiblePath, Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions,
		Optional<Boolean> hasPartyOrg, Optional<Long> leagueOrgId, Optional<String> leagueCode,
		Optional<String> leagueName, Optional<LocalDate> leagueEstablishedOn, Optional<LocalDate> leagueDissolvedOn,
		Optional<Boolean> standalone, Optional<Boolean> hasLeagueSchool, Optional<Integer> students,
		Optional<LocalDate> linkedOn, Optional<Boolean> ledDirectly, int version) {
}
