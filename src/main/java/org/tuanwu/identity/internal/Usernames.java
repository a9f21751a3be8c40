package org.tuanwu.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tuanwu.shared.Text;

/**
 * What a username may look like, and the two forms derived from what someone typed: the
 * key it is counted and matched under (case ignored) and the text the audit log may show.
 */
final class Usernames {

	/** 3–64 letters, digits, '_', '.', '-' (so lower-casing is plain ASCII). */
	static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.-]{3,64}");

	static final Text FORM_MESSAGE = Text.of("用户名须为 3–64 位字母、数字、下划线、点或连字符",
			"A username has 3–64 letters, digits, underscores, dots or hyphens");

	private static final int AUDIT_LENGTH = 64;

	private Usernames() {
	}

	/**
	 * The key a typed username is matched and counted under: lower case; a text that
	 * cannot be a username (too long, other characters) becomes a fixed-length digest, so
	 * that it still counts, alike for every unknown name, but stores nothing of what was
	 * typed.
	 */
	static String key(String typed) {
		String lower = typed.strip().toLowerCase(Locale.ROOT);
		if (FORM.matcher(lower).matches()) {
			return lower;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(lower.getBytes(StandardCharsets.UTF_8));
			return "#" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A typed username as the audit log may hold it: control and formatting characters
	 * (also bidi overrides) shown as '?', at most 64 characters, never empty.
	 */
	static String forAudit(String typed) {
		StringBuilder out = new StringBuilder();
		typed.strip().codePoints().limit(AUDIT_LENGTH).forEach(c -> {
			int type = Character.getType(c);
			boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR;
			out.appendCodePoint(unsafe ? '?' : c);
		});
		if (typed.strip().codePointCount(0, typed.strip().length()) > AUDIT_LENGTH) {
			out.setLength(out.length() - 1);
			out.append('…');
		}
		return out.isEmpty() ? "?" : out.toString();
	}

}
