package org.tuanwu.shared;

/**
 * Text cells of every csv and xlsx the product writes, protected against formula
 * injection (OWASP "CSV Injection"): a text that a spreadsheet would read as a formula
 * (it begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return)
 * is written with a single quote in front, so that it shows as text and never runs.
 * <p>
 * The rule is reversible, so that an export imports back unchanged: a text that itself
 * begins with a single quote gets one more, and a reader removes exactly one leading
 * quote. Numbers and dates written as numeric or date cells are not text and are left
 * alone.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** The text as a cell must hold it. */
	public static String escape(String text) {
		return needsQuote(text) ? "'" + text : text;
	}

	/** The text a cell written by {@link #escape} stood for. */
	public static String unescape(String cell) {
		return cell.startsWith("'") ? cell.substring(1) : cell;
	}

	private static boolean needsQuote(String text) {
		if (text.isEmpty()) {
			return false;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '\'' -> true;
			default -> false;
		};
	}

}
