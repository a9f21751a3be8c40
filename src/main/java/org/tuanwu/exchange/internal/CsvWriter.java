package org.tuanwu.exchange.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.tuanwu.shared.SpreadsheetText;

/**
 * UTF-8 with a BOM (so that Excel opens Chinese text correctly), CRLF line ends, RFC 4180
 * quoting; a text a spreadsheet would run as a formula gets a leading single quote
 * ({@link SpreadsheetText}).
 */
final class CsvWriter implements TableWriter {

	private final Writer out;

	CsvWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		try {
			this.out.write('\uFEFF');
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void row(List<?> values) {
		try {
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(quote(text(values.get(i))));
			}
			out.write("\r\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Numbers and dates as they are; any other value as text protected against formula
	 * injection.
	 */
	static String text(Object v) {
		if (v == null) {
			return "";
		}
		if (v instanceof Number || v instanceof java.time.LocalDate) {
			return v.toString();
		}
		return SpreadsheetText.escape(v.toString());
	}

	static String quote(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			return s;
		}
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	@Override
	public boolean sheet(String name) {
		return false;
	}

	@Override
	public void close() throws IOException {
		out.flush();
	}

}
