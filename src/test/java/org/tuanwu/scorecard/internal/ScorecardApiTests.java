package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.shared.Command;
import org.tuanwu.support.TestUsers;

/**
 * The scorecard API and command on the real database. No indicator source is registered
 * in the shared context yet (the organization module brings them), so every figure here
 * is NO_DATA or INFO: what is tested is the contract, scope, refusals, packs, exports and
 * that the command prints the API's JSON.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ScorecardApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<Command> commands;

	final Actor admin = new Actor(0, "web-admin", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "test");

	OrgDetail county;

	OrgDetail town;

	OrgDetail other;

	@BeforeEach
	void tree() {
		county = orgs.createRoot(admin, TestUsers.draft(TestUsers.unique("SC"), "共青团示例县委员会", OrgKind.COUNTY_COMMITTEE));
		town = orgs.create(admin, county.id(),
				TestUsers.draft(TestUsers.unique("ST"), "共青团甲镇委员会", OrgKind.TOWNSHIP_COMMITTEE));
		other = orgs.createRoot(admin, TestUsers.draft(TestUsers.unique("SO"), "共青团他县委员会", OrgKind.COUNTY_COMMITTEE));
	}

	static RequestPostProcessor as(Actor actor) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
	}

	Actor adminOf(OrgDetail org) {
		String path = jdbc.sql("SELECT path FROM org WHERE id = ?").param(org.id()).query(String.class).single();
		return new Actor(1, "admin-of-" + org.code(), Set.of(Role.ORG_ADMIN), Scope.of(org.id(), path), "test");
	}

	@Test
	void givesTheScorecardWithEveryIndicatorOfThePackAndTheChildren() throws Exception {
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", "JC")
			.param("period", "2024")
			.with(as(adminOf(county))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pack.id").value("JC"))
			.andExpect(jsonPath("$.pack.version").value(1))
			.andExpect(jsonPath("$.period").value("2024"))
			.andExpect(jsonPath("$.org.code").value(county.code()))
			.andExpect(jsonPath("$.indicators.length()").value(33))
			.andExpect(jsonPath("$.indicators[0].code").value("ORG_NONPUBLIC_COVERAGE"))
			.andExpect(jsonPath("$.indicators[0].status").value("NO_DATA"))
			.andExpect(jsonPath("$.indicators[0].value").isEmpty())
			// no units registered under this county: a rate over nothing is no data,
			// never a pass
			.andExpect(jsonPath("$.indicators[0].reason").value("没有需要考核的记录（分母为 0）"))
			// a code whose records the platform does not keep yet is listed, with that
			// reason
			.andExpect(jsonPath("$.indicators[?(@.code=='MEM_REGISTRATION_RATE')].status").value(contains("NO_DATA")))
			.andExpect(jsonPath("$.indicators[?(@.code=='MEM_REGISTRATION_RATE')].reason")
				.value(contains("平台尚未记录该指标所需的数据")))
			.andExpect(jsonPath("$.indicators[0].target.op").value(">="))
			.andExpect(jsonPath("$.indicators[0].source").value("JC-08"))
			.andExpect(jsonPath("$.indicators[0].unit").value("rate"))
			.andExpect(jsonPath("$.indicators[0].area").value("ORG"))
			.andExpect(jsonPath("$.children[0].org.code").value(town.code()))
			.andExpect(jsonPath("$.children[0].org.kind").value("TOWNSHIP_COMMITTEE"))
			.andExpect(jsonPath("$.dataVersion").isNumber());
	}

	@Test
	void refusesAnOrgOutsideTheScopeAnUnknownPackAndABadPeriod() throws Exception {
		mvc.perform(get("/api/v1/scorecards").param("org", other.code())
			.param("pack", "JC")
			.param("period", "2024")
			.with(as(adminOf(county))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("org.not-found"));
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", "NOPE")
			.param("period", "2024")
			.with(as(admin)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("scorecard.pack-not-found"));
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", "JC")
			.param("period", "2999")
			.with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("scorecard.period-future"));
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", "JC")
			.param("period", "24")
			.with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("scorecard.period-invalid"));
	}

	/**
	 * Rolled back at the end, like every upload of this class: packs are global, and the
	 * dashboard test counts exactly the built-in ones.
	 */
	@Test
	@Transactional
	void uploadsANewVersionKeepingTheOldOneEvaluable() throws Exception {
		String id = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		String v1 = """
				id: %s
				title: 测试市实施方案
				issuer: 测试市团委
				clauses:
				  C-1: 村级团组织设置达到100%%。
				indicators:
				  - {code: ORG_VILLAGE_COVERAGE, target: {op: ">=", value: 1.0}, clause: C-1}
				""".formatted(id);
		mvc.perform(multipart("/api/v1/rule-packs").file(yaml(v1)).with(csrf()).with(as(admin)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.builtIn").value(false));
		mvc.perform(multipart("/api/v1/rule-packs").file(yaml(v1.replace("value: 1.0", "value: 0.9")))
			.with(csrf())
			.with(as(admin)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.versions.length()").value(2));

		mvc.perform(get("/api/v1/rule-packs/" + id).param("version", "1").with(as(admin)))
			.andExpect(jsonPath("$.indicators[0].target.value").value(1.0));
		mvc.perform(get("/api/v1/rule-packs/" + id).with(as(admin)))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.indicators[0].target.value").value(0.9));
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", id)
			.param("version", "1")
			.param("period", "2023")
			.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pack.version").value(1))
			.andExpect(jsonPath("$.indicators[0].target.value").value(1.0));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RULE_PACK_UPLOADED' AND target_id = ?")
			.param(id + ":2")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	@Transactional
	void refusesABadPackWithEveryErrorAndUploadsOnlyForManagers() throws Exception {
		String bad = """
				id: BAD
				title: 错误的规则包
				clauses: {C-1: 原文}
				indicators:
				  - {code: NOT_A_CODE, target: {op: ">=", value: 1.0}, clause: C-1}
				  - {code: ORG_SOE_COVERAGE, target: {op: "≥", value: 1.0}, clause: C-1}
				""";
		mvc.perform(multipart("/api/v1/rule-packs").file(yaml(bad)).with(csrf()).with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("scorecard.pack-invalid"))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("indicators[0].code"))
			// Where it is: the code on line 5, column 12; the op on line 6.
			.andExpect(jsonPath("$.errors[0].line").value(5))
			.andExpect(jsonPath("$.errors[0].column").value(12))
			.andExpect(jsonPath("$.errors[0].message").value("第 5 行第 12 列：未知的指标编码：NOT_A_CODE"))
			.andExpect(jsonPath("$.errors[1].line").value(6));
		mvc.perform(multipart("/api/v1/rule-packs").file(yaml("id: [unclosed\n")).with(csrf()).with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("yaml"))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("expected"))));
		mvc.perform(multipart("/api/v1/rule-packs").file(yaml(bad)).with(csrf()).with(as(adminOf(county))))
			.andExpect(status().isForbidden());
	}

	@Test
	void listsViewsAndDownloadsTheBuiltInPacks() throws Exception {
		mvc.perform(get("/api/v1/rule-packs").with(as(adminOf(county))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'SZX')].builtIn").value(true))
			.andExpect(jsonPath("$[?(@.id == 'SZX')].indicatorCount").value(6));
		mvc.perform(get("/api/v1/rule-packs/SZX").with(as(admin)))
			.andExpect(jsonPath("$.issuer").isNotEmpty())
			.andExpect(jsonPath("$.clauses['SZX (一)']").isNotEmpty())
			.andExpect(jsonPath("$.indicators[?(@.code == 'ORG_SOCIAL_COVERAGE')].target.value").value(0.6));
		String yaml = mvc.perform(get("/api/v1/rule-packs/JC/download").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(yaml).contains("id: JC").contains("PLL_ASSESSMENT_WEIGHT");
	}

	@Test
	void exportsAPdfWithTheOrgNameAndAnAuditEntry() throws Exception {
		byte[] pdf = mvc
			.perform(post("/api/v1/scorecards/export").with(csrf())
				.param("org", county.code())
				.param("pack", "QZ")
				.param("period", "2024")
				.param("format", "pdf")
				.with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		PdfReader reader = new PdfReader(pdf);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("共青团示例县委员会").contains("村(社区)团组织设置率").contains("无数据");
		reader.close();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND target_id LIKE ?")
			.param("QZ:1:" + county.code() + ":2024")
			.query(Long.class)
			.single()).isEqualTo(1);

		mvc.perform(post("/api/v1/scorecards/export").with(csrf())
			.param("org", county.code())
			.param("pack", "QZ")
			.param("period", "2024")
			.param("format", "xlsx")
			.with(as(admin))).andExpect(status().isOk());
	}

	@Test
	void theCommandPrintsTheSameJsonAsTheApi() throws Exception {
		String api = mvc
			.perform(get("/api/v1/scorecards").param("org", county.code())
				.param("pack", "JC")
				.param("period", "2023")
				.with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Command command = commands.stream().filter(c -> c.name().equals("scorecard")).findFirst().orElseThrow();
		int status = command.run(List.of("--org=" + county.code(), "--pack", "JC", "--period", "2023"),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(api.strip());
	}

	@Test
	void theCommandRefusesBadInputWithItsExitStatus() {
		Command command = commands.stream().filter(c -> c.name().equals("scorecard")).findFirst().orElseThrow();
		PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

		assertThat(command.run(List.of("--org", county.code(), "--pack", "NOPE", "--period", "2024"), sink, sink))
			.isEqualTo(1);
		assertThat(command.run(List.of("--org", "NO-SUCH-ORG", "--pack", "JC", "--period", "2024"), sink, sink))
			.isEqualTo(1);
		assertThat(command.run(List.of("--org", county.code(), "--pack", "JC", "--period", "20x4"), sink, sink))
			.isEqualTo(1);
		assertThat(command.run(List.of("--org", county.code(), "--pack", "JC"), sink, sink)).isEqualTo(2);
		assertThat(command.run(List.of("--org", county.code(), "--pack", "JC", "--period", "2024", "--format", "doc"),
				sink, sink))
			.isEqualTo(2);
	}

	@Test
	void dashboardTalliesEveryPackForTheCallersScope() throws Exception {
		mvc.perform(get("/api/v1/dashboard").with(as(adminOf(county))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.org.code").value(county.code()))
			.andExpect(jsonPath("$.tiles.orgs").value(2))
			.andExpect(jsonPath("$.tiles.branches").value(0))
			// Worked out by hand for a county and a township without dates or units: QZ
			// fails ORG_TERM_ON_TIME (0/2),
			// ORG_TOWN_YOUTH_COMMITTEE (0/1) and ORG_YOUTH_SOCIETY_LED (0 < 3); SZX fails
			// ORG_TERM_ON_TIME only
			// (its ORG_NEW_NONPUBLIC_COUNT ≥ 90 applies to city committees, not to a
			// county); nothing is met.
			.andExpect(jsonPath("$.packs[?(@.id=='QZ')].notMet").value(contains(3)))
			.andExpect(jsonPath("$.packs[?(@.id=='SZX')].notMet").value(contains(1)))
			.andExpect(jsonPath("$.tiles.indicatorsMet").value(0))
			// Exactly the six built-in packs: this class rolls its uploads back.
			.andExpect(jsonPath("$.packs.length()").value(6))
			.andExpect(jsonPath("$.packs[0].id").value("STD"))
			.andExpect(jsonPath("$.packs[5].id").value("SZX"))
			.andExpect(jsonPath("$.packs[1].id").value("JC"))
			.andExpect(jsonPath("$.packs[1].info").value(4))
			// No dates and no units: nothing to do, every kind listed with 0.
			.andExpect(jsonPath("$.todos.total").value(0))
			.andExpect(jsonPath("$.todos.kinds[*].kind")
				.value(contains("TERM_EXPIRED", "TERM_EXPIRING", "VILLAGE_UNCOVERED")))
			.andExpect(jsonPath("$.todos.kinds[*].count").value(contains(0, 0, 0)))
			// the township is behind on its own term and youth work committee
			.andExpect(jsonPath("$.worstChildren.length()").value(1))
			.andExpect(jsonPath("$.worstChildren[0].org.code").value(town.code()))
			.andExpect(jsonPath("$.worstChildren[0].worst[*].code")
				.value(org.hamcrest.Matchers.hasItems("ORG_TERM_ON_TIME", "ORG_TOWN_YOUTH_COMMITTEE")));
	}

	/**
	 * The platform-wide view opens at the living root whose code sorts first. The test
	 * makes its own: a dissolved root "00…" that sorts before everything, and a living
	 * root "0…" right after it (every other test's codes start with a letter); both are
	 * dissolved at the end, so that later runs on the same database are not affected.
	 */
	@Test
	void aPlatformWideDashboardStartsAtTheFirstLivingRootByCode() throws Exception {
		OrgDetail gone = orgs.createRoot(admin,
				TestUsers.draft(TestUsers.unique("00"), "已撤销的根", OrgKind.COUNTY_COMMITTEE));
		orgs.dissolve(admin, gone.id(), java.time.LocalDate.now(), "测试结束");
		OrgDetail first = orgs.createRoot(admin,
				TestUsers.draft(TestUsers.unique("0"), "排在最前的根", OrgKind.COUNTY_COMMITTEE));
		try {
			mvc.perform(get("/api/v1/dashboard").with(as(admin)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.org.code").value(first.code()))
				.andExpect(jsonPath("$.org.name").value("排在最前的根"));
		}
		finally {
			orgs.dissolve(admin, first.id(), java.time.LocalDate.now(), "测试结束");
		}
	}

	@Test
	void servesIndicatorNamesInEnglishWhenAsked() throws Exception {
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", "QZ")
			.param("period", "2024")
			.header("Accept-Language", "en")
			.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.indicators[?(@.code=='ORG_VILLAGE_COVERAGE')].name")
				.value(contains("Villages and communities with a league org")));
		mvc.perform(get("/api/v1/scorecards").param("org", county.code())
			.param("pack", "QZ")
			.param("period", "2024")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.with(as(admin)))
			.andExpect(jsonPath("$.indicators[?(@.code=='ORG_VILLAGE_COVERAGE')].name").value(contains("村(社区)团组织设置率")));
		mvc.perform(get("/api/v1/rule-packs/QZ").header("Accept-Language", "en-GB").with(as(admin)))
			.andExpect(jsonPath("$.indicators[?(@.code=='ORG_TERM_ON_TIME')].name")
				.value(contains("Terms renewed on time")))
			.andExpect(jsonPath("$.indicators[?(@.code=='ORG_TERM_ON_TIME')].unit").value(contains("rate")));
	}

	@Test
	void trendGivesOneFigurePerYear() throws Exception {
		mvc.perform(get("/api/v1/scorecards/trend").param("org", county.code())
			.param("pack", "QZ")
			.param("code", "ORG_VILLAGE_COVERAGE")
			.param("from", "2020")
			.param("to", "2023")
			.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(4))
			.andExpect(jsonPath("$[0].period").value("2020"))
			.andExpect(jsonPath("$[3].status").value("NO_DATA"));
		mvc.perform(get("/api/v1/scorecards/trend").param("org", county.code())
			.param("pack", "QZ")
			.param("code", "ORG_VILLAGE_COVERAGE")
			.param("from", "2000")
			.param("to", "2023")
			.with(as(admin))).andExpect(status().isBadRequest());
	}

	static MockMultipartFile yaml(String text) {
		return new MockMultipartFile("file", "pack.yaml", "application/yaml", text.getBytes(StandardCharsets.UTF_8));
	}

}
