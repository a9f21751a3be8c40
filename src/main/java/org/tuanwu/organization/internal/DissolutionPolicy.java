package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.tuanwu.shared.Text;

/**
 * 撤销: an org is dissolved once, on a day between its founding and today, when no org
 * below it is still active (in the tree as it will be: a file may dissolve a parent with
 * all its children), with a reason, and when no module vetoes it (membership: an org with
 * members). Together with {@link OrgScopePolicy#dissolve}.
 */
final class DissolutionPolicy {

	private DissolutionPolicy() {
	}

	static Optional<OrgRefusal> notYetDissolved(Optional<LocalDate> dissolvedOn) {
		return dissolvedOn.map(d -> OrgRefusal.onForm("org.already-dissolved", "dissolved_on", "dissolvedOn",
				Text.of("该组织已于 {0} 撤销，撤销日期不能再修改",
						"The org was dissolved on {0}: the dissolution date cannot change any more", d)));
	}

	static Optional<OrgRefusal> date(LocalDate dissolvedOn, Optional<LocalDate> establishedOn, LocalDate today) {
		Optional<Text> rule = FieldRules.DISSOLVED_ON.checkDate(Optional.of(dissolvedOn), today);
		if (rule.isPresent()) {
			return Optional.of(OrgRefusal.onForm("org.invalid", "dissolved_on", "dissolvedOn", rule.get()));
		}
		if (establishedOn.isPresent() && dissolvedOn.isBefore(establishedOn.get())) {
			return Optional
				.of(OrgRefusal.onForm("org.invalid", "dissolved_on", "dissolvedOn", Text.of("撤销日期不能早于成立日期 {0}",
						"The dissolution date cannot precede the establishment date {0}", establishedOn.get())));
		}
		return Optional.empty();
	}

	static Optional<OrgRefusal> reason(String reason) {
		return FieldRules.DISSOLVE_REASON.checkText(reason)
			.map(m -> OrgRefusal.onForm("org.invalid", "reason", "reason", reason == null || reason.isBlank()
					? Text.of("请填写撤销原因", "Enter the reason for the dissolution") : m));
	}

	static Optional<OrgRefusal> noActiveChildren(int activeChildren) {
		if (activeChildren == 0) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.of("org.has-active-children", 400, "dissolved_on",
				Text.of("该组织还有 {0} 个未撤销的下级组织，请先调整它们的隶属关系或撤销它们",
						"The org still has {0} child orgs that are not dissolved: move or dissolve them first",
						activeChildren)));
	}

	static OrgRefusal vetoed(Text reason) {
		return OrgRefusal.of("org.dissolution-vetoed", 400, "dissolved_on", reason);
	}

}
