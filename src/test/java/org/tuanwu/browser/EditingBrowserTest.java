package org.tuanwu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tuanwu.identity.Role;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Editing records made as the demo and the imports make them (dotted codes such as
 * {@code C01.T03.V12}) through the web app at 1366×768: an org and a unit are edited and
 * saved, an uncovered village gets its league branch (建团), same-named branches are told
 * apart by their path, and a dissolved org is restored. Each test owns its data (created
 * through the API by an org admin of a fresh county) and checks the result through the
 * API.
 */
class EditingBrowserTest extends BrowserTestSupport {

	OrgDetail county;

	String username;

	ApiClient api;

	@BeforeEach
	void countyOfOwnData() {
		driver.manage().window().setSize(new Dimension(1366, 768));
		county = users.root("编辑测试团县委");
		username = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		api = new ApiClient(port);
		assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void editsAnOrgWithADottedCodeAndSavesIt() {
		JsonNode township = org(county.id(), county.code() + ".T03", "新华镇团委", "TOWNSHIP_COMMITTEE", "TOWNSHIP");
		String code = township.path("code").asString();
		login();
		openOrg(code, "新华镇团委");

		step("org-edit-validation", () -> {
			click("org-edit");
			WebElement codeInput = input("org-form-code");
			assertThat(codeInput.getAttribute("value")).isEqualTo(code);
			// The code cannot change once the org exists (readOnlyAfterCreate).
			assertThat(codeInput.isEnabled()).isFalse();
			WebElement name = input("org-form-name");
			type(name, "");
			name.sendKeys(Keys.TAB);
			WebElement error = wait
				.until(d -> d.findElements(By.cssSelector("[data-test='org-form'] .el-form-item__error"))
					.stream()
					.filter(WebElement::isDisplayed)
					.findFirst()
					.orElse(null));
			assertThat(text(error)).isEqualTo("请填写组织名称");
			// The message takes its own line: it ends above the next field's label.
			WebElement nameItem = error.findElement(By.xpath("ancestor::div[contains(@class,'el-form-item')][1]"));
			WebElement nextLabel = nameItem
				.findElement(By.xpath("following::label[contains(@class,'el-form-item__label')][1]"));
			assertThat(error.getRect().getY() + error.getRect().getHeight())
				.isLessThanOrEqualTo(nextLabel.getRect().getY());
		});

		step("org-edit-saved", () -> {
			type(input("org-form-name"), "新华镇团委（已更名）");
			click("org-form-submit");
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("org-form-submit")));
			wait.until(d -> text(find("org-detail-name")).equals("新华镇团委（已更名）"));
			JsonNode saved = api.get("/api/v1/orgs/" + township.path("id").asLong()).json();
			assertThat(saved.path("name").asString()).isEqualTo("新华镇团委（已更名）");
			assertThat(saved.path("code").asString()).isEqualTo(code);
			assertThat(saved.path("version").asInt()).isGreaterThan(township.path("version").asInt());
		});
	}

	@Test
	void editsAUnitAndFoundsTheLeagueBranchOfAnUncoveredOne() {
		JsonNode township = org(county.id(), county.code() + ".T03", "新华镇团委", "TOWNSHIP_COMMITTEE", "TOWNSHIP");
		JsonNode branch = org(township.path("id").asLong(), county.code() + ".T03.V11.B1", "红星村团支部", "BRANCH",
				"VILLAGE");
		JsonNode edited = unit(county.code() + ".T03.V11", "红星村", township.path("id").asLong(),
				branch.path("id").asLong());
		JsonNode uncovered = unit(county.code() + ".T03.V12", "新华村", township.path("id").asLong(), null);
		String editedCode = edited.path("code").asString();
		String uncoveredCode = uncovered.path("code").asString();
		login();

		step("unit-edit-saved", () -> {
			driver.get(base() + "/#/org/units");
			wait.until(d -> !d.findElements(dataTest("unit-edit-" + editedCode)).isEmpty());
			click("unit-edit-" + editedCode);
			assertThat(input("unit-form-code").isEnabled()).isFalse();
			type(input("unit-form-name"), "红星村（已更名）");
			screenshot("unit-edit-form");
			click("unit-form-submit");
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("unit-form-submit")));
			JsonNode saved = api.get("/api/v1/units/" + edited.path("id").asLong()).json();
			assertThat(saved.path("name").asString()).isEqualTo("红星村（已更名）");
			assertThat(saved.path("code").asString()).isEqualTo(editedCode);
			assertThat(saved.path("leagueOrg").path("id").asLong()).isEqualTo(branch.path("id").asLong());
		});

		step("units-uncovered-filter", () -> {
			// Covered by its branch: 建团 is not offered, and the filter leaves it out.
			assertThat(driver.findElements(dataTest("unit-found-" + editedCode))).isEmpty();
			click("units-uncovered");
			wait.until(d -> d.findElements(dataTest("unit-edit-" + editedCode)).isEmpty()
					&& !d.findElements(dataTest("unit-found-" + uncoveredCode)).isEmpty());
		});

		step("unit-found-league-org", () -> {
			click("unit-found-" + uncoveredCode);
			visible("unit-league-dialog");
			// The unit's responsible org is offered as the parent; the kind is 团支部.
			wait.until(d -> selected("unit-league-parent").contains("新华镇团委"));
			assertThat(selected("unit-league-kind")).isEqualTo("团支部");
			type(input("unit-league-code"), uncoveredCode + ".B1");
			// Nothing is refused before the user has left a field (rules arriving from
			// the
			// server do not validate the form).
			assertThat(driver.findElements(By.cssSelector("[data-test='unit-league-dialog'] .el-form-item__error"))
				.stream()
				.filter(WebElement::isDisplayed)
				.toList()).isEmpty();
			screenshot("unit-league-dialog");
			click("unit-league-submit");
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("unit-league-submit")));
			wait.until(d -> d.findElements(dataTest("unit-found-" + uncoveredCode)).isEmpty());
			assertThat(text(visible("unit-league-" + uncoveredCode))).contains("新华村团支部");
			JsonNode now = api.get("/api/v1/units/" + uncovered.path("id").asLong()).json();
			assertThat(now.path("covered").asBoolean()).isTrue();
			assertThat(now.path("leagueOrg").path("code").asString()).isEqualTo(uncoveredCode + ".B1");
		});
	}

	@Test
	void searchTellsSameNamedBranchesApartByTheirPath() {
		JsonNode xinhua = org(county.id(), county.code() + ".T03", "新华镇团委", "TOWNSHIP_COMMITTEE", "TOWNSHIP");
		JsonNode dongfeng = org(county.id(), county.code() + ".T04", "东风镇团委", "TOWNSHIP_COMMITTEE", "TOWNSHIP");
		JsonNode a = org(xinhua.path("id").asLong(), county.code() + ".T03.V12", "新华村团支部", "BRANCH", "VILLAGE");
		JsonNode b = org(dongfeng.path("id").asLong(), county.code() + ".T04.V12", "新华村团支部", "BRANCH", "VILLAGE");
		login();

		step("search-same-name", () -> {
			driver.get(base() + "/#/org/organizations");
			WebElement search = input("org-search");
			type(search, "新华村团支部");
			search.sendKeys(Keys.ENTER);
			WebElement results = visible("org-search-results");
			wait.until(d -> results.findElements(By.cssSelector("li")).size() == 2);
			assertThat(text(results)).contains("搜索结果（2）");
			assertThat(pathOf(a.path("code").asString())).isEqualTo(county.name() + " › 新华镇团委");
			assertThat(pathOf(b.path("code").asString())).isEqualTo(county.name() + " › 东风镇团委");
		});

		step("search-same-name-en", () -> {
			click("lang-switch");
			click("lang-en-US");
			wait.until(d -> text(find("org-search-results")).contains("Results (2)"));
			assertThat(pathOf(a.path("code").asString())).isEqualTo(county.name() + " › 新华镇团委");
			screenshot("search-same-name-en-US");
			click("lang-switch");
			click("lang-zh-CN");
			wait.until(d -> text(find("org-search-results")).contains("搜索结果（2）"));
		});
	}

	@Test
	void restoresADissolvedOrg() {
		JsonNode township = org(county.id(), county.code() + ".T05", "红旗镇团委", "TOWNSHIP_COMMITTEE", "TOWNSHIP");
		long id = township.path("id").asLong();
		String code = township.path("code").asString();
		assertThat(api
			.post("/api/v1/orgs/" + id + "/dissolve", Map.of("dissolvedOn", LocalDate.now().toString(), "reason", "合并"))
			.status()).isEqualTo(200);
		login();

		step("restore-dialog-en", () -> {
			driver.get(base() + "/#/org/organizations");
			click("org-show-dissolved");
			openOrg(code, "红旗镇团委");
			assertThat(driver.findElements(dataTest("org-dissolve"))).isEmpty();
			assertThat(driver.findElements(dataTest("org-add-child"))).isEmpty();
			click("lang-switch");
			click("lang-en-US");
			wait.until(d -> text(find("org-restore")).equals("Restore"));
			click("org-restore");
			visible("org-restore-reason");
			click("org-restore-submit");
			// Nothing typed: the served rule (restore.reason required) says so in
			// English.
			wait.until(d -> d.findElements(By.cssSelector("[data-test='org-restore-dialog'] .el-form-item__error"))
				.stream()
				.anyMatch(e -> e.isDisplayed() && text(e).contains("is required")));
		});

		step("restore-saved", () -> {
			click("org-restore-cancel");
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("org-restore-submit")));
			click("lang-switch");
			click("lang-zh-CN");
			wait.until(d -> text(find("org-restore")).equals("恢复"));
			click("org-restore");
			type(input("org-restore-reason"), "误撤销，恢复");
			screenshot("restore-dialog-zh");
			click("org-restore-submit");
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("org-restore-submit")));
			wait.until(d -> !d.findElements(dataTest("org-dissolve")).isEmpty());
			JsonNode now = api.get("/api/v1/orgs/" + id).json();
			assertThat(now.path("dissolvedOn").isNull()).isTrue();
		});
	}

	// Data through the API, as an org admin of the county.

	JsonNode org(long parentId, String code, String name, String kind, String sector) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("parentId", parentId);
		body.put("code", code);
		body.put("name", name);
		body.put("kind", kind);
		body.put("sector", sector);
		body.put("establishedOn", "2015-05-04");
		body.put("termYears", 3);
		ApiClient.Response r = api.post("/api/v1/orgs", body);
		assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
		return r.json();
	}

	JsonNode unit(String code, String name, long responsibleOrgId, Long leagueOrgId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", name);
		body.put("type", "VILLAGE");
		body.put("responsibleOrgId", responsibleOrgId);
		body.put("leagueOrgId", leagueOrgId);
		ApiClient.Response r = api.post("/api/v1/units", body);
		assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
		return r.json();
	}

	// The web app.

	void login() {
		driver.get(base() + "/");
		type(input("login-username"), username);
		type(input("login-password"), TestUsers.PASSWORD);
		click("login-submit");
		visible("side-menu");
	}

	/** Finds the org by its code in the tree search and opens it. */
	void openOrg(String code, String name) {
		if (!driver.getCurrentUrl().contains("#/org/organizations")) {
			driver.get(base() + "/#/org/organizations");
		}
		WebElement search = input("org-search");
		type(search, code);
		search.sendKeys(Keys.ENTER);
		click("org-result-" + code);
		wait.until(d -> text(find("org-detail-name")).equals(name));
	}

	String pathOf(String code) {
		List<WebElement> path = find("org-result-" + code).findElements(dataTest("org-result-path"));
		assertThat(path).hasSize(1);
		return text(path.get(0));
	}

}
