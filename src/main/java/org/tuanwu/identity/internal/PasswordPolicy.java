package org.tuanwu.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 密码策略: at least 8 characters, at least 3 of the 4 classes (upper, lower, digit, symbol),
 * not the username, not one of the previous passwords.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "!@#$%^&*-_=+?";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/** The reasons the password is refused, in Chinese; empty when it is acceptable. */
	static List<String> violations(String username, String password, List<String> previousHashes,
			PasswordEncoder encoder) {
		List<String> reasons = new ArrayList<>();
		if (password.length() < MIN_LENGTH) {
			reasons.add("密码至少需要 " + MIN_LENGTH + " 个字符");
		}
		if (classes(password) < 3) {
			reasons.add("密码需包含大写字母、小写字母、数字、符号中的至少三类");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String user = username.toLowerCase(Locale.ROOT);
		if (lower.equals(user) || new StringBuilder(lower).reverse().toString().equals(user)) {
			reasons.add("密码不能与用户名相同");
		}
		if (previousHashes.stream().anyMatch(h -> encoder.matches(password, h))) {
			reasons.add("密码不能与最近 " + previousHashes.size() + " 次使用过的密码相同");
		}
		return reasons;
	}

	static int classes(String password) {
		boolean upper = false, lower = false, digit = false, symbol = false;
		for (char c : password.toCharArray()) {
			if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				symbol = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}

	/**
	 * A random one-time password of 16 characters from all four classes (no look-alike
	 * characters).
	 */
	static String oneTimePassword() {
		String all = UPPER + LOWER + DIGITS + SYMBOLS;
		List<Character> chars = new ArrayList<>();
		for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
			chars.add(set.charAt(RANDOM.nextInt(set.length())));
		}
		while (chars.size() < 16) {
			chars.add(all.charAt(RANDOM.nextInt(all.length())));
		}
		java.util.Collections.shuffle(chars, RANDOM);
		StringBuilder sb = new StringBuilder();
		chars.forEach(sb::append);
		return sb.toString();
	}

}
