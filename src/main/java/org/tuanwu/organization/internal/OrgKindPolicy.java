package org.tuanwu.organization.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tuanwu.organization.OrgKind;

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
		return Optional.of(OrgRefusal.onForm("org.kind-not-allowed", "kind", "kind",
				"顶级组织只能是" + OrgKind.rootKinds().stream().map(OrgKind::label).collect(Collectors.joining("、")) + "，不能是"
						+ kind.label()));
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
		return Optional.of(OrgRefusal.onForm("org.kind-not-allowed", "kind", "kind", "该组织已有下级组织（"
				+ misfits.stream().map(OrgKind::label).collect(Collectors.joining("、")) + "），不能改为" + kind.label()));
	}

	static String rule(OrgKind parent, OrgKind child) {
		if (parent.isBranch()) {
			return parent.label() + "之下不能再设下级组织（团员只属于团支部，团小组不是组织）";
		}
		if (parent == OrgKind.GENERAL_BRANCH) {
			return parent.label() + "之下只能设团支部类组织，不能设" + child.label();
		}
		return parent.label() + "之下只能设"
				+ parent.childKinds().stream().map(OrgKind::label).collect(Collectors.joining("、")) + "，不能设"
				+ child.label();
	}

}
