package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Optional;

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
		return dissolvedOn.isPresent() ? Optional.empty()
				: Optional.of(OrgRefusal.of("org.not-dissolved", 400, "dissolved_on", "该组织未撤销，无需恢复"));
	}

	static Optional<OrgRefusal> parentActive(Optional<OrgRow> parent) {
		return parent.filter(OrgRow::dissolved)
			.map(p -> OrgRefusal.of("org.parent-dissolved", 400, "parent_code",
					"上级组织 " + p.code() + " " + p.name() + " 已撤销，请先恢复上级组织"));
	}

	static Optional<OrgRefusal> reason(String reason) {
		return FieldRules.RESTORE_REASON.checkText(reason)
			.map(m -> OrgRefusal.onForm("org.invalid", "reason", "reason", m.endsWith("不能为空") ? "请填写恢复原因" : m));
	}

	/** An import row that leaves 撤销日期 empty for a dissolved org. */
	static OrgRefusal notByImport(LocalDate dissolvedOn) {
		return OrgRefusal.of("org.restore-by-import", 400, "dissolved_on", "该组织已于 " + dissolvedOn
				+ " 撤销，导入时撤销日期不能留空；如需恢复该组织，请在组织详情中点击“恢复”并填写原因（接口 POST /api/v1/orgs/{id}/restore）");
	}

}
