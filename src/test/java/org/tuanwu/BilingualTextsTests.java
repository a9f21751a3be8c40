package org.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every server text has its English version. {@code Problem}, {@code FieldError} and
 * {@code RowError} take a {@link org.tuanwu.shared.Text} only (the compiler refuses a raw
 * string); this test reads every {@code Text.of(…)} of the main code and refuses one
 * whose Chinese or English wording is not a literal, whose English is empty or contains
 * Chinese characters, or whose placeholders name an argument that is not given.
 */
class BilingualTextsTests {

	static final Path MAIN = Path.of("src/main/java");

	static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	static final Pattern LITERALS = Pattern
		.compile("\\s*\"(?:\\\\.|[^\"\\\\])*\"(?:\\s*\\+\\s*\"(?:\\\\.|[^\"\\\\])*\")*\\s*");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	@Test
	void everyTextOfTheMainCodeHasAnEnglishLiteralFreeOfChinese() throws IOException {
		List<String> problems = new ArrayList<>();
		int[] count = { 0 };
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (file.endsWith(Path.of("org/tuanwu/shared/Text.java"))) {
					continue;
				}
				String source = Files.readString(file);
				for (String call : calls(source)) {
					count[0]++;
					check(call)
						.ifPresent(p -> problems.add(MAIN.relativize(file) + ": " + p + " in Text.of(" + call + ")"));
				}
			}
		}
		assertThat(count[0]).as("Text.of calls found").isGreaterThan(200);
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckRefusesWhatItShould() {
		assertThat(check(calls("Text.of(\"中文\", \"中文\")").get(0)))
			.hasValueSatisfying(p -> assertThat(p).contains("Chinese"));
		assertThat(check(calls("Text.of(zh, \"English\")").get(0))).isPresent();
		assertThat(check(calls("Text.of(\"中文 {0}\", \"English {1}\", a)").get(0))).isPresent();
		assertThat(check(calls("Text.of(\"中文\")").get(0))).isPresent();
		assertThat(check(calls("Text.of(\"中文 {0}\", \"English \" + \"{0}\", f(a, b))").get(0))).isEmpty();
	}

	/** The argument lists of every {@code Text.of(} call, as source text. */
	static List<String> calls(String source) {
		List<String> calls = new ArrayList<>();
		int i = source.indexOf("Text.of(");
		while (i >= 0) {
			int start = i + "Text.of(".length();
			int depth = 1;
			int j = start;
			while (j < source.length() && depth > 0) {
				char c = source.charAt(j);
				if (c == '"' || c == '\'') {
					j = skipLiteral(source, j, c);
					continue;
				}
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				j++;
			}
			calls.add(source.substring(start, j - 1));
			i = source.indexOf("Text.of(", j);
		}
		return calls;
	}

	private static int skipLiteral(String s, int at, char quote) {
		int j = at + 1;
		while (j < s.length() && s.charAt(j) != quote) {
			j += s.charAt(j) == '\\' ? 2 : 1;
		}
		return j + 1;
	}

	/** The top-level arguments of a call. */
	static List<String> arguments(String call) {
		List<String> args = new ArrayList<>();
		int depth = 0;
		int from = 0;
		int j = 0;
		while (j < call.length()) {
			char c = call.charAt(j);
			if (c == '"' || c == '\'') {
				j = skipLiteral(call, j, c);
				continue;
			}
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				args.add(call.substring(from, j));
				from = j + 1;
			}
			j++;
		}
		args.add(call.substring(from));
		return args;
	}

	static java.util.Optional<String> check(String call) {
		List<String> args = arguments(call);
		if (args.size() < 2) {
			return java.util.Optional.of("no English wording");
		}
		String zh = args.get(0);
		String en = args.get(1);
		if (!LITERALS.matcher(zh).matches() || !LITERALS.matcher(en).matches()) {
			return java.util.Optional.of("a wording that is not a literal");
		}
		String english = value(en);
		if (english.isBlank()) {
			return java.util.Optional.of("an empty English wording");
		}
		if (CJK.matcher(english).find()) {
			return java.util.Optional.of("Chinese characters in the English wording");
		}
		int given = args.size() - 2;
		for (String wording : List.of(value(zh), english)) {
			Matcher m = PLACEHOLDER.matcher(wording);
			while (m.find()) {
				if (Integer.parseInt(m.group(1)) >= given) {
					return java.util.Optional.of("placeholder {" + m.group(1) + "} without its argument");
				}
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * The text of concatenated literals (escapes kept; enough to look for characters).
	 */
	private static String value(String literals) {
		StringBuilder b = new StringBuilder();
		Matcher m = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"").matcher(literals);
		while (m.find()) {
			b.append(m.group(1));
		}
		return b.toString();
	}

}
