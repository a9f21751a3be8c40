package org.tuanwu.scorecard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule pack (规则包): the targets of one policy document, one version of it. Built-in
 * packs are version 1 and come from the classpath; uploads add versions kept in the
 * database, all of them still evaluable.
 */
record RulePack(String id, int version, String title, String issuer, Optional<LocalDate> issuedOn,
		Map<String, String> clauses, List<PackIndicator> indicators, String yaml, boolean builtIn,
		Optional<OffsetDateTime> uploadedAt, Optional<String> uploadedBy) {

	/**
	 * One indicator of a pack: a target, or informational; the org kinds it applies to
	 * (empty: all).
	 */
	record PackIndicator(String code, Optional<Target> target, boolean informational, List<String> appliesTo,
			String clause) {

		boolean appliesTo(String orgKind) {
			return appliesTo.isEmpty() || appliesTo.contains(orgKind);
		}

	}

	/** A comparison with a threshold, e.g. {@code >= 0.6}. */
	record Target(String op, BigDecimal value) {

		static final List<String> OPS = List.of(">=", "<=", ">", "<", "==");

		/** Compares {@code left} with {@code right} by this op: {@code left op right}. */
		boolean holds(BigDecimal left, BigDecimal right) {
			int c = left.compareTo(right);
			return switch (op) {
				case ">=" -> c >= 0;
				case "<=" -> c <= 0;
				case ">" -> c > 0;
				case "<" -> c < 0;
				default -> c == 0;
			};
		}

	}

	RulePack withStored(int version, OffsetDateTime at, String by) {
		return new RulePack(id, version, title, issuer, issuedOn, clauses, indicators, yaml, false, Optional.of(at),
				Optional.of(by));
	}

	Optional<PackIndicator> indicator(String code) {
		return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
	}

}
