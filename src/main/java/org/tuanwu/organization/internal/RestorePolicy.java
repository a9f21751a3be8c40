package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.tuanwu.shared.Text;

/**
 * 恢复: a dissolved org comes back only by an explicit, audited operation with a reason
 * ({@code POST /api/v1/orgs/{id}/restore}), under a parent that is active, and never as
 * the side effect of an empty 撤销日期 cell in an imported file. Together with
 * {@link OrgScopePolicy#restore}.
 */
final class RestorePolicy {

	private RestorePolicy() {
	}

	static Optional<OrgRefusal> dissolved(Optional<LocalDate> dissolvedOn) {
		return dissolvedOn.isPresent() ? Optional.empty() : Optional.of(OrgRefusal.of("org.not-dissolved", 400,
				"dissolved_on", Text.of("该组织未撤销，无需恢复", "The org is not dissolved: there is nothing to restore")));
	}

	static Optional<OrgRefusal> parentActive(Optional<OrgRow> parent) {
		return parent.filter(OrgRow::dissolved)
			.map(p -> OrgRefusal.of("org.parent-dissolved", 400, "parent_code", Text.of("上级组织 {0} {1} 已撤销，请先恢复上级组织",
					"The parent org {0} {1} is dissolved: restore it first", p.code(), p.name())));
	}

	static Optional<OrgRefusal> reason(String reason) {
		return FieldRules.RESTORE_REASON.checkText(reason)
			.map(m -> OrgRefusal.onForm("org.invalid", "reason", "reason", reason == null || reason.isBlank()
					? Text.of("请填写恢复原因", "Enter the reason for the restoration") : m));
	}

	/** An import row that leaves 撤销日期 empty for a dissolved org. */
	static OrgRefusal notByImport(LocalDate dissolvedOn) {
		return OrgRefusal.of("org.restore-by-import", 400, "dissolved_on", Text.of(
				"该组织已于 {0} 撤销，导入时撤销日期不能留空；如需恢复该组织，请在组织详情中点击“恢复”并填写原因（接口 POST /api/v1/orgs/{id}/restore）",
				"The org was dissolved on {0}: an import cannot leave the dissolution date empty; to restore the org, click \"Restore\" in its details and give the reason (POST /api/v1/orgs/{id}/restore)",
				dissolvedOn));
	}

}
