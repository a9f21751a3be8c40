package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 届期: when an org's current term runs out. The term starts at the last election, or at
 * the founding when the org has never held one, and lasts its term years. The detail
 * page, the alerts and the {@code ORG_TERM_ON_TIME} indicator all take the end from here:
 * the Java form for single orgs, the SQL form for aggregates, kept equal by
 * TermPolicyTests.
 */
final class TermPolicy {

	/** The SQL for the start of the current term of the org under alias {@code o}. */
	static final String SQL_TERM_START = "COALESCE(o.last_election_on, o.established_on)";

	private TermPolicy() {
	}

	static Optional<LocalDate> termStart(Optional<LocalDate> lastElectionOn, Optional<LocalDate> establishedOn) {
		return lastElectionOn.or(() -> establishedOn);
	}

	/**
	 * The day the current term ends; empty when the org has neither an election nor a
	 * founding date.
	 */
	static Optional<LocalDate> expiresOn(Optional<LocalDate> lastElectionOn, Optional<LocalDate> establishedOn,
			int termYears) {
		return termStart(lastElectionOn, establishedOn).map(d -> d.plusYears(termYears));
	}

	/**
	 * Whether the term has run out on the day: it ends on {@code expiresOn} and is over
	 * from then on.
	 */
	static boolean expired(Optional<LocalDate> lastElectionOn, Optional<LocalDate> establishedOn, int termYears,
			LocalDate day) {
		return expiresOn(lastElectionOn, establishedOn, termYears).map(e -> !e.isAfter(day)).orElse(false);
	}

}
