package org.tuanwu.organization.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tuanwu.organization.OrgKind;
import org.tuanwu.shared.Text;

/**
 * 组织类别: which kind may stand at the top of the tree, below which parent, above which
 * children (the table is {@link OrgKind#mayHaveChild}).
 */
final class OrgKindPolicy {

	private OrgKindPolicy() {
	}

	static Optional<OrgRefusal> asRoot(OrgKind kind) {
		if (kind.mayBeRoot()) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.onForm("org.kind-not-allowed", "kind", "kind", Text.of("顶级组织只能是{0}，不能是{1}",
				"A top-level org can only be one of {0}, not a {1}", OrgKind.texts(OrgKind.rootKinds()), kind.text())));
	}

	static Optional<OrgRefusal> under(OrgKind parent, OrgKind child) {
		if (parent.mayHaveChild(child)) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.onForm("org.kind-not-allowed", "kind", "kind", rule(parent, child)));
	}

	/** A kind change must still fit every child the org has. */
	static Optional<OrgRefusal> over(OrgKind kind, Collection<OrgKind> childKinds) {
		Set<OrgKind> misfits = childKinds.stream()
			.filter(c -> !kind.mayHaveChild(c))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (misfits.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.onForm("org.kind-not-allowed", "kind", "kind", Text.of("该组织已有下级组织（{0}），不能改为{1}",
				"The org has child orgs ({0}): it cannot become a {1}", OrgKind.texts(misfits), kind.text())));
	}

	static Text rule(OrgKind parent, OrgKind child) {
		if (parent.isBranch()) {
			return Text.of("{0}之下不能再设下级组织（团员只属于团支部，团小组不是组织）",
					"A {0} has no child orgs (members belong to a branch; a group is not an org)", parent.text());
		}
		if (parent == OrgKind.GENERAL_BRANCH) {
			return Text.of("{0}之下只能设团支部类组织，不能设{1}", "A {0} can only have branches below it, not a {1}", parent.text(),
					child.text());
		}
		return Text.of("{0}之下只能设{1}，不能设{2}", "A {0} can only have {1} below it, not a {2}", parent.text(),
				OrgKind.texts(parent.childKinds()), child.text());
	}

}
