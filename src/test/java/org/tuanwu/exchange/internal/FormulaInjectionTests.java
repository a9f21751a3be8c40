package org.tuanwu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;
import org.tuanwu.support.TestUsers;

/**
 * Org names that a spreadsheet would run as formulas come out of every csv and xlsx
 * neutralised (a leading single quote, OWASP), and an export imports back unchanged.
 */
@DatabaseTest
class FormulaInjectionTests {

	/** The names an attacker would give orgs, and two that merely look alike. */
	static final List<String> NAMES = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"点我\")",
			"+1+1+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "'=1+1", "'单引号开头的团支部");

	@Autowired
	ExchangeService exchange;

	@Autowired
	OrganizationManagement orgs;

	@TempDir
	Path dir;

	final Actor admin = Actor.commandLine("formula-tester");

	OrgDetail root;

	final List<String> codes = new ArrayList<>();

	@BeforeEach
	void orgsWithDangerousNames() {
		root = orgs.createRoot(admin, draft(TestUsers.unique("FX"), "共青团公式测试县委员会", OrgKind.COUNTY_COMMITTEE));
		for (String name : NAMES) {
			String code = TestUsers.unique("FX");
			orgs.create(admin, root.id(), draft(code, name, OrgKind.BRANCH));
			codes.add(code);
		}
	}

	static OrgDraft draft(String code, String name, OrgKind kind) {
		return new OrgDraft(code, name, kind, Sector.OTHER, Optional.of(LocalDate.of(2019, 5, 4)), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

	@Test
	void theCsvExportQuotesEveryFormulaAndImportsBackUnchanged() throws IOException {
		Path file = export(FileKind.CSV);
		String csv = Files.readString(file, StandardCharsets.UTF_8);

		assertThat(csv).contains("," + "'=cmd|' /C calc'!A0" + ",")
			.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",")
			.contains(",'+1+1+cmd|' /C calc'!A0,")
			.contains(",'@SUM(1+1)*cmd|' /C calc'!A0,")
			.contains(",'-2+3+cmd|' /C calc'!A0,")
			.contains(",''=1+1,")
			.contains(",''单引号开头的团支部,");
		for (String line : csv.split("\r\n")) {
			for (String field : line.split(",")) {
				assertThat(field).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
			}
		}
		// The dates stay plain dates.
		assertThat(csv).contains(",2019-05-04,");

		assertImportsBackUnchanged(file);
	}

	@Test
	void theXlsxExportQuotesEveryFormulaAndImportsBackUnchanged() throws IOException {
		Path file = export(FileKind.XLSX);
		List<String> names = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			var sheet = wb.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var cell = sheet.getRow(r).getCell(1);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				names.add(cell.getStringCellValue());
				assertThat(sheet.getRow(r).getCell(5).getCellType()).as("a date cell").isEqualTo(CellType.NUMERIC);
			}
			assertNoCellStartsAFormula(wb);
		}
		assertThat(names).contains("'=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://evil.example\",\"点我\")",
				"'+1+1+cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", "''=1+1",
				"''单引号开头的团支部");

		assertImportsBackUnchanged(file);
	}

	@Test
	void theAnnotatedCopyOfARefusedFileQuotesTheFormulasItEchoes() throws IOException {
		Path csv = dir.resolve("bad.csv");
		Files.writeString(csv, "组织编码,组织名称,上级组织编码,组织类别\n" + TestUsers.unique("FX") + ",\"=HYPERLINK(\"\"http://x\"\")\","
				+ root.code() + ",团小组\n" + TestUsers.unique("FX") + ",@SUM(1),+1,-1\n", StandardCharsets.UTF_8);
		Path annotated = dir.resolve("annotated.xlsx");
		try (OutputStream out = Files.newOutputStream(annotated)) {
			exchange.annotate(admin, "organizations", "bad.csv", csv, out);
		}
		try (InputStream in = Files.newInputStream(annotated); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			assertNoCellStartsAFormula(wb);
			assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue())
				.isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("'@SUM(1)");
		}
	}

	@Test
	void theTemplatesCarryNoFormula() throws IOException {
		for (String type : exchange.types()) {
			Path file = dir.resolve(type + ".xlsx");
			try (OutputStream out = Files.newOutputStream(file)) {
				exchange.template(type, FileKind.XLSX, out);
			}
			try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
				assertNoCellStartsAFormula(wb);
			}
		}
	}

	@Test
	void aTextBeginningWithATabOrACarriageReturnRoundTripsThroughBothWriters() throws IOException {
		for (FileKind kind : FileKind.values()) {
			// A carriage return survives csv; xlsx text is XML, where line ends are
			// normalized, so there it is tried at the start of the cell only.
			List<String> values = kind == FileKind.CSV ? Arrays.asList("\t=cmd", "\r=1+1", "'\tx", "-", "普通文字")
					: Arrays.asList("\t=cmd", "'\tx", "-", "@", "普通文字");
			Path file = dir.resolve("cells." + kind.extension());
			try (OutputStream out = Files.newOutputStream(file); TableWriter w = TableWriter.open(kind, out, "表")) {
				w.row(List.of("a", "b", "c", "d", "e"));
				w.row(values);
			}
			List<List<String>> rows = new ArrayList<>();
			new SheetReader(null).read(file, kind, (number, cells) -> {
				rows.add(cells.stream().map(Cell::text).toList());
				return true;
			});
			assertThat(rows.get(1)).as(kind.name()).containsExactlyElementsOf(values);
		}
	}

	Path export(FileKind kind) throws IOException {
		Path file = dir.resolve("export." + kind.extension());
		try (OutputStream out = Files.newOutputStream(file)) {
			assertThat(exchange.export(admin, "organizations", kind, Optional.of(root.id()), true, out))
				.isEqualTo(NAMES.size() + 1);
		}
		return file;
	}

	void assertImportsBackUnchanged(Path file) {
		ImportReport back = exchange.importFile(admin, "organizations", file.getFileName().toString(), file);
		assertThat(back.errors()).isEmpty();
		assertThat(back.unchanged()).isEqualTo(NAMES.size() + 1);
		assertThat(back.updated()).isZero();
		for (int i = 0; i < NAMES.size(); i++) {
			assertThat(orgs.findByCode(admin, codes.get(i)).orElseThrow().name()).isEqualTo(NAMES.get(i));
		}
	}

	static void assertNoCellStartsAFormula(XSSFWorkbook wb) {
		DataFormatter format = new DataFormatter();
		for (var sheet : wb) {
			for (var row : sheet) {
				for (var cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					if (cell.getCellType() == CellType.STRING) {
						String text = format.formatCellValue(cell);
						assertThat(text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0)
							.as(sheet.getSheetName() + " " + cell.getAddress() + ": " + text)
							.isTrue();
					}
				}
			}
		}
	}

}
