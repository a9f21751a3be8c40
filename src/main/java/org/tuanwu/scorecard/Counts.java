package org.tuanwu.scorecard;

/**
 * The two counts behind a figure, for one org's own records or summed over a subtree.
 * Counts add; ratios are computed only after the roll-up, never averaged.
 */
public record Counts(long numerator, long denominator) {

	public static final Counts ZERO = new Counts(0, 0);

	public Counts plus(Counts other) {
		return new Counts(numerator + other.numerator, denominator + other.denominator);
	}

}
