package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tuanwu.shared.SpreadsheetText;

/**
 * A streaming xlsx writer (POI's SXSSF, which FastExcel itself writes with): only a
 * window of rows is kept in memory, the rest goes to a temporary file that
 * {@link #close()} removes. Text cells are stored as text (so a code like {@code 001}
 * keeps its zeros, and a text a spreadsheet would run as a formula gets a leading single
 * quote, {@link SpreadsheetText}), dates as date cells formatted {@code yyyy-mm-dd}; the
 * first row is bold.
 */
final class XlsxWriter implements TableWriter {

	private final OutputStream out;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final CellStyle text;

	private final CellStyle date;

	private final CellStyle header;

	private final CellStyle highlight;

	private Sheet sheet;

	private int next;

	XlsxWriter(OutputStream out, String firstSheet) {
		this.out = out;
		workbook.setCompressTempFiles(true);
		short textFormat = workbook.createDataFormat().getFormat("@");
		text = workbook.createCellStyle();
		text.setDataFormat(textFormat);
		date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		header = workbook.createCellStyle();
		header.setDataFormat(textFormat);
		Font bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
		highlight = workbook.createCellStyle();
		highlight.setDataFormat(textFormat);
		highlight.setFillForegroundColor(IndexedColors.ROSE.getIndex());
		highlight.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		sheet(firstSheet);
	}

	@Override
	public boolean sheet(String name) {
		sheet = workbook.createSheet(name);
		next = 0;
		return true;
	}

	@Override
	public void row(List<?> values) {
		write(values, next == 0 ? header : null);
	}

	@Override
	public void highlightedRow(List<?> values) {
		write(values, highlight);
	}

	private void write(List<?> values, CellStyle rowStyle) {
		if (next == 0) {
			for (int i = 0; i < values.size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
		}
		Row row = sheet.createRow(next++);
		for (int i = 0; i < values.size(); i++) {
			Object v = values.get(i);
			if (v == null) {
				continue;
			}
			var cell = row.createCell(i);
			if (v instanceof LocalDate d) {
				cell.setCellValue(d);
				cell.setCellStyle(date);
			}
			else if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else {
				cell.setCellValue(fit(SpreadsheetText.escape(v.toString())));
				cell.setCellStyle(rowStyle != null ? rowStyle : text);
			}
		}
	}

	/**
	 * A cell holds at most 32 767 characters; a longer text (a cell of a refused file
	 * echoed in the annotated copy) is cut, with an ellipsis.
	 */
	static String fit(String text) {
		return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
	}

	static final int MAX_CELL = 32_767;

	@Override
	public void close() throws IOException {
		try {
			workbook.write(out);
			out.flush();
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

}
