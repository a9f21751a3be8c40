package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tuanwu.shared.Text;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.internal.RulePack.Target;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.scorecard.internal.ScorecardView.OrgRef;
import org.tuanwu.scorecard.internal.ScorecardView.Status;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;

/**
 * The PDF and the workbooks of the engine tests' scorecard (示例县, 4/10 villages covered,
 * 甲镇 3/4, 乙镇 1/6), and of a small to-do list.
 */
class ScorecardExportsTests {

	final ScorecardEngineTests fixture = new ScorecardEngineTests();

	final ScorecardView view = fixture.evaluate("C", "2024");

	final ScorecardExports exports = new ScorecardExports(ScorecardExports.DEFAULT_FONT, ScorecardEngineTests.CLOCK);

	static IndicatorResult rate(String op, String value) {
		return new IndicatorResult("ORG_SOE_COVERAGE", "国有企业建团率", Area.ORG, IndicatorUnit.RATE, 0.5, 1L, 2L,
				new Target(op, new BigDecimal(value)), Status.NOT_MET, "C-1", "", null);
	}

	@Test
	void writesTargetsWithTheSymbolsPeopleUse() {
		assertThat(ScorecardExports.target(rate(">=", "1.0"))).isEqualTo("≥ 100%");
		assertThat(ScorecardExports.target(rate("<=", "0.05"))).isEqualTo("≤ 5%");
		assertThat(ScorecardExports.target(rate("==", "1"))).isEqualTo("= 100%");
		assertThat(ScorecardExports.target(rate(">", "0.6"))).isEqualTo("> 60%");
		assertThat(ScorecardExports.target(rate("<", "0.2"))).isEqualTo("< 20%");
	}

