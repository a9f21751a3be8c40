package org.tuanwu.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A sentence for people in both languages the server speaks, side by side where it is
 * written, so that a reviewer reads the Chinese and the English wording together (no
 * bundle of keys to look up). {@code {0}}, {@code {1}}… are replaced by the arguments; an
 * argument that is itself a {@code Text} is rendered in the same language. There are no
 * quoting rules (unlike {@link java.text.MessageFormat}): an apostrophe is an apostrophe.
 *
 * <p>
 * Serialised to JSON as the string in the request's language ({@link Language}), so a
 * response record may hold a {@code Text} where it used to hold a Chinese string. Outside
 * a web request (commands, audit records, logs) the text is Chinese.
 */
public final class Text {

	private final String zh;

	private final String en;

	private final List<Object> args;

	private Text(String zh, String en, List<Object> args) {
		this.zh = zh;
		this.en = en;
		this.args = args;
	}

	/**
	 * The Chinese and the English wording as literals (a test reads every call in the
	 * main code and refuses one without an English literal free of Chinese), then the
	 * arguments.
	 */
	public static Text of(String zh, String en, Object... args) {
		if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
			throw new IllegalArgumentException("A text needs both its Chinese and its English wording");
		}
		return new Text(zh, en, Arrays.stream(args).map(a -> a == null ? "" : a).toList());
	}

	/** The texts joined, e.g. the field errors of one form into the problem's detail. */
	public static Text join(List<Text> parts, String zhSeparator, String enSeparator) {
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			if (i > 0) {
				zh.append(zhSeparator);
				en.append(enSeparator);
			}
			zh.append('{').append(i).append('}');
			en.append('{').append(i).append('}');
		}
		return new Text(zh.toString(), en.toString(), List.copyOf(parts));
	}

	/** The wording in the given language: English for {@code en}, else Chinese. */
	public String in(Locale locale) {
		boolean english = locale != null && locale.getLanguage().equals("en");
		String pattern = english ? en : zh;
		if (args.isEmpty()) {
			return pattern;
		}
		StringBuilder b = new StringBuilder(pattern.length() + 16);
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			int close = c == '{' ? pattern.indexOf('}', i) : -1;
			if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
				int n = Integer.parseInt(pattern.substring(i + 1, close));
				Object arg = n < args.size() ? args.get(n) : "";
				b.append(arg instanceof Text t ? t.in(locale) : String.valueOf(arg));
				i = close + 1;
			}
			else {
				b.append(c);
				i++;
			}
		}
		return b.toString();
	}

	/** Chinese, whatever the request: for audit records, logs and commands. */
	public String zh() {
		return in(Language.CHINESE);
	}

	public String en() {
		return in(Locale.ENGLISH);
	}

	/** In the current request's language (Chinese outside a request). */
	@JsonValue
	@Override
	public String toString() {
		return in(Language.current());
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Text t && zh.equals(t.zh) && en.equals(t.en) && args.equals(t.args);
	}

	@Override
	public int hashCode() {
		return Objects.hash(zh, en, args);
	}

}
