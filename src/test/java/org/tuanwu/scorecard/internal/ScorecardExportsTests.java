package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tuanwu.shared.Problem;

/**
 * The PDF and the workbook of the engine tests' scorecard (示例县, 4/10 villages covered).
 */
class ScorecardExportsTests {

	final ScorecardEngineTests fixture = new ScorecardEngineTests();

	final ScorecardView view = fixture.evaluate("C", "2024");

	@Test
	void writesAnA4PdfWithTheChineseFontEmbeddedAndEveryFigure() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ScorecardExports(ScorecardExports.DEFAULT_FONT, ScorecardEngineTests.CLOCK).pdf(view, out);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "scorecard-sample.pdf"), out.toByteArray());

		PdfReader reader = new PdfReader(out.toByteArray());
		String first = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(first).contains("示例县", "测试规则包", "2024", "2024-05-20", "村(社区)团组织设置率", "40.0%", "4/10", "未达标", "达标",
				"无数据", "参考", "村级团组织设置达到100%");
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		assertThat(new PdfTextExtractor(reader).getTextFromPage(2)).contains("甲镇", "75.0%");
		assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f); // A4
		reader.close();
		// The font program itself is in the file (an embedded TrueType subset), not just
		// its name.
		assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).contains("/FontFile2");
	}

	@Test
	void refusesClearlyWhenTheFontIsMissing() {
		ScorecardExports exports = new ScorecardExports("/nonexistent/font.ttc", ScorecardEngineTests.CLOCK);

		assertThatThrownBy(() -> exports.pdf(view, new ByteArrayOutputStream())).isInstanceOfSatisfying(Problem.class,
				p -> {
					assertThat(p.status()).isEqualTo(503);
					assertThat(p.code()).isEqualTo("scorecard.pdf-font-missing");
					assertThat(p.detail()).contains("中文字体");
				});
	}

	@Test
	void writesTheWorkbookWithTheIndicatorsAndTheChildrenMatrix() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ScorecardExports(ScorecardExports.DEFAULT_FONT, ScorecardEngineTests.CLOCK).xlsx(view, out);

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = wb.getSheet("指标考核");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).contains("示例县");
			var first = sheet.getRow(6);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("ORG_VILLAGE_COVERAGE");
			assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(0.4);
			assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(4);
			assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(10);
			assertThat(first.getCell(7).getStringCellValue()).isEqualTo("未达标");
			var matrix = wb.getSheet("下级组织");
			assertThat(matrix.getRow(1).getCell(1).getStringCellValue()).isEqualTo("甲镇");
			assertThat(matrix.getRow(1).getCell(2).getStringCellValue()).isEqualTo("75.0% 未达标");
		}
	}

	@Test
	void namesThatASpreadsheetWouldRunAreQuotedInTheWorkbookAndTheEvidence() throws Exception {
		ScorecardView hostile = new ScorecardView(view.pack(), view.period(),
				new ScorecardView.OrgRef(view.org().id(), "=1+1", "=HYPERLINK(\"http://evil.example\",\"点我\")"),
				view.indicators(),
				view.children()
					.stream()
					.map(c -> new ScorecardView.ChildScorecard(new ScorecardView.ChildRef(c.org().id(),
							"+" + c.org().code(), "@SUM(1)" + c.org().name(), c.org().kind()), c.indicators()))
					.toList(),
				view.dataVersion(), view.computedAt());
		ScorecardExports exports = new ScorecardExports(ScorecardExports.DEFAULT_FONT, ScorecardEngineTests.CLOCK);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.xlsx(hostile, out);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getSheet("指标考核").getRow(0).getCell(1).getStringCellValue())
				.isEqualTo("'=HYPERLINK(\"http://evil.example\",\"点我\")（=1+1）");
			var child = wb.getSheet("下级组织").getRow(1);
			assertThat(child.getCell(0).getStringCellValue()).startsWith("'+");
			assertThat(child.getCell(1).getStringCellValue()).isEqualTo("'@SUM(1)甲镇");
			assertThat(wb.getSheet("指标考核").getRow(6).getCell(3).getCellType())
				.isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
		}

		ByteArrayOutputStream evidence = new ByteArrayOutputStream();
		exports.evidenceXlsx(java.util.List
			.of(new org.tuanwu.scorecard.Evidence("UNIT", "-U1", "=cmd|' /C calc'!A0", "@X", "\t甲镇", false, "+未建团组织")),
				evidence);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(evidence.toByteArray()))) {
			var row = wb.getSheet("指标明细").getRow(1);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'-U1");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'@X");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("'\t甲镇");
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo("'+未建团组织");
		}
	}

}
