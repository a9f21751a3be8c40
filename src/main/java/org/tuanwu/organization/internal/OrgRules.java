package org.tuanwu.organization.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules of an org, shared by the forms and the import. Each answer is the
 * Chinese reason.
 */
final class OrgRules {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private OrgRules() {
	}

	static Optional<String> checkCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.of("组织编码不能为空");
		}
		if (!CODE.matcher(code.strip()).matches()) {
			return Optional.of("组织编码只能由字母、数字、下划线、点或连字符组成，最长 64 位");
		}
		return Optional.empty();
	}

	static Optional<String> checkName(String name) {
		if (name == null || name.isBlank()) {
			return Optional.of("组织名称不能为空");
		}
		if (name.strip().length() > 200) {
			return Optional.of("组织名称不能超过 200 个字");
		}
		return Optional.empty();
	}

	static Optional<String> checkTermYears(int years) {
		return years < 1 || years > 5 ? Optional.of("届期须为 1 至 5 年") : Optional.empty();
	}

}
