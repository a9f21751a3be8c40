package org.tuanwu.scorecard.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.internal.ScorecardView.ChildScorecard;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.scorecard.internal.ScorecardView.Status;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.SpreadsheetText;
import org.tuanwu.shared.Text;

/**
 * The scorecard as a workbook and as a printable PDF (A4, the Chinese font embedded), the
 * evidence list and the to-do list as workbooks. The files carry the same content as the
 * JSON, in words: indicator names, status words (达标/未达标/无数据/参考), targets as
 * {@code ≥ 100%}. In the workbooks figures are numbers (rates with a percent format), the
 * header row is frozen and the columns have widths for their content; every text cell
 * goes through {@link #text}.
 */
@Component
class ScorecardExports {

	static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

	private final String fontFile;

	private final Clock clock;

	ScorecardExports(@Value("${tuanwu.pdf.font:" + DEFAULT_FONT + "}") String fontFile, Clock clock) {
		this.fontFile = fontFile;
		this.clock = clock;
	}

	static String value(IndicatorResult i) {
		if (i.value() == null) {
			return "—";
		}
		return switch (i.unit()) {
			case RATE, FLAG,
					GROWTH ->
				new BigDecimal(i.value().toString()).multiply(BigDecimal.valueOf(100))
					.setScale(1, RoundingMode.HALF_UP)
					.toPlainString() + "%";
			case PER_UNIT -> new BigDecimal(i.value().toString()).setScale(1, RoundingMode.HALF_UP).toPlainString();
			case COUNT -> i.value().toString();
		};
	}

	static String counts(IndicatorResult i) {
		if (i.numerator() == null) {
			return "—";
		}
		return i.denominator() == null ? i.numerator().toString() : i.numerator() + "/" + i.denominator();
	}

	/** The comparison as people write it: ≥ ≤ > < =. */
	static String symbol(String op) {
		return switch (op) {
			case ">=" -> "≥";
			case "<=" -> "≤";
			case "==" -> "=";
			default -> op;
		};
	}

	static String target(IndicatorResult i) {
		if (i.target() == null) {
			return "参考指标";
		}
		BigDecimal v = i.target().value();
		String shown = i.unit() == IndicatorUnit.COUNT || i.unit() == IndicatorUnit.PER_UNIT ? v.toPlainString()
				: v.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
		return symbol(i.target().op()) + " " + shown;
	}

	// --- xlsx ---

	/**
	 * Every text cell of every workbook is written here, neutralised so that a
	 * spreadsheet never runs it as a formula (docs/exchange.md "Formulas").
	 */
	static void text(Cell cell, @Nullable String value) {
		cell.setCellValue(SpreadsheetText.escape(value == null ? "" : value));
	}