	@Test
	void writesAnA4PdfWithNamesPageNumbersAndTheChineseFontEmbedded() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.pdf(view, out);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "scorecard-sample.pdf"), out.toByteArray());

		PdfReader reader = new PdfReader(out.toByteArray());
		String first = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(first).contains("示例县", "测试规则包", "2024", "2024-05-20", "村(社区)团组织设置率", "40.0%", "4/10", "未达标", "达标",
				"无数据", "参考", "村级团组织设置达到100%", "≥ 100%", "组织覆盖", "第 1 页 / 共");
		// Names, not the codes of the catalogue or of the status.
		assertThat(first).doesNotContain("ORG_VILLAGE_COVERAGE", "NOT_MET", ">=", "==");
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		String second = new PdfTextExtractor(reader).getTextFromPage(2);
		assertThat(second).contains("甲镇", "75.0%", "第 2 页 / 共");
		assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f); // A4
		reader.close();
		// The total of "共 y 页" is written once, when the document closes, into a form
		// shared by every page: "2" for these two pages.
		String raw = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
		assertThat(raw).contains("/FontFile2").contains("/Subtype/Form");
	}

	@Test
	void refusesClearlyWhenTheFontIsMissing() {
		ScorecardExports missing = new ScorecardExports("/nonexistent/font.ttc", ScorecardEngineTests.CLOCK);

		assertThatThrownBy(() -> missing.pdf(view, new ByteArrayOutputStream())).isInstanceOfSatisfying(Problem.class,
				p -> {
					assertThat(p.status()).isEqualTo(503);
					assertThat(p.code()).isEqualTo("scorecard.pdf-font-missing");
					assertThat(p.detail()).contains("中文字体");
				});
	}

	@Test
	void writesRatesAsPercentNumbersUnderAFrozenHeader() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.xlsx(view, out);

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = wb.getSheet("指标考核");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("示例县", "测试规则包", "2024");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("指标");
			// The header row stays in view: the pane is split below it.
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			var first = sheet.getRow(2);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("村(社区)团组织设置率");
			assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(0.4);
			assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(4);
			assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(10);
			assertThat(first.getCell(5).getStringCellValue()).isEqualTo("≥ 100%");
			assertThat(first.getCell(6).getStringCellValue()).isEqualTo("未达标");
			// The name column is wide enough for a long indicator name (36 characters).
			assertThat(sheet.getColumnWidth(0)).isEqualTo(36 * 256);
			// The count indicator (3 youth societies led) is an integer cell.
			var led = row(sheet, "新建团委直接主导主办的青年社团");
			assertThat(led.getCell(2).getNumericCellValue()).isEqualTo(3);
			assertThat(led.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0");

			var matrix = wb.getSheet("下级组织");
			assertThat(matrix.getPaneInformation().isFreezePane()).isTrue();
			assertThat(matrix.getRow(2).getCell(0).getStringCellValue()).isEqualTo("甲镇");
			var t1 = matrix.getRow(2).getCell(2);
			assertThat(t1.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(t1.getNumericCellValue()).isEqualTo(0.75);
			assertThat(t1.getCellStyle().getDataFormatString()).isEqualTo("0.0%\" 未达标\"");
		}
	}

	static org.apache.poi.ss.usermodel.Row row(XSSFSheet sheet, String name) {
		for (int r = 2; r <= sheet.getLastRowNum(); r++) {
			if (sheet.getRow(r).getCell(0).getStringCellValue().equals(name)) {
				return sheet.getRow(r);
			}
		}
		throw new AssertionError("no row " + name);
	}

	@Test
	void writesTheEvidenceWithRecordTypesInWords() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.evidenceXlsx(List.of(new Evidence("UNIT", "V1-村", "一村", 4, "V1", "一村团支部", false, "无团组织")), out);

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = wb.getSheet("指标明细");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("单位");
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("否");
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("无团组织");
		}
	}

	@Test
	void writesTheToDoListWithDatesAsDatesAndSaysWhenItStopped() throws Exception {
		TreeOrg county = new TreeOrg(1, Optional.empty(), "C", "示例县", "COUNTY_COMMITTEE", "/1/", Optional.empty());
		var item = new Todos.TodoItem("TERM_EXPIRED", "换届逾期", new OrgRef(4, "V1", "一村团支部"), new OrgRef(2, "T1", "甲镇"),
				LocalDate.of(2023, 6, 1), null,
				Text.of("届期已于 {0} 届满", "The term ended on {0}", LocalDate.of(2023, 6, 1)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// 1 item of 3: the export was cut.
		exports.todosXlsx(new Todos.Filter(county, Optional.empty(), Optional.empty()),
				new Page<>(List.of(item), 3, 0, 1), out);

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = wb.getSheet("待办提醒");
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			var row = sheet.getRow(2);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("换届逾期");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("甲镇");
			assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 6, 1));
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("届期已于 2023-06-01 届满");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).contains("仅导出前 1 条（共 3 条）");
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
			// Row 0 is the title (org name and code first), row 1 the header, the data
			// below.
			assertThat(wb.getSheet("指标考核").getRow(0).getCell(0).getStringCellValue())
				.startsWith("'=HYPERLINK(\"http://evil.example\",\"点我\")（=1+1）");
			var child = wb.getSheet("下级组织").getRow(2);
			assertThat(child.getCell(0).getStringCellValue()).startsWith("'@SUM(1)");
			assertThat(child.getCell(1).getStringCellValue()).startsWith("'+");
			var sheet = wb.getSheet("指标考核");
			int numerators = 0;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				var numerator = sheet.getRow(r).getCell(3);
				if (numerator != null && numerator.getCellType() != CellType.BLANK) {
					assertThat(numerator.getCellType()).isEqualTo(CellType.NUMERIC);
					numerators++;
				}
			}
			assertThat(numerators).isPositive();
		}

		ByteArrayOutputStream evidence = new ByteArrayOutputStream();
		exports.evidenceXlsx(java.util.List.of(new org.tuanwu.scorecard.Evidence("UNIT", "-U1", "=cmd|' /C calc'!A0",
				1L, "@X", "\t甲镇", false, "+未建团组织")), evidence);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(evidence.toByteArray()))) {
			var row = wb.getSheet("指标明细").getRow(1);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'-U1");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'\t甲镇");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("'@X");
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo("'+未建团组织");
		}
	}

}
