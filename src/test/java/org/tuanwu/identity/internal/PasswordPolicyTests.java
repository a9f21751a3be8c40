package org.tuanwu.identity.internal;

import org.tuanwu.shared.Text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTests {

	final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	List<String> check(String username, String password, String... previous) {
		return PasswordPolicy
			.violations(username, password, List.of(previous).stream().map(encoder::encode).toList(), encoder)
			.stream()
			.map(Text::zh)
			.toList();
	}

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		assertThat(check("zhang", "Kq7mWv2x")).isEmpty();
		assertThat(check("zhang", "tq7m!vzx")).isEmpty();
		assertThat(check("zhang", "团委2024年Qz")).isEmpty();
	}

	@Test
	void refusesSevenCharacters() {
		assertThat(check("zhang", "Kq7m!v2")).containsExactly("密码长度须为 8–64 个字符");
	}

	@Test
	void refusesMoreThanSixtyFourCharacters() {
		assertThat(check("zhang", "Kq7m!v2x".repeat(8))).isEmpty();
		assertThat(check("zhang", "Kq7m!v2x".repeat(8) + "y")).containsExactly("密码长度须为 8–64 个字符");
	}

	/** bcrypt reads 72 bytes: 25 Chinese characters are 75 bytes in 28 characters. */
	@Test
	void refusesMoreThanSeventyTwoBytes() {
		assertThat(check("zhang", "Kq7" + "团".repeat(23))).isEmpty();
		assertThat(check("zhang", "Kq7" + "团".repeat(25))).containsExactly(PasswordPolicy.BYTES_MESSAGE.zh());
	}

	@Test
	void refusesTwoClassesOnly() {
		assertThat(check("zhang", "kqmvzxtr12")).containsExactly("密码需包含大写字母、小写字母、数字、符号中的至少三类");
	}

	@Test
	void refusesTheUsernameInAnyCaseForwardsOrBackwards() {
		assertThat(check("Li.Ming-1", "li.ming-1")).contains(PasswordPolicy.USERNAME_MESSAGE.zh());
		assertThat(check("liming", "Q7!xLIMINGz")).containsExactly(PasswordPolicy.USERNAME_MESSAGE.zh());
		assertThat(check("liming", "Q7!xgnimilz")).containsExactly(PasswordPolicy.USERNAME_MESSAGE.zh());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Password1", "Passw0rd", "P@ssw0rd!", "Password123!", "!Qwerty2024", "Dragon#88",
			"Iloveyou1!", "1Letmein!", "Sunsh1ne!", "Monkey2025" })
	void refusesCommonPasswordsAndTheirTrivialVariants(String password) {
		assertThat(check("zhang", password)).contains(PasswordPolicy.COMMON_MESSAGE.zh());
	}

	@Test
	void aCommonWordInsideALongerPasswordIsFine() {
		assertThat(check("zhang", "Dragon-Fly-Over-7-Hills")).isEmpty();
	}

	@Test
	void refusesOneOfTheRecentPasswords() {
		assertThat(check("zhang", "Kq7mWv2x", "Other-Pass1", "Kq7mWv2x")).containsExactly("密码不能与最近 2 次使用过的密码相同");
	}

	@RepeatedTest(20)
	void oneTimePasswordsMeetThePolicy() {
		String password = PasswordPolicy.oneTimePassword();
		assertThat(password).hasSize(16);
		assertThat(PasswordPolicy.classes(password)).isEqualTo(4);
		assertThat(check("zz_nobody_zz", password)).isEmpty();
	}

}
