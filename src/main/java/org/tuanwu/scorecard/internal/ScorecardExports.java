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
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.internal.ScorecardView.ChildScorecard;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.SpreadsheetText;

/**
 * The scorecard as a workbook and as a printable PDF (A4, the Chinese font embedded), and
 * the evidence list as a workbook. Both formats carry the same content as the JSON: every
 * figure with its counts, target, status and source clause, and the children matrix.
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

	static String target(IndicatorResult i) {
		if (i.target() == null) {
			return "参考指标";
		}
		BigDecimal v = i.target().value();
		String shown = i.unit() == IndicatorUnit.COUNT || i.unit() == IndicatorUnit.PER_UNIT ? v.toPlainString()
				: v.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
		return i.target().op().replace(">=", "≥").replace("<=", "≤") + " " + shown;
	}

	// --- xlsx ---

	void xlsx(ScorecardView view, OutputStream out) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			CellStyle bold = wb.createCellStyle();
			var font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = wb.createSheet("指标考核");
			int r = 0;
			row(sheet, r++, bold, "组织", view.org().name() + "（" + view.org().code() + "）");
			row(sheet, r++, bold, "规则包",
					view.pack().title() + "（" + view.pack().id() + " 版本 " + view.pack().version() + "）");
			row(sheet, r++, bold, "考核期间", view.period());
			row(sheet, r++, bold, "生成日期", LocalDate.now(clock).toString());
			r++;
			row(sheet, r++, bold, "指标编码", "指标", "领域", "数值", "分子", "分母", "目标", "状态", "出处", "条款原文", "说明");
			for (IndicatorResult i : view.indicators()) {
				Row row = sheet.createRow(r++);
				int c = 0;
				row.createCell(c++).setCellValue(text(i.code()));
				row.createCell(c++).setCellValue(text(i.name()));
				row.createCell(c++).setCellValue(text(i.area().title()));
				Cell v = row.createCell(c++);
				if (i.value() != null) {
					v.setCellValue(i.value().doubleValue());
				}
				Cell n = row.createCell(c++);
				if (i.numerator() != null) {
					n.setCellValue(i.numerator());
				}
				Cell d = row.createCell(c++);
				if (i.denominator() != null) {
					d.setCellValue(i.denominator());
				}
				row.createCell(c++).setCellValue(text(target(i)));
				row.createCell(c++).setCellValue(text(i.status().title()));
				row.createCell(c++).setCellValue(text(i.source()));
				row.createCell(c++).setCellValue(text(i.sourceText()));
				row.createCell(c++).setCellValue(text(i.reason() == null ? "" : i.reason()));
			}
			Sheet matrix = wb.createSheet("下级组织");
			List<IndicatorResult> columns = view.indicators();
			Row head = matrix.createRow(0);
			head.createCell(0).setCellValue(text("组织编码"));
			head.createCell(1).setCellValue(text("组织名称"));
			for (int c = 0; c < columns.size(); c++) {
				head.createCell(c + 2).setCellValue(text(columns.get(c).name()));
			}
			int m = 1;
			for (ChildScorecard child : view.children()) {
				Row row = matrix.createRow(m++);
				row.createCell(0).setCellValue(text(child.org().code()));
				row.createCell(1).setCellValue(text(child.org().name()));
				for (int c = 0; c < columns.size(); c++) {
					String code = columns.get(c).code();
					int col = c + 2;
					child.indicators()
						.stream()
						.filter(i -> i.code().equals(code))
						.findFirst()
						.ifPresent(i -> row.createCell(col).setCellValue(text(value(i) + " " + i.status().title())));
				}
			}
			wb.write(out);
			wb.dispose();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void evidenceXlsx(List<Evidence> rows, OutputStream out) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Sheet sheet = wb.createSheet("指标明细");
			row(sheet, 0, null, "记录类型", "编码", "名称", "所属组织编码", "所属组织", "计入分子", "说明");
			int r = 1;
			for (Evidence e : rows) {
				row(sheet, r++, null, e.recordType(), e.code(), e.name(), e.orgCode(), e.orgName(),
						e.counted() ? "是" : "否", e.note());
			}
			wb.write(out);
			wb.dispose();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every text cell, protected against formula injection. */
	private static String text(String value) {
		return SpreadsheetText.escape(value);
	}

	private static void row(Sheet sheet, int r, CellStyle style, String... values) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < values.length; c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(text(values[c]));
			if (style != null && c == 0) {
				cell.setCellStyle(style);
			}
		}
	}

	// --- pdf ---

	/**
	 * Fails with a clear refusal when the font is missing, instead of printing boxes for
	 * every character.
	 */
	void checkPdfFont() {
		if (!Files.isRegularFile(Path.of(fontFile))) {
			throw new Problem(503, "scorecard.pdf-font-missing",
					"服务器缺少中文字体文件（" + fontFile + "），无法生成 PDF；请安装 fonts-wqy-microhei 或设置 tuanwu.pdf.font");
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
			throw new Problem(503, "scorecard.pdf-font-missing", "中文字体文件无法读取（" + fontFile + "），无法生成 PDF");
		}
		Font title = new Font(base, 16, Font.BOLD);
		Font normal = new Font(base, 9);
		Font small = new Font(base, 7);
		Font header = new Font(base, 9, Font.BOLD);
		Document doc = new Document(PageSize.A4, 28, 28, 32, 32);
		try {
			PdfWriter.getInstance(doc, out);
			doc.addTitle(view.org().name() + " 指标考核");
			doc.open();
			Paragraph h = new Paragraph(view.org().name() + " 指标考核结果", title);
			h.setAlignment(Element.ALIGN_CENTER);
			doc.add(h);
			doc.add(new Paragraph(
					"规则包：" + view.pack().title() + "（" + view.pack().id() + "，版本 " + view.pack().version() + "）",
					normal));
			doc.add(new Paragraph("组织：" + view.org().name() + "（" + view.org().code() + "）    考核期间：" + view.period()
					+ " 年度    生成日期：" + LocalDate.now(clock), normal));
			doc.add(new Paragraph(" ", small));
			PdfPTable table = new PdfPTable(new float[] { 2.6f, 1.1f, 1.2f, 1.1f, 0.9f, 3.4f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String s : List.of("指标", "数值", "分子/分母", "目标", "状态", "出处")) {
				table.addCell(cell(s, header, new Color(230, 230, 230)));
			}
			for (IndicatorResult i : view.indicators()) {
				table.addCell(cell(i.name() + "\n" + i.code(), normal, null));
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

	private static Color statusColor(IndicatorResult i) {
		return switch (i.status()) {
			case MET -> new Color(225, 243, 216);
			case NOT_MET -> new Color(253, 226, 226);
			case NO_DATA -> new Color(240, 240, 240);
			case INFO -> new Color(236, 245, 255);
		};
	}

	private static PdfPCell cell(String text, Font font, Color background) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(3);
		if (background != null) {
			cell.setBackgroundColor(background);
		}
		return cell;
	}

}
