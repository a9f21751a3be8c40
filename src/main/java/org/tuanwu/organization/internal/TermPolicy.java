package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 届期: when an org's current term runs out. The term starts at the last election, or at
 * the founding when the org has never held one, and lasts its term years; it ends on that
 * day and is over from then on. The detail page, the to-do list (TERM_EXPIRED,
 * TERM_EXPIRING) and the {@code ORG_TERM_ON_TIME} indicator all take the end from here:
 * the Java form for single orgs, the SQL form (over alias {@code o}) for aggregates, kept
 * equal by TermPolicyTests. Both add years the same way: 29 February plus one year is 28
 * February.
 */
final class TermPolicy {

	/** A term is "expiring" when it ends within this many days after the day. */
	static final int EXPIRING_WITHIN_DAYS = 90;

	/** The SQL for the start of the current term of the org under alias {@code o}. */
	static final String SQL_TERM_START = "COALESCE(o.last_election_on, o.established_on)";

	/**
	 * The SQL for the day the term ends; NULL when the org has neither date. The same on
	 * H2 and PostgreSQL.
	 */
	static final String SQL_TERM_END = "CAST(" + SQL_TERM_START + " + o.term_years * INTERVAL '1' YEAR AS DATE)";

	private TermPolicy() {
	}

	/**
	 * SQL: the term has run out on the day (a SQL date expression); false when unknown.
	 */
	static String sqlExpiredOn(String day) {
		return SQL_TERM_END + " <= " + day;
	}

	/** SQL: the term still runs after the day; false when unknown. */
	static String sqlRunningAfter(String day) {
		return SQL_TERM_END + " > " + day;
	}

	/** SQL: the term still runs on the day and ends on or before {@code until}. */
	static String sqlExpiringBetween(String day, String until) {
		return SQL_TERM_END + " > " + day + " AND " + SQL_TERM_END + " <= " + until;
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
	 * from then on. Unknown terms have not run out.
	 */
	static boolean expired(Optional<LocalDate> lastElectionOn, Optional<LocalDate> establishedOn, int termYears,
			LocalDate day) {
		return expiresOn(lastElectionOn, establishedOn, termYears).map(e -> !e.isAfter(day)).orElse(false);
	}

	/** Whether the term is known and still runs after the day. */
	static boolean runningAfter(Optional<LocalDate> lastElectionOn, Optional<LocalDate> establishedOn, int termYears,
			LocalDate day) {
		return expiresOn(lastElectionOn, establishedOn, termYears).map(e -> e.isAfter(day)).orElse(false);
	}

	/**
	 * Whether the term still runs on the day and ends within
	 * {@link #EXPIRING_WITHIN_DAYS} days.
	 */
	static boolean expiring(Optional<LocalDate> lastElectionOn, Optional<LocalDate> establishedOn, int termYears,
			LocalDate day) {
		LocalDate until = day.plusDays(EXPIRING_WITHIN_DAYS);
		return expiresOn(lastElectionOn, establishedOn, termYears).map(e -> e.isAfter(day) && !e.isAfter(until))
			.orElse(false);
	}

}
