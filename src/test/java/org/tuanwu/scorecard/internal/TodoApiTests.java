package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import org.tuanwu.organization.UnitDraft;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.organization.UnitType;
import org.tuanwu.support.TestUsers;

/**
 * 待办提醒 over the API on a tree of its own, dated relative to today:
 *
 * <pre>
 * 县 K (elected a year ago, 5 years: running)
 * ├── 甲镇 A (TOWNSHIP, elected 4 years ago, 3 years: expired a year ago)
 * │   ├── a1 (branch, elected 3 years ago, 2 years: expired a year ago)
 * │   villages A1 (covered by a1), A2 (none)
 * └── 乙街道 B (STREET, elected 3 years ago less 30 days, 3 years: ends in 30 days)
 *     ├── b1 (branch, elected a year ago, 2 years: running)
 *     villages B1 (none), B2 (covered by b1)
 * </pre>
 *
 * So: 2 expired terms (A, a1), 1 expiring (B), 2 uncovered villages (A2, B1) — 5 items.
 */
@DatabaseTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class TodoApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	UnitRegister units;

	@Autowired
	TestUsers fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final Actor admin = new Actor(0, "todo-admin", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "test");

	OrgDetail county, townA, streetB, a1, b1, other;

	LocalDate today;

	OrgDetail org(@Nullable OrgDetail parent, String name, OrgKind kind, LocalDate elected, int termYears) {
		OrgDraft draft = new OrgDraft(TestUsers.unique("TD"), name, kind, Sector.OTHER, Optional.empty(),
				Optional.of(elected), Optional.of(termYears), Optional.empty(), Optional.empty(), Optional.empty());
		return parent == null ? orgs.createRoot(admin, draft) : orgs.create(admin, parent.id(), draft);
	}

	void village(String name, OrgDetail responsible, @Nullable OrgDetail league) {
		units.create(admin, new UnitDraft(TestUsers.unique("TV"), name, UnitType.VILLAGE, responsible.id(),
				Optional.ofNullable(league).map(OrgDetail::id), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
	}

	@BeforeEach
	void tree() {
		today = LocalDate.now(clock);
		county = org(null, "待办测试县团委", OrgKind.COUNTY_COMMITTEE, today.minusYears(1), 5);
		townA = org(county, "甲镇团委", OrgKind.TOWNSHIP_COMMITTEE, today.minusYears(4), 3);
		streetB = org(county, "乙街道团工委", OrgKind.STREET_WORK_COMMITTEE, today.minusYears(3).plusDays(30), 3);
		a1 = org(townA, "甲一村团支部", OrgKind.BRANCH, today.minusYears(3), 2);
		b1 = org(streetB, "乙一社区团支部", OrgKind.BRANCH, today.minusYears(1), 2);
		village("甲一村", townA, a1);
		village("甲二村", townA, null);
		village("乙一社区", streetB, null);
		village("乙二社区", streetB, b1);
		other = org(null, "他县团委", OrgKind.COUNTY_COMMITTEE, today.minusYears(1), 5);
	}

	static RequestPostProcessor as(Actor actor) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
	}

	@Test
	void summaryCountsEveryKindAndShowsTheFirstItems() throws Exception {
		mvc.perform(get("/api/v1/todos/summary").param("org", county.code()).with(as(fixtures.adminOf(county))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.org.code").value(county.code()))
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(
					jsonPath("$.kinds[*].kind").value(contains("TERM_EXPIRED", "TERM_EXPIRING", "VILLAGE_UNCOVERED")))
			.andExpect(jsonPath("$.kinds[*].count").value(contains(2, 1, 2)))
			.andExpect(jsonPath("$.kinds[0].title").value("换届逾期"))
			.andExpect(jsonPath("$.first.length()").value(5))
			// Expired first; A and a1 ran out on the same day, the township before its
			// branch (path order).
			.andExpect(jsonPath("$.first[0].org.code").value(townA.code()))
			.andExpect(jsonPath("$.first[0].note").value("届期已于 " + today.minusYears(4).plusYears(3) + " 届满"))
			.andExpect(jsonPath("$.first[1].org.code").value(a1.code()))
			.andExpect(jsonPath("$.first[1].township.code").value(townA.code()))
			.andExpect(jsonPath("$.first[2].kind").value("TERM_EXPIRING"))
			.andExpect(jsonPath("$.first[2].org.code").value(streetB.code()))
			.andExpect(jsonPath("$.first[2].date").value(today.minusYears(3).plusDays(30).plusYears(3).toString()))
			.andExpect(jsonPath("$.first[3].kind").value("VILLAGE_UNCOVERED"))
			.andExpect(jsonPath("$.first[3:5].unit.name").value(containsInAnyOrder("甲二村", "乙一社区")))
			.andExpect(jsonPath("$.first[3:5].note").value(contains("无团组织", "无团组织")));
		// The dashboard carries the same summary.
		mvc.perform(get("/api/v1/dashboard").param("org", county.code()).with(as(fixtures.adminOf(county))))
			.andExpect(jsonPath("$.todos.total").value(5))
			.andExpect(jsonPath("$.todos.first[0].org.code").value(townA.code()))
			.andExpect(jsonPath("$.alerts[0].type").value("TERM_EXPIRED"));
	}

	@Test
	void pagesAcrossTheKindsInOrder() throws Exception {
		mvc.perform(get("/api/v1/todos").param("org", county.code()).param("size", "2").with(as(admin)))
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.items[*].org.code").value(contains(townA.code(), a1.code())));
		mvc.perform(
				get("/api/v1/todos").param("org", county.code()).param("size", "2").param("page", "1").with(as(admin)))
			.andExpect(jsonPath("$.items[*].kind").value(contains("TERM_EXPIRING", "VILLAGE_UNCOVERED")))
			.andExpect(jsonPath("$.items[0].township.code").value(streetB.code()));
		mvc.perform(
				get("/api/v1/todos").param("org", county.code()).param("size", "2").param("page", "2").with(as(admin)))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("VILLAGE_UNCOVERED"));
		mvc.perform(
				get("/api/v1/todos").param("org", county.code()).param("size", "2").param("page", "3").with(as(admin)))
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.total").value(5));
	}

	@Test
	void filtersByKindAndByTownship() throws Exception {
		mvc.perform(get("/api/v1/todos").param("org", county.code()).param("kind", "VILLAGE_UNCOVERED").with(as(admin)))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].unit.name").value(containsInAnyOrder("甲二村", "乙一社区")))
			.andExpect(jsonPath("$.items[?(@.unit.name=='乙一社区')].township.code").value(contains(streetB.code())));
		// Town A: its own term, a1's, and its uncovered village.
		mvc.perform(get("/api/v1/todos").param("org", county.code()).param("township", townA.code()).with(as(admin)))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].org.code").value(contains(townA.code(), a1.code(), townA.code())))
			.andExpect(jsonPath("$.items[2].unit.name").value("甲二村"));
		mvc.perform(get("/api/v1/todos/summary").param("org", county.code())
			.param("township", streetB.code())
			.with(as(admin)))
			.andExpect(jsonPath("$.township.code").value(streetB.code()))
			.andExpect(jsonPath("$.kinds[*].count").value(contains(0, 1, 1)));
	}

	@Test
	void showsTheTownshipOnlyWhenTheCallerMaySeeIt() throws Exception {
		// a1's own admin: only a1's term; the township above the scope is not named.
		mvc.perform(get("/api/v1/todos").with(as(fixtures.adminOf(a1))))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].org.code").value(a1.code()))
			.andExpect(jsonPath("$.items[0].township").value(nullValue()));
	}

	@Test
	void refusesUnknownKindsWrongTownshipsAndOrgsOutsideTheScope() throws Exception {
		mvc.perform(get("/api/v1/todos").param("org", county.code()).param("kind", "NOPE").with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("todo.kind-unknown"));
		mvc.perform(get("/api/v1/todos").param("org", county.code()).param("township", a1.code()).with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("todo.township-invalid"));
		OrgDetail otherTown = org(other, "他镇团委", OrgKind.TOWNSHIP_COMMITTEE, today.minusYears(1), 3);
		mvc.perform(
				get("/api/v1/todos").param("org", county.code()).param("township", otherTown.code()).with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("todo.township-outside"));
		mvc.perform(get("/api/v1/todos").param("org", other.code()).with(as(fixtures.adminOf(county))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("org.not-found"));
		mvc.perform(post("/api/v1/todos/export").param("township", otherTown.code())
			.with(csrf())
			.with(as(fixtures.adminOf(county)))).andExpect(status().isNotFound());
	}

	@Test
	void exportsTheFilteredListAsAWorkbookAndAuditsIt() throws Exception {
		byte[] xlsx = mvc.perform(post("/api/v1/todos/export").param("org", county.code()).with(csrf()).with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheet("待办提醒");
			// Title, header, then the 5 items.
			assertThat(sheet.getLastRowNum()).isEqualTo(6);
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("换届逾期");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("甲镇团委");
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("即将届满（90 天内）");
			assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("村(社区)未建团组织");
		}
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND target_type = 'TODOS'"
					+ " AND target_id = ?")
			.param(county.code())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void namesTheKindsInEnglishWhenAsked() throws Exception {
		mvc.perform(get("/api/v1/todos/kinds").header("Accept-Language", "en").with(as(admin)))
			.andExpect(jsonPath("$[0].kind").value("TERM_EXPIRED"))
			.andExpect(jsonPath("$[0].title").value("Term expired"));
		mvc.perform(get("/api/v1/todos").param("org", county.code())
			.param("size", "1")
			.header("Accept-Language", "en")
			.with(as(admin)))
			.andExpect(jsonPath("$.items[0].title").value("Term expired"))
			.andExpect(jsonPath("$.items[0].note").value(org.hamcrest.Matchers.startsWith("The term ended on ")));
		mvc.perform(get("/api/v1/todos").param("org", county.code()).param("size", "1").with(as(admin)))
			.andExpect(jsonPath("$.items[0].note").value(org.hamcrest.Matchers.startsWith("届期已于 ")));
	}

}
