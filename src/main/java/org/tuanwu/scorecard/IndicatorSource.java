package org.tuanwu.scorecard;

import java.util.Map;
import java.util.Set;

import org.tuanwu.identity.Scope;
import org.tuanwu.shared.Page;

/**
 * Implemented by each domain module for the indicator codes whose records it keeps.
 * Adding an indicator never touches the engine.
 */
public interface IndicatorSource {

	/** The indicator codes (docs/indicators.md) this source computes. */
	Set<String> codes();

	/**
	 * For each asked code, the counts attributed to each org of the subtree itself (not
	 * summed over its descendants): one aggregate query per indicator family over the
	 * subtree, grouped by org id. Orgs without records may be left out.
	 */
	Map<String, Map<Long, Counts>> count(Set<String> codes, Scope subtree, Period period);

	/**
	 * The records behind the figure of one code for the subtree: every record of the
	 * denominator (only those that do not count in the numerator when
	 * {@code failingOnly}), ordered stably, paged.
	 */
	Page<Evidence> evidence(String code, Scope subtree, Period period, boolean failingOnly, int page, int size);

}
