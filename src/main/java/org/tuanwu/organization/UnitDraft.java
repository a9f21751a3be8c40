package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

/** The editable fields of a unit, as the create or edit form sends them (orgs by id). */
public record UnitDraft(String code, String name, UnitType type, long responsibleOrgId, Optional<Long> leagueOrgId,
		Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions, Optional<Boolean> hasPartyOrg,
		Optional<Boolean> standalone, Optional<Boolean> hasLeagueSchool, Optional<Integer> students,
		Optional<LocalDate> linkedOn, Optional<Boolean> ledDirectly) {
}
