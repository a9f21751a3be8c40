package org.tuanwu.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tuanwu.shared.Text;
import org.passay.DefaultPasswordValidator;
import org.passay.FailureRuleResult;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.SuccessRuleResult;
import org.passay.UnicodeString;
import org.passay.ValidationResult;
import org.passay.data.EnglishCharacterData;
import org.passay.dictionary.Dictionary;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.passay.rule.CharacterCharacteristicsRule;
import org.passay.rule.CharacterRule;
import org.passay.rule.HistoryRule;
import org.passay.rule.LengthRule;
import org.passay.rule.Rule;
import org.passay.rule.UsernameRule;
import org.passay.support.HistoricalReference;
import org.passay.support.Reference;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 密码策略, with Passay's rules: 8–64 characters and at most 72 bytes (what bcrypt reads), at
 * least 3 of the 4 classes (upper, lower, digit, symbol), not containing the username in
 * any case, forwards or backwards, not a common password nor a trivial variant of one
 * ({@code Password1}, {@code Passw0rd}), not one of the previous passwords. Every reason
 * in Chinese.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	/** bcrypt reads no more than 72 bytes; Spring Security refuses to encode more. */
	static final int MAX_BYTES = 72;

	static final Text LENGTH_MESSAGE = Text.of("密码长度须为 {0}–{1} 个字符", "A password has {0}–{1} characters", MIN_LENGTH,
			MAX_LENGTH);

	static final Text BYTES_MESSAGE = Text.of("密码过长：按 UTF-8 编码不能超过 {0} 字节（一个汉字占 3 字节）",
			"The password is too long: at most {0} bytes in UTF-8 (a Chinese character takes 3)", MAX_BYTES);

	static final Text CLASSES_MESSAGE = Text.of("密码需包含大写字母、小写字母、数字、符号中的至少三类",
			"A password needs at least three of: upper-case letters, lower-case letters, digits, symbols");

	static final Text USERNAME_MESSAGE = Text.of("密码不能包含用户名（不区分大小写，倒写也不行）",
			"A password must not contain the username (ignoring case, nor reversed)");

	static final Text COMMON_MESSAGE = Text.of("密码过于常见或只是常见密码的简单变形（如 Password1、Passw0rd），请换一个不易猜到的密码",
			"The password is too common or a simple variant of a common one (like Password1, Passw0rd): choose one that is hard to guess");

	private static final String BYTES_CODE = "TOO_MANY_BYTES";

	private static final String COMMON_CODE = "COMMON_PASSWORD";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "!@#$%^&*-_=+?";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final PasswordValidator RULES = new DefaultPasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH),
			new ByteLengthRule(),
			new CharacterCharacteristicsRule(true, false, 3, new CharacterRule(EnglishCharacterData.UpperCase),
					new CharacterRule(EnglishCharacterData.LowerCase), new CharacterRule(EnglishCharacterData.Digit),
					new CharacterRule(EnglishCharacterData.Special)),
			new UsernameRule(true, true), new CommonPasswordRule());

	private PasswordPolicy() {
	}

	/**
	 * The reasons the password is refused, in Chinese; empty when it is acceptable. The
	 * previous passwords (bcrypt hashes) are compared only once everything else holds,
	 * each comparison costing a bcrypt round.
	 */
	static List<Text> violations(String username, String password, List<String> previousHashes,
			PasswordEncoder encoder) {
		ValidationResult result = RULES.validate(new PasswordData(username, password));
		if (result.isValid() && !previousHashes.isEmpty()) {
			List<Reference> history = previousHashes.stream().map(h -> (Reference) new HistoricalReference(h)).toList();
			result = new DefaultPasswordValidator(new EncodedHistoryRule(encoder))
				.validate(new PasswordData(username, password, history));
		}
		Set<Text> reasons = new LinkedHashSet<>();
		for (RuleResultDetail detail : result.getDetails()) {
			reasons.add(message(detail.getErrorCode(), previousHashes.size()));
		}
		return List.copyOf(reasons);
	}

	/** Whether bcrypt can take the password whole. */
	static boolean fitsBcrypt(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	private static Text message(String code, int history) {
		if (code.equals(LengthRule.ERROR_CODE_MIN) || code.equals(LengthRule.ERROR_CODE_MAX)) {
			return LENGTH_MESSAGE;
		}
		if (code.equals(BYTES_CODE)) {
			return BYTES_MESSAGE;
		}
		if (code.equals(CharacterCharacteristicsRule.ERROR_CODE) || code.startsWith("INSUFFICIENT_")) {
			return CLASSES_MESSAGE;
		}
		if (code.startsWith(UsernameRule.ERROR_CODE)) {
			return USERNAME_MESSAGE;
		}
		if (code.equals(COMMON_CODE)) {
			return COMMON_MESSAGE;
		}
		if (code.equals(HistoryRule.ERROR_CODE)) {
			return Text.of("密码不能与最近 {0} 次使用过的密码相同", "The password must differ from the last {0} used", history);
		}
		return Text.of("密码不符合密码策略（{0}）", "The password breaks the password policy ({0})", code);
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

	/** At most 72 bytes in UTF-8; reported only when the length in characters is fine. */
	static final class ByteLengthRule implements Rule {

		@Override
		public RuleResult validate(PasswordData data) {
			String password = data.getPassword().toString();
			if (password.codePointCount(0, password.length()) <= MAX_LENGTH && !fitsBcrypt(password)) {
				return new FailureRuleResult(new RuleResultDetail(BYTES_CODE, java.util.Map.of()));
			}
			return new SuccessRuleResult();
		}

	}

	/**
	 * Not a common password (the ~100 000 of nbvcxz's {@code passwords.txt}, read as a
	 * Passay dictionary), nor one dressed up: any case, leetspeak ({@code 0→o},
	 * {@code 1→i/l}, {@code 3→e}, {@code 4/@→a}, {@code 5/$→s}, {@code 7→t}, …) and
	 * digits or symbols added before or after.
	 */
	static final class CommonPasswordRule implements Rule {

		/**
		 * Shorter cores are not checked, or any short word plus digits would be refused.
		 */
		private static final int MIN_CORE = 4;

		@Override
		public RuleResult validate(PasswordData data) {
			for (String candidate : candidates(data.getPassword().toString())) {
				if (candidate.length() >= MIN_CORE && CommonPasswords.DICTIONARY.search(candidate)) {
					return new FailureRuleResult(new RuleResultDetail(COMMON_CODE, java.util.Map.of()));
				}
			}
			return new SuccessRuleResult();
		}

		static Set<String> candidates(String password) {
			String lower = password.toLowerCase(Locale.ROOT);
			Set<String> forms = new LinkedHashSet<>();
			forms.add(lower);
			forms.add(unleet(lower, 'i'));
			forms.add(unleet(lower, 'l'));
			Set<String> candidates = new LinkedHashSet<>(forms);
			for (String form : forms) {
				// The letters' core: what is left when digits and symbols are taken off
				// the
				// ends (Password1, !Qwerty2024).
				candidates.add(form.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", ""));
				candidates.add(form.replaceAll("[^\\p{L}\\p{N}]+$", ""));
			}
			return candidates;
		}

		private static String unleet(String text, char one) {
			StringBuilder out = new StringBuilder(text.length());
			// Digits at the end stay digits (they are the "added" part, stripped above).
			int end = text.length();
			while (end > 0 && !Character.isLetter(text.charAt(end - 1))) {
				end--;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (i >= end) {
					out.append(c);
					continue;
				}
				out.append(switch (c) {
					case '0' -> 'o';
					case '1', '!', '|' -> one;
					case '3' -> 'e';
					case '4', '@' -> 'a';
					case '5', '$' -> 's';
					case '7', '+' -> 't';
					case '8' -> 'b';
					case '9' -> 'g';
					default -> c;
				});
			}
			return out.toString();
		}

	}

	/** The common passwords, loaded once. */
	static final class CommonPasswords {

		static final Dictionary DICTIONARY = load();

		private CommonPasswords() {
		}

		private static Dictionary load() {
			try (InputStream in = PasswordPolicy.class.getClassLoader()
				.getResourceAsStream("dictionaries/passwords.txt")) {
				if (in == null) {
					throw new IllegalStateException("常见密码词表 dictionaries/passwords.txt 不在类路径上（依赖 nbvcxz）");
				}
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				return new WordListDictionary(
						WordLists.createFromReader(new Reader[] { reader }, false, new ArraysSort()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

	}

	/** Passay's history rule, comparing with the stored bcrypt hashes. */
	static final class EncodedHistoryRule extends HistoryRule {

		private final PasswordEncoder encoder;

		EncodedHistoryRule(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		protected boolean matches(UnicodeString password, Reference reference) {
			return encoder.matches(password.toString(), reference.getPassword().toString());
		}

	}

}
