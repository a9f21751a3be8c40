package org.tuanwu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;

@DatabaseTest
@AutoConfigureMockMvc
class ExchangeControllerTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	JdbcClient jdbc;

	final Actor admin = new Actor(0, "web-admin", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "test");

	String p;

	OrgDetail root;

	@BeforeEach
	void root() {
		p = "WC" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase() + SEQ.incrementAndGet();
		root = orgs.createRoot(Actor.commandLine("tester"),
				new OrgDraft(p + "R", "共青团测试市委员会", OrgKind.CITY_COMMITTEE, Sector.PARTY_GOVERNMENT, Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
	}

	static RequestPostProcessor as(Actor actor) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
	}

	MockMultipartFile csv(String name, String... lines) {
		return new MockMultipartFile("file", name, "text/csv",
				(String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	String actions(String fileName) {
		return String.join(",",
				jdbc.sql("SELECT action FROM audit_event WHERE summary LIKE :s ORDER BY id")
					.param("s", "%" + fileName + "%")
					.query(String.class)
					.list());
	}

	@Test
	void importsAFileAndAnswersTheCounts() throws Exception {
		String name = p + ".csv";
		mvc.perform(multipart("/api/v1/exchange/organizations/import")
			.file(csv(name, "code,name,parent_code,kind", p + "C,县," + p + "R,团县委"))
			.with(csrf())
			.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.rows").value(1));

		assertThat(orgs.findByCode(admin, p + "C")).isPresent();
		assertThat(actions(name)).isEqualTo("IMPORT");
	}

	@Test
	void aRefusalFoundByTheOrgRulesNamesTheFieldKeyAndTheColumnHeader() throws Exception {
		String name = p + "-rule.csv";
		// 团支部 under 团支部: found by the org module (by field key), shown with its header
		mvc.perform(multipart("/api/v1/exchange/organizations/import")
			.file(csv(name, "组织编码,组织名称,上级组织编码,组织类别", p + "A,甲," + p + "R,团支部", p + "B,乙," + p + "A,团支部"))
			.with(csrf())
			.with(as(admin)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].column").value("组织类别"))
			.andExpect(jsonPath("$.errors[0].value").value("团支部"))
			.andExpect(jsonPath("$.errors[0].reason").value("团支部之下不能再设下级组织（团员只属于团支部，团小组不是组织）"));
	}

	@Test
	void aRefusedRowSpeaksTheRequestsLanguageWithTheSameCodeAndTheChineseColumn() throws Exception {
		for (String language : List.of("zh-CN", "en-US")) {
			String name = p + "-lang-" + language + ".csv";
			var result = mvc
				.perform(multipart("/api/v1/exchange/organizations/import")
					.file(csv(name, "组织编码,组织名称,上级组织编码,组织类别", p + "L,甲," + p + "R,团小组"))
					.header("Accept-Language", language)
					.with(csrf())
					.with(as(admin)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("import.refused"))
				.andExpect(jsonPath("$.errors[0].column").value("组织类别"));
			if (language.startsWith("en")) {
				result.andExpect(jsonPath("$.detail").value("Import refused: 1 rows have errors; nothing was written"))
					.andExpect(jsonPath("$.errors[0].reason")
						.value(org.hamcrest.Matchers.startsWith("\"组织类别\" must be one of: ")));
			}
			else {
				result.andExpect(jsonPath("$.detail").value("导入失败：1 行有错误，未写入任何数据"))
					.andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith("组织类别应为以下之一：")));
			}
		}
	}

	@Test
	void refusesAFileWithABadRowAs422ListingEveryBadRow() throws Exception {
		String name = p + "-bad.csv";
		mvc.perform(multipart("/api/v1/exchange/organizations/import")
			.file(csv(name, "组织编码,组织名称,上级组织编码,组织类别", p + "A,甲," + p + "R,团工委", p + "B,乙," + p + "R,团小组"))
			.with(csrf())
			.with(as(admin)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("import.refused"))
			.andExpect(jsonPath("$.detail").value("导入失败：1 行有错误，未写入任何数据"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].column").value("组织类别"))
			.andExpect(jsonPath("$.errors[0].value").value("团小组"))
			.andExpect(jsonPath("$.errors[0].reason").exists());

		assertThat(orgs.findByCode(admin, p + "A")).isEmpty();
		assertThat(actions(name)).isEqualTo("IMPORT_REFUSED");
	}

	@Test
	void refusesAnUploadOver30MegabytesAs413() throws Exception {
		byte[] big = new byte[31 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');

		mvc.perform(multipart("/api/v1/exchange/organizations/import")
			.file(new MockMultipartFile("file", "big.csv", "text/csv", big))
			.with(csrf())
			.with(as(admin)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.code").value("file.too-large"));
	}

	@Test
	void answersAnUnknownTypeWith404() throws Exception {
		mvc.perform(get("/api/v1/exchange/spaceships/template").with(as(admin)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("exchange.unknown-type"));
	}

	@Test
	void refusesAUserWithoutTheImportPermission() throws Exception {
		Actor reviewer = new Actor(7, "reviewer", Set.of(Role.PARTY_REVIEWER), Scope.ALL, "test");

		mvc.perform(multipart("/api/v1/exchange/organizations/import")
			.file(csv("x.csv", "code,name,parent_code,kind", p + "C,县," + p + "R,团县委"))
			.with(csrf())
			.with(as(reviewer))).andExpect(status().isForbidden());
		mvc.perform(
				post("/api/v1/exchange/organizations/export").with(csrf()).param("format", "csv").with(as(reviewer)))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesAnAnonymousCaller() throws Exception {
		mvc.perform(get("/api/v1/exchange/organizations/template")).andExpect(status().isUnauthorized());
	}

	@Test
	void servesTheTemplateWithAUtf8FileName() throws Exception {
		var response = mvc
			.perform(get("/api/v1/exchange/organizations/template").param("format", "xlsx").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(response.getHeader("Content-Disposition")).contains("attachment")
			.contains("filename*=UTF-8''%E5%9B%A2%E7%BB%84%E7%BB%87-%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("组织编码");
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("X0101");
		}
	}

	@Test
	void exportsTheSubtreeParentsFirstAndAuditsIt() throws Exception {
		orgs.create(admin, root.id(),
				new OrgDraft(p + "C", "县", OrgKind.COUNTY_COMMITTEE, Sector.PARTY_GOVERNMENT, Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
		long before = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT'").query(Long.class).single();

		String body = mvc
			.perform(post("/api/v1/exchange/organizations/export").with(csrf())
				.param("format", "csv")
				.param("under", Long.toString(root.id()))
				.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		List<String> lines = body.lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith(p + "R,共青团测试市委员会,,团市委,党政机关,,,5,");
		assertThat(lines.get(2)).startsWith(p + "C,县," + p + "R,团县委,");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT'").query(Long.class).single())
			.isEqualTo(before + 1);
	}

	@Test
	void annotatesARefusedFileWithAFirstColumnOfErrors() throws Exception {
		byte[] xlsx = mvc
			.perform(multipart("/api/v1/exchange/organizations/annotate")
				.file(csv("名单.csv", "组织编码,组织名称,上级组织编码,组织类别", p + "A,甲," + p + "R,团工委", p + "B,乙," + p + "R,团小组"))
				.with(csrf())
				.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString(
							"filename*=UTF-8''%E5%90%8D%E5%8D%95-%E9%94%99%E8%AF%AF%E8%AF%B4%E6%98%8E.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("错误说明");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("组织编码");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEmpty();
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("[组织类别] 团小组: 组织类别应为以下之一");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(p + "B");
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getFillForegroundColor())
				.isNotEqualTo(sheet.getRow(1).getCell(1).getCellStyle().getFillForegroundColor());
		}
		// Annotating checks; it never writes.
		assertThat(orgs.findByCode(admin, p + "A")).isEmpty();
	}

}
