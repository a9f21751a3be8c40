package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tuanwu.shared.Text;

/**
 * 上级组织: an org that is not dissolved stands under a parent that is not dissolved, and an
 * org is never below itself.
 */
final class OrgParentPolicy {

	private OrgParentPolicy() {
	}

	static Optional<OrgRefusal> active(String parentCode, String parentName, Optional<LocalDate> parentDissolvedOn,
			boolean childActive) {
		if (parentDissolvedOn.isEmpty() || !childActive) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.of("org.parent-dissolved", 400, "parent_code",
				Text.of("上级组织 {0} {1} 已撤销，不能在其下设立或保留未撤销的组织",
						"The parent org {0} {1} is dissolved: no active org can be set up or kept below it", parentCode,
						parentName)));
	}

	static Optional<OrgRefusal> notItself(String code, String parentCode) {
		if (!code.equals(parentCode)) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.of("org.move-cycle", 400, "parent_code",
				Text.of("上级组织不能是组织自己", "An org cannot be its own parent")));
	}

	/**
	 * The chain of codes from the org up its parents in the tree as it would be, back to
	 * the org.
	 */
	static OrgRefusal cycle(List<String> chain) {
		return OrgRefusal.of("org.move-cycle", 400, "parent_code",
				Text.of("上下级关系构成循环：{0}（不能把组织调整到它自己的下级组织之下）",
						"The parents form a cycle: {0} (an org cannot move below one of its own child orgs)",
						String.join(" → ", chain)));
	}

}
