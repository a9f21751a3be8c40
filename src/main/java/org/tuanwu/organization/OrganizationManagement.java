package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.tuanwu.identity.Actor;
import org.tuanwu.shared.Page;

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
	Page<OrgNode> search(Actor actor, String query, Optional<Long> under, Optional<OrgKind> kind,
			boolean includeDissolved, int page, int size);

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
	 * Checks every row, then writes all of them in one transaction, or none if any row is
	 * refused.
	 */
	OrgImport.Outcome importOrganizations(Actor actor, List<OrgImport.Row> rows,
			List<OrgImport.RowError> earlierErrors);

	/**
	 * Streams the orgs of the subtree (default: the actor's scope) parents first, in the
	 * exchange form.
	 */
	void export(Actor actor, Optional<Long> under, boolean includeDissolved, Consumer<OrgRecord> sink);

}
