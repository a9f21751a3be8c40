package org.tuanwu.organization.internal;

/**
 * When an org exists and when it covers a unit, as SQL over the bound parameter
 * {@code :asOf} (a date). The coverage indicators, their evidence, the dashboard alerts
 * and the units register's "uncovered" filter all use these predicates, so that a unit
 * listed as uncovered is exactly one the indicator counts as uncovered.
 */
final class CoveragePolicy {

	static final String AS_OF = "CAST(:asOf AS DATE)";

	/**
	 * The unit under alias {@code u} is covered: its league org ({@code l}) exists on the
	 * day.
	 */
	static final String COVERED = "(l.id IS NOT NULL AND " + exists("l") + ")";

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
		return "(" + x + ".established_on IS NULL OR " + x + ".established_on <= " + AS_OF + ") AND (" + x
				+ ".dissolved_on IS NULL OR " + x + ".dissolved_on > " + AS_OF + ")";
	}

}
