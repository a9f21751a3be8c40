package org.tuanwu.organization.internal;

import java.util.List;

/**
 * When an org exists and when it covers a unit, as SQL over the bound parameter
 * {@code :asOf} (a date). The coverage indicators, their evidence notes, the to-do list's
 * uncovered villages and the units register's "uncovered" filter all use these
 * predicates, so that a unit listed as uncovered is exactly one the indicator counts as
 * uncovered.
 */
final class CoveragePolicy {

	static final String AS_OF = "CAST(:asOf AS DATE)";

	/** The unit under alias {@code u} has a league org ({@code l}) at all. */
	static final String HAS_LEAGUE_ORG = "l.id IS NOT NULL";

	/** Its league org is not dissolved on the day. */
	static final String LEAGUE_NOT_DISSOLVED = notDissolved("l");

	/** Its league org was founded on or before the day. */
	static final String LEAGUE_FOUNDED = founded("l");

	/**
	 * The parts of "covered", in the order the evidence explains a failure (the first
	 * failing part is the reason).
	 */
	static final List<String> COVERED_PARTS = List.of(HAS_LEAGUE_ORG, LEAGUE_NOT_DISSOLVED, LEAGUE_FOUNDED);

	/**
	 * The unit under alias {@code u} is covered: its league org ({@code l}) exists on the
	 * day.
	 */
	static final String COVERED = "((" + String.join(") AND (", COVERED_PARTS) + "))";

	private CoveragePolicy() {
	}

	/**
	 * The Java form of {@link #COVERED} for one unit, for the register's view: its league
	 * org, if any, exists on the day.
	 */
	static boolean covered(boolean hasLeagueOrg, java.util.Optional<java.time.LocalDate> leagueEstablishedOn,
			java.util.Optional<java.time.LocalDate> leagueDissolvedOn, java.time.LocalDate day) {
		return hasLeagueOrg && leagueEstablishedOn.map(e -> !e.isAfter(day)).orElse(true)
				&& leagueDissolvedOn.map(d -> d.isAfter(day)).orElse(true);
	}

	/**
	 * The org under alias {@code x} exists on the day: established on or before it, not
	 * dissolved on or before it.
	 */
	static String exists(String x) {
		return founded(x) + " AND " + notDissolved(x);
	}

	private static String founded(String x) {
		return "(" + x + ".established_on IS NULL OR " + x + ".established_on <= " + AS_OF + ")";
	}

	private static String notDissolved(String x) {
		return "(" + x + ".dissolved_on IS NULL OR " + x + ".dissolved_on > " + AS_OF + ")";
	}

}
