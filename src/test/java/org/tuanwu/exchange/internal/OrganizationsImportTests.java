package org.tuanwu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.shared.RowError;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;

@DatabaseTest
class OrganizationsImportTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	static final String HEADER = "组织编码,组织名称,上级组织编码,组织类别,所属领域,成立日期,届期(年),14至35岁常住青年数";

	@Autowired
	ExchangeService exchange;

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	final Actor admin = Actor.commandLine("tester");

	/** A prefix unique to this test, for codes in the shared database. */
	String p;

	OrgDetail root;

	@BeforeEach
	void root() {
		p = "IM" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase() + SEQ.incrementAndGet();
		root = orgs.createRoot(admin, draft(p + "R", "共青团测试市委员会", OrgKind.CITY_COMMITTEE));
	}

	static OrgDraft draft(String code, String name, OrgKind kind) {
		return new OrgDraft(code, name, kind, Sector.PARTY_GOVERNMENT, Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

	ImportReport importCsv(Actor actor, String... lines) throws IOException {
		Path file = dir.resolve("orgs-" + SEQ.incrementAndGet() + ".csv");
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		return exchange.importFile(actor, "organizations", file.getFileName().toString(), file);
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM org WHERE code LIKE :p").param("p", p + "%").query(Long.class).single();
	}

	String path(long id) {
		return jdbc.sql("SELECT path FROM org WHERE id = :id").param("id", id).query(String.class).single();
	}

	/**
	 * Written by COPY on PostgreSQL: quotes, commas and backslashes come back exactly.
	 */
	@Test
	void namesWithQuotesCommasAndBackslashesComeBackExactly() throws IOException {
		ImportReport report = importCsv(admin, HEADER, p + "Q,\"共青团\"\"测试\"\",县\\N委员会\"," + p + "R,团县委,党政机关,,,");

		assertThat(report.errors()).isEmpty();
		assertThat(orgs.findByCode(admin, p + "Q").orElseThrow().name()).isEqualTo("共青团\"测试\",县\\N委员会");
		assertThat(orgs.findByCode(admin, p + "Q").orElseThrow().residentYouth()).isEmpty();
	}

	@Test
	void createsOrgsParentsInTheFileAfterTheirChildren() throws IOException {
		// The township comes before its county in the file: parents may be anywhere in
		// the file.
		ImportReport report = importCsv(admin, HEADER, p + "T,共青团测试镇委员会," + p + "C,乡镇团委,乡镇街道,2019-05-04,３,1200",
				p + "C,共青团测试县委员会," + p + "R,团县委,党政机关,,,");

		assertThat(report.errors()).isEmpty();
		assertThat(report).extracting(ImportReport::rows, ImportReport::created, ImportReport::updated)
			.containsExactly(2, 2, 0);
		OrgDetail township = orgs.findByCode(admin, p + "T").orElseThrow();
		assertThat(township.kind()).isEqualTo(OrgKind.TOWNSHIP_COMMITTEE);
		assertThat(township.sector()).isEqualTo(Sector.TOWNSHIP);
		assertThat(township.parent().orElseThrow().code()).isEqualTo(p + "C");
		assertThat(township.establishedOn()).contains(LocalDate.of(2019, 5, 4));
		assertThat(township.termYears()).isEqualTo(3);
		assertThat(township.residentYouth()).contains(1200);
		// No term given: the kind's default, 5 years for a county committee.
		assertThat(orgs.findByCode(admin, p + "C").orElseThrow().termYears()).isEqualTo(5);
	}

	@Test
	void importingTheSameFileAgainChangesNothingAndAChangedNameUpdates() throws IOException {
		String[] file = { HEADER, p + "C,共青团测试县委员会," + p + "R,团县委,党政机关,,," };
		importCsv(admin, file);

		ImportReport again = importCsv(admin, file);
		ImportReport renamed = importCsv(admin, HEADER, p + "C,共青团测试县委员会（新）," + p + "R,团县委,党政机关,,,");

		assertThat(again).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
			.containsExactly(0, 0, 1);
		assertThat(renamed).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
			.containsExactly(0, 1, 0);
		assertThat(count()).isEqualTo(2); // the root and the county, never duplicated
		assertThat(orgs.findByCode(admin, p + "C").orElseThrow().name()).isEqualTo("共青团测试县委员会（新）");
	}

	@Test
	void refusesAParentThatExistsNeitherInTheFileNorInTheDatabase() throws IOException {
		ImportReport report = importCsv(admin, HEADER, p + "C,县," + p + "NOPE,团县委,,,,");

		assertThat(report.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(2);
			assertThat(e.column()).isEqualTo("上级组织编码");
			assertThat(e.value()).isEqualTo(p + "NOPE");
			assertThat(e.reason()).contains("不存在");
		});
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void refusesACodeTwiceInTheFile() throws IOException {
		ImportReport report = importCsv(admin, HEADER, p + "C,县一," + p + "R,团县委,,,,", p + "C,县二," + p + "R,团县委,,,,");

		assertThat(report.errors()).extracting(RowError::row, RowError::column, RowError::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "组织编码", p + "C"));
		assertThat(report.errors().get(0).reason()).contains("重复").contains("第 2 行");
	}

	@Test
	void refusesACycleInTheFile() throws IOException {
		ImportReport report = importCsv(admin, HEADER, p + "A,甲," + p + "B,基层团委,,,,", p + "B,乙," + p + "A,基层团委,,,,");

		assertThat(report.errors()).extracting(RowError::row).containsExactly(2, 3);
		assertThat(report.errors()).allSatisfy(e -> {
			assertThat(e.field()).isEqualTo("parent_code");
			assertThat(e.column()).isEqualTo("上级组织编码");
			assertThat(e.reason()).startsWith("上下级关系构成循环");
		});
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void refusesAnUnknownKindAndAFutureDate() throws IOException {
		String future = LocalDate.now().plusDays(10).toString();
		ImportReport report = importCsv(admin, HEADER, p + "A,甲," + p + "R,团小组,,,,",
				p + "B,乙," + p + "R,团工委,," + future + ",,");

		assertThat(report.errors()).hasSize(2);
		RowError kind = report.errors().get(0);
		assertThat(kind.row()).isEqualTo(2);
		assertThat(kind.column()).isEqualTo("组织类别");
		assertThat(kind.value()).isEqualTo("团小组");
		assertThat(kind.reason()).startsWith("组织类别应为以下之一：团省委、团市委");
		RowError date = report.errors().get(1);
		assertThat(date.row()).isEqualTo(3);
		assertThat(date.column()).isEqualTo("成立日期");
		assertThat(date.value()).isEqualTo(future);
		assertThat(date.field()).isEqualTo("established_on");
		assertThat(date.reason()).isEqualTo("成立日期不能晚于今天");
	}

	@Test
	void oneBadRowWritesNothingAtAll() throws IOException {
		long before = count();

		ImportReport report = importCsv(admin, HEADER, p + "A,甲," + p + "R,团工委,,,,", p + "B,乙," + p + "A,团支部,,,,",
				p + "C,丙," + p + "A,团支部,,2020-02-30,,", p + "D,丁," + p + "A,团支部,,,,");

		assertThat(report.refused()).isTrue();
		assertThat(report.errors()).extracting(RowError::row, RowError::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "不是有效的日期"));
		assertThat(report.created()).isZero();
		assertThat(count()).isEqualTo(before).isEqualTo(1);
	}

	@Test
	void aRowRefusedWhileParsingDoesNotMakeItsChildrenReportAMissingParent() throws IOException {
		ImportReport report = importCsv(admin, HEADER, p + "A,甲," + p + "R,团小组,,,,", p + "B,乙," + p + "A,团支部,,,,");

		assertThat(report.errors()).extracting(RowError::row).containsExactly(2);
	}

	@Test
	void exportThenImportChangesNothingInCsvAndXlsx() throws IOException {
		importCsv(admin, HEADER, p + "C,共青团测试县委员会," + p + "R,团县委,党政机关,2015-01-01,,",
				p + "T,\"测试镇,团委\"," + p + "C,乡镇团委,乡镇街道,2019-05-04,3,1200", p + "B,测试村团支部," + p + "T,团支部,村社区,,,");
		for (FileKind kind : FileKind.values()) {
			Path file = dir.resolve("export." + kind.extension());
			try (OutputStream out = Files.newOutputStream(file)) {
				int written = exchange.export(admin, "organizations", kind, Optional.of(root.id()), true, out);
				assertThat(written).isEqualTo(4);
			}

			ImportReport back = exchange.importFile(admin, "organizations", file.getFileName().toString(), file);

			assertThat(back.errors()).isEmpty();
			assertThat(back)
				.extracting(ImportReport::rows, ImportReport::created, ImportReport::updated, ImportReport::unchanged)
				.containsExactly(4, 0, 0, 4);
		}
		assertThat(orgs.findByCode(admin, p + "T").orElseThrow().name()).isEqualTo("测试镇,团委");
	}

	@Test
	void anOrgAdminCannotImportIntoOrOverAnotherSubtree() throws IOException {
		OrgDetail mine = orgs.create(admin, root.id(), draft(p + "M", "本县", OrgKind.COUNTY_COMMITTEE));
		orgs.create(admin, root.id(), draft(p + "O", "他县", OrgKind.COUNTY_COMMITTEE));
		Actor orgAdmin = new Actor(4242, "county-admin", Set.of(Role.ORG_ADMIN), Scope.of(mine.id(), path(mine.id())),
				"test");

		ImportReport underOther = importCsv(orgAdmin, HEADER, p + "N,新镇," + p + "O,乡镇团委,,,,",
				p + "K,本县新镇," + p + "M,乡镇团委,,,,");
		ImportReport overOther = importCsv(orgAdmin, HEADER, p + "O,他县改名," + p + "R,团县委,,,,");

		assertThat(underOther.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(2);
			assertThat(e.column()).isEqualTo("上级组织编码");
			assertThat(e.reason()).isEqualTo("上级组织不存在或不在您的管理范围内");
		});
		// The code belongs to an org outside the scope: it is unavailable, and nothing
		// says
		// where (neither "outside your scope" nor the org's name).
		assertThat(overOther.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(2);
			assertThat(e.column()).isEqualTo("组织编码");
			assertThat(e.reason()).isEqualTo("组织编码 " + p + "O 不可用，请换一个编码");
			assertThat(e.reason()).doesNotContain("他县").doesNotContain("管理范围之外");
		});
		assertThat(orgs.findByCode(admin, p + "O").orElseThrow().name()).isEqualTo("他县");
		assertThat(orgs.findByCode(admin, p + "N")).isEmpty();
		assertThat(orgs.findByCode(admin, p + "K")).isEmpty();

		ImportReport inside = importCsv(orgAdmin, HEADER, p + "K,本县新镇," + p + "M,乡镇团委,,,,");
		assertThat(inside.created()).isEqualTo(1);
	}

	@Test
	void aFileWithAnUnknownColumnIsRefusedAtTheHeader() throws IOException {
		ImportReport report = importCsv(admin, HEADER + ",备注", p + "A,甲," + p + "R,团工委,,,,,x");

		assertThat(report.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(1);
			assertThat(e.column()).isEqualTo("备注");
		});
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void theTemplateListsTheHeadersASampleRowAndTheAllowedValues() throws IOException {
		Path csv = dir.resolve("t.csv");
		try (OutputStream out = Files.newOutputStream(csv)) {
			exchange.template("organizations", FileKind.CSV, out);
		}
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo(
				"\uFEFF组织编码,组织名称,上级组织编码,组织类别,所属领域,成立日期,最近换届日期,届期(年)," + "14至35岁常住青年数,6至35岁户籍人口数,撤销日期,已成立青年工作委员会");
		assertThat(lines.get(1)).isEqualTo("X0101,共青团示例镇委员会,X01,乡镇团委,乡镇街道,2018-05-04,2023-05-04,3,1200,3000,,是");

		Path xlsx = dir.resolve("t.xlsx");
		try (OutputStream out = Files.newOutputStream(xlsx)) {
			exchange.template("organizations", FileKind.XLSX, out);
		}
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(3);
			var allowed = wb.getSheet("可选值");
			assertThat(allowed.getRow(0).getCell(0).getStringCellValue()).isEqualTo("组织类别");
			assertThat(allowed.getRow(13).getCell(0).getStringCellValue()).isEqualTo("流动团员团支部");
			assertThat(allowed.getRow(15).getCell(1).getStringCellValue()).isEqualTo("其他");
			assertThat(allowed.getRow(2).getCell(2).getStringCellValue()).isEqualTo("否");
		}
	}

}
