package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.List;

import org.tuanwu.identity.Scope;

/**
 * Implemented by domain modules that know of things needing attention in a subtree (terms
 * expired or expiring within 90 days, villages without a league org). The dashboard lists
 * what every source reports.
 */
public interface AlertSource {

	List<Alert> alerts(Scope subtree, LocalDate today);

}
