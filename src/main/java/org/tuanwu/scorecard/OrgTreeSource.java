package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import org.tuanwu.identity.Scope;

/** The org tree as the roll-up needs it; implemented by the organization module. */
public interface OrgTreeSource {

	Optional<TreeOrg> findByCode(String code);

	/** Every org of the subtree, dissolved ones included, parents before children. */
	void forEachInSubtree(Scope subtree, Consumer<TreeOrg> sink);

	/**
	 * The top of a scope: its own org, or the first root for a platform-wide scope. The
	 * default walks the subtree; implementations answer with one lookup.
	 */
	default Optional<TreeOrg> top(Scope scope) {
		java.util.List<TreeOrg> first = new java.util.ArrayList<>(1);
		forEachInSubtree(scope, o -> {
			if (first.isEmpty()) {
				first.add(o);
			}
		});
		return first.stream().findFirst();
	}

	/**
	 * An org of the tree: the kind is the OrgKind code (e.g. {@code COUNTY_COMMITTEE}).
	 */
	record TreeOrg(long id, Optional<Long> parentId, String code, String name, String kind, String path,
			Optional<LocalDate> dissolvedOn) {
	}

}
