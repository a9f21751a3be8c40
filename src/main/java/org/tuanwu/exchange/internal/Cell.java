package org.tuanwu.exchange.internal;

import org.tuanwu.shared.SpreadsheetText;

/**
 * One cell as read from a file, normalized (docs/exchange.md "Files"): trimmed,
 * full-width digits as ASCII, one leading single quote removed (docs/exchange.md
 * "Formulas"), a date cell as {@code yyyy-MM-dd}, a whole number as its digits.
 * {@code number} tells that the spreadsheet held a number, for columns where that means
 * digits were lost.
 */
record Cell(String text, boolean number) {

	static final Cell EMPTY = new Cell("", false);

	/**
	 * A text cell: normalized, then with the quote that our writers put before a text a
	 * spreadsheet would run as a formula removed ({@link SpreadsheetText}), so that an
	 * export imports back exactly.
	 */
	static Cell text(String raw) {
		return new Cell(SpreadsheetText.unescape(normalize(raw)), false);
	}

	boolean blank() {
		return text.isEmpty();
	}

	/** Trims (also the ideographic space) and turns full-width digits into ASCII ones. */
	static String normalize(String raw) {
		String s = raw.strip();
		StringBuilder b = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '０' && c <= '９') {
				if (b == null) {
					b = new StringBuilder(s);
				}
				b.setCharAt(i, (char) ('0' + (c - '０')));
			}
		}
		return b == null ? s : b.toString();
	}

}
