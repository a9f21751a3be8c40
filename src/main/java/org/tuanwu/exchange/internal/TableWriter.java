package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes rows of a template, an export or an annotated copy. Values are text,
 * {@link java.time.LocalDate} (a date cell in xlsx) or whole numbers; null is an empty
 * cell.
 */
interface TableWriter extends AutoCloseable {

	void row(List<?> values);

	/**
	 * A row to draw attention to (a refused row in an annotated copy); csv has no way to,
	 * and writes it plainly.
	 */
	default void highlightedRow(List<?> values) {
		row(values);
	}

	/**
	 * Starts a further sheet named so; a csv file has one table only and answers false.
	 */
	boolean sheet(String name);

	/** Finishes the file; the output stream stays open. */
	@Override
	void close() throws IOException;

	static TableWriter open(FileKind kind, OutputStream out, String firstSheet) {
		return kind == FileKind.XLSX ? new XlsxWriter(out, firstSheet) : new CsvWriter(out);
	}

}
