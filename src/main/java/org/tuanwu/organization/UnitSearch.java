package org.tuanwu.organization;

import java.util.Optional;

/**
 * The filters of the units register. {@code township}: a 乡镇团委 or 街道团工委 whose subtree
 * holds the responsible org; {@code covered}: as the coverage indicators count it today
 * (false = uncovered); the flags match the unit's own 规模以上, 符合建团条件, 已建党组织.
 */
public record UnitSearch(String query, Optional<UnitType> type, Optional<Long> under, Optional<Long> township,
		Optional<Boolean> covered, Optional<Boolean> aboveScale, Optional<Boolean> meetsConditions,
		Optional<Boolean> hasPartyOrg, int page, int size) {

	public static UnitSearch of(String query, Optional<UnitType> type, Optional<Long> under, Optional<Boolean> covered,
			int page, int size) {
		return new UnitSearch(query, type, under, Optional.empty(), covered, Optional.empty(), Optional.empty(),
				Optional.empty(), page, size);
	}

}
