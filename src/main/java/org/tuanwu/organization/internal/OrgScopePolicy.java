package org.tuanwu.organization.internal;

import java.util.Optional;

import org.tuanwu.identity.Scope;
import org.tuanwu.shared.Text;

/**
 * 管理范围: an admin works inside their subtree; the top of it stays where it is (moving,
 * dissolving or restoring it would take it out of their hands), and only a platform-wide
 * admin founds a new top of the tree. A refusal about a record outside the scope never
 * says where that record is.
 */
final class OrgScopePolicy {

	private OrgScopePolicy() {
	}

	static Optional<OrgRefusal> createRoot(Scope scope) {
		if (scope.isAll()) {
			return Optional.empty();
		}
		return Optional.of(OrgRefusal.of("org.outside-scope", 403, "parent_code", Text.of(
				"只有全平台管理员可以新建顶级组织（上级组织编码不能为空）",
				"Only a platform-wide administrator can create a top-level org (the parent org code cannot be empty)")));
	}

	private static boolean isTop(Scope scope, long orgId) {
		return scope.orgId().map(s -> s == orgId).orElse(false);
	}

	static Optional<OrgRefusal> move(Scope scope, long orgId) {
		return isTop(scope, orgId)
				? Optional.of(OrgRefusal.of("org.outside-scope", 403, "parent_code",
						Text.of("不能调整您管理范围内最高一级组织的隶属关系（调整后它将离开您的管理范围）",
								"You cannot move the top org of your scope (it would leave your scope)")))
				: Optional.empty();
	}

	static Optional<OrgRefusal> dissolve(Scope scope, long orgId) {
		return isTop(scope, orgId) ? Optional.of(OrgRefusal.of("org.outside-scope", 403, "dissolved_on",
				Text.of("不能撤销您管理范围内最高一级组织（请由上级组织的管理员办理）",
						"You cannot dissolve the top org of your scope (ask an administrator of its parent org)")))
				: Optional.empty();
	}

	static Optional<OrgRefusal> restore(Scope scope, long orgId) {
		return isTop(scope, orgId) ? Optional.of(OrgRefusal.of("org.outside-scope", 403, "dissolved_on",
				Text.of("不能恢复您管理范围内最高一级组织（请由上级组织的管理员办理）",
						"You cannot restore the top org of your scope (ask an administrator of its parent org)")))
				: Optional.empty();
	}

	/**
	 * The parent named is not in the scope, or does not exist: the two are not told apart
	 * (for a platform-wide admin there is nothing outside, so it does not exist).
	 */
	static OrgRefusal parentUnreachable(Scope scope) {
		return OrgRefusal.of("org.not-found", 404, "parent_code",
				scope.isAll()
						? Text.of("上级组织不存在（文件和系统中都没有这个编码）",
								"The parent org does not exist (neither the file nor the system has this code)")
						: Text.of("上级组织不存在或不在您的管理范围内", "The parent org does not exist or is outside your scope"));
	}

	/**
	 * The code belongs to an org the caller cannot see: say it cannot be used, not where
	 * it is.
	 */
	static OrgRefusal codeUnavailable(String code) {
		return OrgRefusal.conflictOnForm("org.duplicate-code", "code", "code",
				Text.of("组织编码 {0} 不可用，请换一个编码", "The org code {0} cannot be used: choose another code", code));
	}

	static OrgRefusal codeTaken(String code, String name) {
		return OrgRefusal.conflictOnForm("org.duplicate-code", "code", "code", Text.of("组织编码 {0} 已是 {1} 的编码，请换一个编码",
				"The org code {0} is already the code of {1}: choose another code", code, name));
	}

}