	/** The styles of one workbook. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle title;

		final CellStyle percent;

		final CellStyle decimal;

		final CellStyle integer;

		final CellStyle date;

		final Map<IndicatorUnit, Map<Status, CellStyle>> matrix = new EnumMap<>(IndicatorUnit.class);

		private final Workbook wb;

		Styles(Workbook wb) {
			this.wb = wb;
			var bold = wb.createFont();
			bold.setBold(true);
			header = wb.createCellStyle();
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			header.setWrapText(true);
			var big = wb.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 13);
			title = wb.createCellStyle();
			title.setFont(big);
			percent = format("0.0%");
			decimal = format("0.0");
			integer = format("0");
			date = format("yyyy-mm-dd");
		}

		CellStyle format(String format) {
			CellStyle s = wb.createCellStyle();
			s.setDataFormat(wb.createDataFormat().getFormat(format));
			return s;
		}

		CellStyle number(IndicatorUnit unit) {
			return switch (unit) {
				case RATE, FLAG, GROWTH -> percent;
				case PER_UNIT -> decimal;
				case COUNT -> integer;
			};
		}

		/**
		 * A matrix cell: the figure as a number whose format shows the status beside it
		 * (e.g. {@code 75.0% 未达标}), on the status colour.
		 */
		CellStyle matrix(IndicatorUnit unit, Status status) {
			return matrix.computeIfAbsent(unit, u -> new EnumMap<>(Status.class)).computeIfAbsent(status, st -> {
				String number = switch (unit) {
					case RATE, FLAG, GROWTH -> "0.0%";
					case PER_UNIT -> "0.0";
					case COUNT -> "0";
				};
				CellStyle s = format(number + "\" " + st.title() + "\"");
				s.setFillForegroundColor(switch (st) {
					case MET -> IndexedColors.LIGHT_GREEN.getIndex();
					case NOT_MET -> IndexedColors.ROSE.getIndex();
					case NO_DATA -> IndexedColors.GREY_25_PERCENT.getIndex();
					case INFO -> IndexedColors.LIGHT_TURQUOISE.getIndex();
				});
				s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
				return s;
			});
		}

	}

	/** Column widths in characters (a CJK character counts two). */
	private static void widths(Sheet sheet, int... chars) {
		for (int c = 0; c < chars.length; c++) {
			sheet.setColumnWidth(c, Math.min(255, chars[c]) * 256);
		}
	}

	private static void header(Sheet sheet, int r, Styles styles, String... titles) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < titles.length; c++) {
			Cell cell = row.createCell(c);
			text(cell, titles[c]);
			cell.setCellStyle(styles.header);
		}
		sheet.createFreezePane(0, r + 1);
	}

	private static void textCells(Row row, int from, String... values) {
		for (int c = 0; c < values.length; c++) {
			text(row.createCell(from + c), values[c]);
		}
	}

	private static void number(Row row, int c, @Nullable Number value, CellStyle style) {
		Cell cell = row.createCell(c);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(style);
		}
	}

	private void title(Sheet sheet, Styles styles, String line) {
		Cell cell = sheet.createRow(0).createCell(0);
		text(cell, line);
		cell.setCellStyle(styles.title);
	}

	void xlsx(ScorecardView view, OutputStream out) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Styles styles = new Styles(wb);
			Sheet sheet = wb.createSheet("指标考核");
			title(sheet, styles, view.org().name() + "（" + view.org().code() + "） 指标考核结果 · " + view.pack().title()
					+ "（版本 " + view.pack().version() + "） · " + view.period() + " 年度 · 生成于 " + LocalDate.now(clock));
			header(sheet, 1, styles, "指标", "领域", "数值", "分子", "分母", "目标", "状态", "出处", "条款原文", "说明", "指标编码");
			widths(sheet, 36, 12, 10, 10, 10, 12, 10, 12, 60, 30, 30);
			int r = 2;
			for (IndicatorResult i : view.indicators()) {
				Row row = sheet.createRow(r++);
				textCells(row, 0, i.name(), i.area().title());
				number(row, 2, i.value(), styles.number(i.unit()));
				number(row, 3, i.numerator(), styles.integer);
				number(row, 4, i.denominator(), styles.integer);
				textCells(row, 5, target(i), i.status().title(), i.source(), i.sourceText(),
						i.reason() == null ? "" : i.reason().toString(), i.code());
			}
			Sheet matrix = wb.createSheet("下级组织");
			List<IndicatorResult> columns = view.indicators();
			title(matrix, styles, view.org().name() + " 下级组织 · " + view.pack().title() + " · " + view.period() + " 年度");
			String[] titles = new String[columns.size() + 2];
			titles[0] = "组织";
			titles[1] = "组织编码";
			for (int c = 0; c < columns.size(); c++) {
				titles[c + 2] = columns.get(c).name();
			}
			header(matrix, 1, styles, titles);
			int[] w = new int[titles.length];
			w[0] = 30;
			w[1] = 18;
			for (int c = 2; c < w.length; c++) {
				w[c] = 16;
			}
			widths(matrix, w);
			int m = 2;
			for (ChildScorecard child : view.children()) {
				Row row = matrix.createRow(m++);
				textCells(row, 0, child.org().name(), child.org().code());
				Map<String, IndicatorResult> byCode = new HashMap<>();
				child.indicators().forEach(i -> byCode.put(i.code(), i));
				for (int c = 0; c < columns.size(); c++) {
					IndicatorResult i = byCode.get(columns.get(c).code());
					Cell cell = row.createCell(c + 2);
					if (i == null) {
						text(cell, "不适用");
					}
					else if (i.value() == null) {
						text(cell, "— " + i.status().title());
						cell.setCellStyle(styles.matrix(i.unit(), i.status()));
					}
					else {
						cell.setCellValue(i.value().doubleValue());
						cell.setCellStyle(styles.matrix(i.unit(), i.status()));
					}
				}
			}
			wb.write(out);
			wb.dispose();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What a record type of the evidence is called. */
	static String recordType(String type) {
		return switch (type) {
			case "UNIT" -> "单位";
			case "ORG" -> "团组织";
			case "MEMBER" -> "团员";
			default -> type;
		};
	}

	void evidenceXlsx(List<Evidence> rows, OutputStream out) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Styles styles = new Styles(wb);
			Sheet sheet = wb.createSheet("指标明细");
			header(sheet, 0, styles, "记录类型", "编码", "名称", "所属组织", "所属组织编码", "计入分子", "说明");
			widths(sheet, 10, 22, 30, 30, 22, 10, 50);
			int r = 1;
			for (Evidence e : rows) {
				textCells(sheet.createRow(r++), 0, recordType(e.recordType()), e.code(), e.name(), e.orgName(),
						e.orgCode(), e.counted() ? "是" : "否", e.note());
			}
			wb.write(out);
			wb.dispose();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void todosXlsx(Todos.Filter filter, Page<Todos.TodoItem> items, OutputStream out) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Styles styles = new Styles(wb);
			Sheet sheet = wb.createSheet("待办提醒");
			title(sheet, styles, filter.org().name() + " 待办提醒" + filter.township().map(t -> " · " + t.name()).orElse("")
					+ " · 截至 " + LocalDate.now(clock) + " · 共 " + items.total() + " 条");
			header(sheet, 1, styles, "类型", "组织", "组织编码", "所属乡镇(街道)", "日期", "单位", "单位编码", "说明");
			widths(sheet, 22, 30, 22, 24, 12, 26, 22, 50);
			int r = 2;
			for (Todos.TodoItem t : items.items()) {
				Row row = sheet.createRow(r++);
				textCells(row, 0, t.title(), t.org().name(), t.org().code(),
						t.township() == null ? "" : t.township().name());
				Cell date = row.createCell(4);
				date.setCellValue(t.date());
				date.setCellStyle(styles.date);
				textCells(row, 5, t.unit() == null ? "" : t.unit().name(), t.unit() == null ? "" : t.unit().code(),
						t.note().toString());
			}
			if (items.total() > items.items().size()) {
				text(sheet.createRow(r).createCell(0),
						"仅导出前 " + items.items().size() + " 条（共 " + items.total() + " 条），请按乡镇或类型筛选后分批导出");
			}
			wb.write(out);
			wb.dispose();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// --- pdf ---

	/**
	 * Fails with a clear refusal when the font is missing, instead of printing boxes for
	 * every character.
	 */
	void checkPdfFont() {
		if (!Files.isRegularFile(Path.of(fontFile))) {
			throw new Problem(503, "scorecard.pdf-font-missing", Text.of(
					"服务器缺少中文字体文件（{0}），无法生成 PDF；请安装 fonts-wqy-microhei 或设置 tuanwu.pdf.font",
					"The server lacks the Chinese font file ({0}): no PDF can be made; install fonts-wqy-microhei or set tuanwu.pdf.font",
					fontFile));
		}
	}

	void pdf(ScorecardView view, OutputStream out) {
		checkPdfFont();
		BaseFont base;
		try {
			base = BaseFont.createFont(fontFile.toLowerCase().endsWith(".ttc") ? fontFile + ",0" : fontFile,
					BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
		}
		catch (IOException | DocumentException e) {
			throw new Problem(503, "scorecard.pdf-font-missing", Text.of("中文字体文件无法读取（{0}），无法生成 PDF",
					"The Chinese font file cannot be read ({0}): no PDF can be made", fontFile));
		}
		Font title = new Font(base, 16, Font.BOLD);
		Font normal = new Font(base, 9);
		Font small = new Font(base, 7);
		Font header = new Font(base, 9, Font.BOLD);
		Font areaFont = new Font(base, 9, Font.BOLD, new Color(60, 60, 60));
		Document doc = new Document(PageSize.A4, 28, 28, 32, 40);
		try {
			PdfWriter writer = PdfWriter.getInstance(doc, out);
			writer.setPageEvent(new PageNumbers(base,
					view.org().name() + " · " + view.pack().title() + " · " + view.period() + " 年度"));
			doc.addTitle(view.org().name() + " 指标考核");
			doc.open();
			Paragraph h = new Paragraph(view.org().name() + " 指标考核结果", title);
			h.setAlignment(Element.ALIGN_CENTER);
			doc.add(h);
			doc.add(new Paragraph("规则包：" + view.pack().title() + "（版本 " + view.pack().version() + "）", normal));
			doc.add(new Paragraph("组织：" + view.org().name() + "（" + view.org().code() + "）    考核期间：" + view.period()
					+ " 年度    生成日期：" + LocalDate.now(clock), normal));
			doc.add(new Paragraph(" ", small));
			PdfPTable table = new PdfPTable(new float[] { 2.8f, 1.0f, 1.2f, 1.0f, 0.9f, 3.4f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String s : List.of("指标", "数值", "分子/分母", "目标", "状态", "出处")) {
				table.addCell(cell(s, header, new Color(230, 230, 230)));
			}
			Area area = null;
			for (IndicatorResult i : view.indicators()) {
				if (i.area() != area) {
					area = i.area();
					PdfPCell a = cell(area.title(), areaFont, new Color(245, 245, 245));
					a.setColspan(6);
					table.addCell(a);
				}
				table.addCell(cell(i.name(), normal, null));
				table.addCell(cell(value(i), normal, null));
				table.addCell(cell(counts(i), normal, null));
				table.addCell(cell(target(i), normal, null));
				table.addCell(cell(i.status().title(), normal, statusColor(i)));
				table.addCell(
						cell(i.source() + "：" + i.sourceText() + (i.reason() == null ? "" : "\n（" + i.reason() + "）"),
								small, null));
			}
			doc.add(table);
			if (!view.children().isEmpty()) {
				doc.newPage();
				doc.add(new Paragraph("下级组织", title));
				List<IndicatorResult> columns = view.indicators();
				int per = 7;
				for (int from = 0; from < columns.size(); from += per) {
					List<IndicatorResult> part = columns.subList(from, Math.min(columns.size(), from + per));
					PdfPTable m = new PdfPTable(part.size() + 1);
					m.setWidthPercentage(100);
					m.setHeaderRows(1);
					m.setSpacingBefore(8);
					m.addCell(cell("组织", header, new Color(230, 230, 230)));
					part.forEach(i -> m.addCell(cell(i.name(), small, new Color(230, 230, 230))));
					for (ChildScorecard child : view.children()) {
						m.addCell(cell(child.org().name(), small, null));
						for (IndicatorResult column : part) {
							IndicatorResult i = child.indicators()
								.stream()
								.filter(x -> x.code().equals(column.code()))
								.findFirst()
								.orElse(null);
							m.addCell(i == null ? cell("不适用", small, null)
									: cell(value(i) + " " + i.status().title(), small, statusColor(i)));
						}
					}
					doc.add(m);
				}
			}
			doc.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("PDF 生成失败", e);
		}
	}

	/**
	 * 第 x 页 / 共 y 页 at the foot of every page: the total is a template filled in when the
	 * document closes.
	 */
	private static final class PageNumbers extends PdfPageEventHelper {

		/** The room left for "y 页": up to 9 999 pages. */
		private static final String WIDEST = "0000 页";

		private final BaseFont font;

		private final String caption;

		private PdfTemplate total;

		PageNumbers(BaseFont font, String caption) {
			this.font = font;
			this.caption = caption;
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			total = writer.getDirectContent().createTemplate(font.getWidthPoint(WIDEST, 8), 12);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte cb = writer.getDirectContent();
			Rectangle page = document.getPageSize();
			float y = document.bottom() - 20;
			String before = "第 " + writer.getPageNumber() + " 页 / 共 ";
			float size = 8;
			float beforeWidth = font.getWidthPoint(before, size);
			float x = page.getRight() - document.rightMargin() - beforeWidth - font.getWidthPoint(WIDEST, size);
			cb.beginText();
			cb.setFontAndSize(font, size);
			cb.setTextMatrix(x, y);
			cb.showText(before);
			cb.endText();
			cb.addTemplate(total, x + beforeWidth, y);
			ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(caption, new Font(font, 8)), document.left(),
					y, 0);
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			total.beginText();
			total.setFontAndSize(font, 8);
			total.setTextMatrix(0, 0);
			total.showText((writer.getPageNumber() - 1) + " 页");
			total.endText();
		}

	}

	private static Color statusColor(IndicatorResult i) {
		return switch (i.status()) {
			case MET -> new Color(225, 243, 216);
			case NOT_MET -> new Color(253, 226, 226);
			case NO_DATA -> new Color(240, 240, 240);
			case INFO -> new Color(236, 245, 255);
		};
	}

	private static PdfPCell cell(String text, Font font, @Nullable Color background) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(3);
		if (background != null) {
			cell.setBackgroundColor(background);
		}
		return cell;
	}

}
