package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tuanwu.identity.Scope;

/**
 * Implemented by domain modules that know of things needing attention in a subtree (terms
 * expired or expiring, villages without a league org, and whatever the next modules
 * raise). The to-do list (待办提醒) counts, pages, filters and exports what every source
 * reports; a source only answers for its own kinds.
 */
public interface AlertSource {

	/**
	 * The kinds this source raises, in display order. Codes are unique across sources.
	 */
	List<AlertKind> kinds();

	/**
	 * For each of its kinds, how many alerts the subtree has on the day (a kind without
	 * alerts may be left out).
	 */
	Map<String, Long> count(Scope subtree, LocalDate today);

	/**
	 * The alerts of one of its kinds in the subtree on the day, in a stable order (the
	 * most pressing first), skipping {@code offset}, at most {@code limit}.
	 */
	List<Alert> alerts(String kind, Scope subtree, LocalDate today, long offset, int limit);

	/**
	 * A kind of alert.
	 *
	 * @param code stable, e.g. {@code TERM_EXPIRED}
	 * @param title what the to-do list calls it, in Chinese, e.g. 换届逾期
	 * @param titleEn the same in English
	 */
	record AlertKind(String code, String title, String titleEn) {
	}

}
