package org.tuanwu.organization;

import java.util.Optional;

/**
 * A search of the org tree: orgs whose code starts with, or whose name contains, the
 * query, within the subtree of {@code under} (default: the caller's scope), in path
 * order.
 *
 * @param validParentFor only orgs the given org could be moved under now: active, in
 * scope, outside its own subtree, not its current parent, of a kind that may have it
 * @param mayHaveChild only active orgs whose kind may have a child of this kind (the
 * parent picker of 新增下级 and of 建团)
 */
public record OrgSearch(String query, Optional<Long> under, Optional<OrgKind> kind, boolean includeDissolved,
		Optional<Long> validParentFor, Optional<OrgKind> mayHaveChild, int page, int size) {

	public static OrgSearch of(String query, Optional<Long> under, Optional<OrgKind> kind, boolean includeDissolved,
			int page, int size) {
		return new OrgSearch(query, under, kind, includeDissolved, Optional.empty(), Optional.empty(), page, size);
	}

}
