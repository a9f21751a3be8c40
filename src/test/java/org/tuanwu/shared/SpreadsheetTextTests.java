package org.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP's rule, made reversible: a quote before a formula, one more before a quote. */
class SpreadsheetTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "=cmd,' /C calc'!A0|'=cmd,' /C calc'!A0",
			"=HYPERLINK(\"http://x\",\"y\")|'=HYPERLINK(\"http://x\",\"y\")", "+1+1|'+1+1", "@SUM(1+1)|'@SUM(1+1)",
			"-2+3|'-2+3", "'=1+1|''=1+1", "'abc|''abc", "共青团甲县委员会|共青团甲县委员会", "a=b|a=b" })
	void quotesWhatASpreadsheetWouldRunAndWhatBeginsWithAQuote(String text, String cell) {
		assertThat(SpreadsheetText.escape(text)).isEqualTo(cell);
		assertThat(SpreadsheetText.unescape(cell)).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\tcmd", "\r=1", "", "'", "''", "x" })
	void everyTextComesBackFromItsCell(String text) {
		String cell = SpreadsheetText.escape(text);
		assertThat(SpreadsheetText.unescape(cell)).isEqualTo(text);
		if (!text.isEmpty() && "=+-@\t\r'".indexOf(text.charAt(0)) >= 0) {
			assertThat(cell).startsWith("'");
		}
	}

}
