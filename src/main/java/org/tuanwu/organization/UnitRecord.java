package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One unit as the {@code units} exchange format carries it: the responsible and the
 * league org referred to by their codes, never by database ids.
 */
public record UnitRecord(String code, String name, UnitType type, String responsibleOrgCode,
		Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions, Optional<Boolean> hasPartyOrg,
		Optional<String> leagueOrgCode, Optional<Boolean> standalone, Optional<Boolean> hasLeagueSchool,
		Optional<Integer> students, Optional<LocalDate> linkedOn, Optional<Boolean> ledDirectly) {
}
