package org.tuanwu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Problem;

class SheetReadingTests {

	@TempDir
	Path dir;

	final SheetReader reader = new SheetReader(
			new ZipGuard(new ExchangeSettings(DataSize.ofMegabytes(30), DataSize.ofMegabytes(500), 100, 10000)));

	/** Every non-blank row as its number and its cell texts. */
	Map<Integer, List<String>> read(Path file) {
		FileKind kind = FileKind.requireOfFileName(file.getFileName().toString());
		reader.check(file, kind);
		Map<Integer, List<String>> rows = new LinkedHashMap<>();
		reader.read(file, kind, (n, cells) -> {
			rows.put(n, cells.stream().map(Cell::text).toList());
			return true;
		});
		return rows;
	}

	Path csv(String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	@Nested
	class Csv {

		@Test
		void readsUtf8WithBomQuotedCommasLineBreaksAndFullWidthDigits() throws IOException {
			String text = "组织编码,组织名称\r\n\"A,1\",\"say \"\"hi\"\"\"\r\n,\r\n  １２３ ,\"two\nlines\"\n";
			byte[] body = text.getBytes(StandardCharsets.UTF_8);
			byte[] withBom = new byte[body.length + 3];
			withBom[0] = (byte) 0xEF;
			withBom[1] = (byte) 0xBB;
			withBom[2] = (byte) 0xBF;
			System.arraycopy(body, 0, withBom, 3, body.length);

			Map<Integer, List<String>> rows = read(csv("bom.csv", withBom));

			// Row 3 (",") is blank and skipped; the BOM is not part of the first header.
			assertThat(rows).containsOnlyKeys(1, 2, 4);
			assertThat(rows.get(1)).containsExactly("组织编码", "组织名称");
			assertThat(rows.get(2)).containsExactly("A,1", "say \"hi\"");
			assertThat(rows.get(4)).containsExactly("123", "two\nlines");
		}

		@Test
		void readsUtf8WithoutBomAndALastLineWithoutLineBreak() throws IOException {
			Map<Integer, List<String>> rows = read(
					csv("plain.csv", "code,name\nX1,甲".getBytes(StandardCharsets.UTF_8)));

			assertThat(rows.get(1)).containsExactly("code", "name");
			assertThat(rows.get(2)).containsExactly("X1", "甲");
		}

		@Test
		void refusesAFileThatIsNotUtf8() throws IOException {
			Path gbk = csv("gbk.csv", "组织编码,组织名称\n".getBytes(java.nio.charset.Charset.forName("GBK")));

			assertThatThrownBy(() -> read(gbk)).isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.code()).isEqualTo("file.encoding"));
		}

	}

	@Nested
	class Xlsx {

		@Test
		void readsDateCellsWholeNumbersAsDigitsAndSharedStrings() throws IOException {
			Path file = dir.resolve("cells.xlsx");
			try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
				Sheet sheet = wb.createSheet("s");
				CellStyle dateStyle = wb.createCellStyle();
				dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
				Row header = sheet.createRow(0);
				header.createCell(0).setCellValue("组织编码");
				header.createCell(1).setCellValue("成立日期");
				header.createCell(2).setCellValue("人数");
				header.createCell(3).setCellValue("比例");
				header.createCell(4).setCellValue("布尔");
				Row data = sheet.createRow(2); // row 2 left empty: skipped, and row
												// numbers follow the sheet
				data.createCell(0).setCellValue(13800138000.0);
				var date = data.createCell(1);
				date.setCellValue(LocalDate.of(2021, 3, 9));
				date.setCellStyle(dateStyle);
				data.createCell(2).setCellValue(1200.0);
				data.createCell(3).setCellValue(0.25);
				data.createCell(4).setCellValue(true);
				Row text = sheet.createRow(3);
				text.createCell(0).setCellValue("　０１２ ");
				wb.write(out);
			}

			Map<Integer, List<String>> rows = read(file);

			assertThat(rows).containsOnlyKeys(1, 3, 4);
			assertThat(rows.get(3)).containsExactly("13800138000", "2021-03-09", "1200", "0.25", "true");
			assertThat(rows.get(4)).containsExactly("012");
		}

		@Test
		void refusesAZipBombBeforeReadingIt() throws IOException {
			Path bomb = dir.resolve("bomb.xlsx");
			try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
				zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
				zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
				zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
				byte[] zeros = new byte[1 << 20];
				for (int i = 0; i < 200; i++) {
					zip.write(zeros);
				}
				zip.closeEntry();
			}
			assertThat(Files.size(bomb)).isLessThan(1_000_000);

			long start = System.nanoTime();
			assertThatThrownBy(() -> read(bomb)).isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.code()).isEqualTo("file.zip-bomb");
				assertThat(p.detail()).startsWith("文件疑似压缩炸弹");
			});
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
		}

		@Test
		void refusesATextFileRenamedToXlsx() throws IOException {
			Path fake = csv("fake.xlsx", "组织编码,组织名称\nX1,甲\n".getBytes(StandardCharsets.UTF_8));

			assertThatThrownBy(() -> read(fake)).isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.code()).isEqualTo("file.not-xlsx");
				assertThat(p.detail()).startsWith("不是有效的 xlsx 文件");
			});
		}

		@Test
		void refusesAZipThatHoldsNoWorkbook() throws IOException {
			Path other = dir.resolve("other.xlsx");
			try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
				zip.putNextEntry(new ZipEntry("readme.txt"));
				zip.write("hello".getBytes(StandardCharsets.UTF_8));
			}

			assertThatThrownBy(() -> read(other)).isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.code()).isEqualTo("file.not-xlsx"));
		}

	}

	@Test
	void refusesAFileThatIsNeitherCsvNorXlsx() {
		assertThatThrownBy(() -> FileKind.requireOfFileName("orgs.xls")).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.detail()).contains("只能导入 .xlsx 或 .csv"));
	}

	@Nested
	class Header {

		List<Cell> cells(String... names) {
			return java.util.Arrays.stream(names).map(Cell::text).toList();
		}

		@Test
		void matchesChineseHeadersAndEnglishKeysInAnyOrder() {
			List<RowError> errors = new ArrayList<>();

			var match = HeaderMatch.match(OrganizationsFormat.COLUMNS, cells("kind", "组织名称", "parent_code", "组织编码"),
					errors);

			assertThat(errors).isEmpty();
			assertThat(match.orElseThrow()).containsEntry(0, OrganizationsFormat.KIND)
				.containsEntry(1, OrganizationsFormat.NAME)
				.containsEntry(2, OrganizationsFormat.PARENT)
				.containsEntry(3, OrganizationsFormat.CODE);
		}

		@Test
		void refusesUnknownDuplicateAndMissingColumns() {
			List<RowError> errors = new ArrayList<>();

			var match = HeaderMatch.match(OrganizationsFormat.COLUMNS, cells("组织编码", "组织名称", "code", "备注", "组织类别"),
					errors);

			assertThat(match).isEmpty();
			assertThat(errors).extracting(RowError::row).containsOnly(1);
			assertThat(errors).extracting(RowError::reason)
				.containsExactly("列“组织编码”重复（第 1 列和第 3 列）", "未知的列“备注”：请使用模板中的表头", "缺少必需的列“上级组织编码”");
		}

	}

}
