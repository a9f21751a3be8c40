package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.tuanwu.identity.Actor;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.RowError;

/**
 * The org tree. Every call is limited to the actor's scope: an org outside it is reported
 * as not found, and no write may reach outside it (create under, move into or out of,
 * import rows for).
 */
public interface OrganizationManagement {

	/**
	 * The tops of the actor's view: their scope org, or every root for a platform-wide
	 * actor.
	 */
	List<OrgNode> roots(Actor actor, boolean includeDissolved);

	List<OrgNode> children(Actor actor, long orgId, boolean includeDissolved);

	OrgDetail get(Actor actor, long orgId);

	Optional<OrgDetail> findByCode(Actor actor, String code);

	/**
	 * Orgs whose code starts with, or whose name contains, the query, within the subtree
	 * of {@code under}.
	 */
	default Page<OrgNode> search(Actor actor, String query, Optional<Long> under, Optional<OrgKind> kind,
			boolean includeDissolved, int page, int size) {
		return search(actor, OrgSearch.of(query, under, kind, includeDissolved, page, size));
	}

	/** A page of orgs, each with its ancestors within the caller's view. */
	Page<OrgNode> search(Actor actor, OrgSearch search);

	OrgStats stats(Actor actor, Optional<Long> under);

	OrgDetail create(Actor actor, long parentId, OrgDraft draft);

	/** Creates a root org (a top of the tree); only for a platform-wide actor. */
	OrgDetail createRoot(Actor actor, OrgDraft draft);

	OrgDetail update(Actor actor, long orgId, OrgDraft draft, int expectedVersion);

	/** Re-parents the org with its subtree in one transaction. */
	OrgDetail move(Actor actor, long orgId, long newParentId);

	/**
	 * Marks the org dissolved from the date; it is kept with its history and hidden by
	 * default.
	 */
	OrgDetail dissolve(Actor actor, long orgId, LocalDate dissolvedOn, String reason);

	/**
	 * Brings a dissolved org back, with a reason (audited); its parent must be active.
	 * The only way to undo a dissolution: an import never does.
	 */
	OrgDetail restore(Actor actor, long orgId, String reason);

	/**
	 * Checks every row, then writes all of them in one transaction, or none if any row is
	 * refused.
	 */
	ImportOutcome importOrganizations(Actor actor, List<OrgImport.Row> rows, List<RowError> earlierErrors);

	/**
	 * Streams the orgs of the subtree (default: the actor's scope) parents first, in the
	 * exchange form.
	 */
	void export(Actor actor, Optional<Long> under, boolean includeDissolved, Consumer<OrgRecord> sink);

}
