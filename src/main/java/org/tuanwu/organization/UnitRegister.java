package org.tuanwu.organization;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.tuanwu.identity.Actor;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.RowError;

/**
 * The units register (单位台账): the villages, schools, enterprises, social organizations and
 * youth societies that should have a league org. A unit belongs to the subtree of its
 * responsible org: every call is limited to the actor's scope by that org (a unit whose
 * responsible org is outside is reported as not found), and a unit may name only a league
 * org inside the scope. Every write is audited with its before and after.
 */
public interface UnitRegister {

	/**
	 * Units whose code starts with, or whose name contains, the query, under an org
	 * (default: the actor's scope), optionally of one type and covered or not, in the
	 * order of the responsible org's path, then code.
	 */
	default Page<UnitView> search(Actor actor, String query, Optional<UnitType> type, Optional<Long> under,
			Optional<Boolean> covered, int page, int size) {
		return search(actor, UnitSearch.of(query, type, under, covered, page, size));
	}

	/** The register's filters (单位台账): township, type, flags and coverage. */
	Page<UnitView> search(Actor actor, UnitSearch search);

	UnitView get(Actor actor, long unitId);

	UnitView create(Actor actor, UnitDraft draft);

	UnitView update(Actor actor, long unitId, UnitDraft draft, int expectedVersion);

	void delete(Actor actor, long unitId);

	/**
	 * 建团: creates the unit's own league org under a parent the caller picks (in scope, of
	 * a kind that may have it) and links the unit to it, in one transaction, audited. A
	 * unit already covered by an active org is refused.
	 */
	UnitView foundLeagueOrg(Actor actor, long unitId, long parentId, OrgDraft draft, int expectedVersion);

	/**
	 * Checks every row, then writes all of them in one transaction, or none if any row is
	 * refused (or {@code earlierErrors} is not empty). Keyed by unit code: a row for an
	 * existing unit updates it.
	 */
	ImportOutcome importUnits(Actor actor, List<ImportRow> rows, List<RowError> earlierErrors);

	/**
	 * Streams the units of the subtree (default: the actor's scope) in the exchange form,
	 * by org path and code.
	 */
	void export(Actor actor, Optional<Long> under, Consumer<UnitRecord> sink);

	/**
	 * A parsed row of a {@code units} file and its number in the file (the header is row
	 * 1).
	 */
	record ImportRow(int number, UnitRecord record) {
	}

}
