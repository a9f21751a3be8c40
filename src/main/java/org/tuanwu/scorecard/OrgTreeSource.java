package org.tuanwu.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.tuanwu.identity.Scope;

/**
 * The org tree as the scorecard needs it; implemented by the organization module. The
 * defaults walk the subtree (enough for a test double); the implementation answers each
 * with one query, so that an evaluation never walks a province of 300 000 orgs.
 */
public interface OrgTreeSource {

	Optional<TreeOrg> findByCode(String code);

	/** Every org of the subtree, dissolved ones included, parents before children. */
	void forEachInSubtree(Scope subtree, Consumer<TreeOrg> sink);

	/** The top of a scope: its own org, or the first root for a platform-wide scope. */
	default Optional<TreeOrg> top(Scope scope) {
		List<TreeOrg> first = new ArrayList<>(1);
		forEachInSubtree(scope, o -> {
			if (first.isEmpty()) {
				first.add(o);
			}
		});
		return first.stream().findFirst();
	}

	/** The direct children of an org, dissolved ones included, in code order. */
	default List<TreeOrg> children(TreeOrg parent) {
		List<TreeOrg> children = new ArrayList<>();
		forEachInSubtree(Scope.of(parent.id(), parent.path()), o -> {
			if (o.parentId().map(p -> p == parent.id()).orElse(false)) {
				children.add(o);
			}
		});
		children.sort(java.util.Comparator.comparing(TreeOrg::code));
		return children;
	}

	/**
	 * How many orgs of the subtree are not dissolved on the day, and how many of them are
	 * branches (团支部 of any kind).
	 */
	default Tally tally(Scope subtree, LocalDate day) {
		long[] t = new long[2];
		forEachInSubtree(subtree, o -> {
			if (o.dissolvedOn().map(d -> d.isAfter(day)).orElse(true)) {
				t[0]++;
				if (BRANCH_KINDS.contains(o.kind())) {
					t[1]++;
				}
			}
		});
		return new Tally(t[0], t[1]);
	}

	/** The orgs of these ids (any scope; the caller filters), in no particular order. */
	default List<TreeOrg> findByIds(Collection<Long> ids) {
		List<TreeOrg> found = new ArrayList<>();
		forEachInSubtree(Scope.ALL, o -> {
			if (ids.contains(o.id())) {
				found.add(o);
			}
		});
		return found;
	}

	/** The kinds of branch (团支部). */
	Set<String> BRANCH_KINDS = Set.of("BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH", "FLOATING_BRANCH");

	/**
	 * An org of the tree: the kind is the OrgKind code (e.g. {@code COUNTY_COMMITTEE}).
	 */
	record TreeOrg(long id, Optional<Long> parentId, String code, String name, String kind, String path,
			Optional<LocalDate> dissolvedOn) {
	}

	/** Orgs not dissolved on a day, and the branches among them. */
	record Tally(long orgs, long branches) {
	}

}
