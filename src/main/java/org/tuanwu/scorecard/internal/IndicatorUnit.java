package org.tuanwu.scorecard.internal;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a figure is formed from its two counts: a rate (numerator ÷ denominator, 0–1), a
 * count (the numerator), a growth (numerator ÷ denominator − 1), a figure per 10 000 of
 * the denominator, or a yes/no flag (share of yes).
 */
enum IndicatorUnit {

	RATE, COUNT, GROWTH, PER_UNIT, FLAG;

	@JsonValue
	String json() {
		return this == PER_UNIT ? "perUnit" : name().toLowerCase();
	}

	/** The factor applied to numerator ÷ denominator. */
	long scale() {
		return this == PER_UNIT ? 10_000 : 1;
	}

}
