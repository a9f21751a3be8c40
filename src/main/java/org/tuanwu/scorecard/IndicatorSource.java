package org.tuanwu.scorecard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tuanwu.identity.Scope;
import org.tuanwu.shared.Page;

/**
 * Implemented by each domain module for the indicator codes whose records it keeps.
 * Adding an indicator never touches the engine. A module normally declares its
 * {@link IndicatorFamily families} and delegates to {@link IndicatorFamilies}, which
 * implements this contract with one scan per family.
 */
public interface IndicatorSource {

	/** The indicator codes (docs/indicators.md) this source computes. */
	Set<String> codes();

	/**
	 * For each asked code, the counts of the subtree rolled up to the top's direct
	 * children: under a child's id the records attributed to any org of that child's
	 * subtree, under the top's id the records attributed to the top itself. Summing every
	 * entry gives the top's figure. Ids without records may be left out; records of
	 * dissolved children count too (the engine lists only the children that exist).
	 */
	Map<String, Map<Long, Counts>> count(Set<String> codes, Scope subtree, Period period);

	/**
	 * The records behind the figure of one code for the subtree: every record of the
	 * denominator (for a count, every counted record; only those that do not count in the
	 * numerator when {@code failingOnly}), ordered stably, paged.
	 */
	Page<Evidence> evidence(String code, Scope subtree, Period period, boolean failingOnly, int page, int size);

	/**
	 * The families behind this source, if it is made of them (the benchmark times them).
	 */
	default List<IndicatorFamily> families() {
		return List.of();
	}

}
