package org.tuanwu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTests {

	final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	List<String> check(String username, String password, String... previous) {
		return PasswordPolicy.violations(username, password, List.of(previous).stream().map(encoder::encode).toList(),
				encoder);
	}

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		assertThat(check("zhang", "Abcdef12")).isEmpty();
		assertThat(check("zhang", "abcdef1!")).isEmpty();
	}

	@Test
	void refusesSevenCharacters() {
		assertThat(check("zhang", "Abcde1!")).containsExactly("密码至少需要 8 个字符");
	}

	@Test
	void refusesTwoClassesOnly() {
		assertThat(check("zhang", "abcdefgh12")).containsExactly("密码需包含大写字母、小写字母、数字、符号中的至少三类");
	}

	@Test
	void refusesTheUsernameInAnyCase() {
		assertThat(check("Li.Ming-1", "li.ming-1")).contains("密码不能与用户名相同");
	}

	@Test
	void refusesOneOfTheRecentPasswords() {
		assertThat(check("zhang", "Abcdef12", "Other-Pass1", "Abcdef12")).containsExactly("密码不能与最近 2 次使用过的密码相同");
	}

	@RepeatedTest(20)
	void oneTimePasswordsMeetThePolicy() {
		String password = PasswordPolicy.oneTimePassword();
		assertThat(password).hasSize(16);
		assertThat(PasswordPolicy.classes(password)).isEqualTo(4);
	}

}
