package org.tuanwu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.identity.Role;
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
 * 待办提醒 in a real headless Chromium at 1366×768 (issue 6): an org admin of a county whose
 * township has 22 branches past their term, one branch whose term ends within 90 days and
 * a village without a league org sees the counts on the dashboard and on the list,
 * filters by a kind, pages, exports the workbook (checked on disk and in the audit log)
 * and follows an item to its org in the tree; then the page once in English.
 */
class TodoBrowserTest extends BrowserTestSupport {

	static final int EXPIRED = 22;

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	UnitRegister units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void walkTheToDoList() {
		LocalDate today = LocalDate.now();
		OrgDetail county = org(null, "待办浏览测试团县委", OrgKind.COUNTY_COMMITTEE, today.minusYears(1), 5);
		OrgDetail town = org(county, "待办测试甲镇团委", OrgKind.TOWNSHIP_COMMITTEE, today.minusYears(1), 3);
		List<OrgDetail> expired = new java.util.ArrayList<>();
		for (int i = 1; i <= EXPIRED; i++) {
			expired.add(org(town, "甲镇第" + i + "村团支部", OrgKind.BRANCH, today.minusYears(4).minusDays(i), 3));
		}
		OrgDetail expiring = org(town, "甲镇将满团支部", OrgKind.BRANCH, today.minusYears(3).plusDays(30), 3);
		units.create(TestUsers.platform(),
				new UnitDraft(TestUsers.unique("V"), "甲镇无团村", UnitType.VILLAGE, town.id(), Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty()));
		String username = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		driver.manage().window().setSize(new Dimension(1366, 768));

		step("todo-1-dashboard", () -> {
			driver.get(base() + "/");
			type(input("login-username"), username);
			type(input("login-password"), TestUsers.PASSWORD);
			click("login-submit");
			visible("side-menu");
			wait.until(ExpectedConditions.urlContains("#/dashboard"));
			wait.until(d -> text(find("dashboard-todos-total")).equals(String.valueOf(EXPIRED + 2)));
			assertThat(text(find("dashboard-todo-kind-TERM_EXPIRED"))).endsWith(String.valueOf(EXPIRED));
			assertThat(driver.findElements(dataTest("dashboard-alert-TERM_EXPIRED"))).hasSize(5);
			WebElement panel = find("dashboard-todos");
			((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", panel);
		});

		step("todo-2-dashboard-kind-opens-the-list", () -> {
			click("dashboard-todo-kind-VILLAGE_UNCOVERED");
			wait.until(ExpectedConditions.urlContains("#/dashboard/todos?kind=VILLAGE_UNCOVERED"));
			wait.until(d -> rows().size() == 1);
			assertThat(text(rows().get(0))).contains("甲镇无团村").contains(town.name());
		});

		step("todo-3-counts-per-kind", () -> {
			click("menu-todos");
			wait.until(ExpectedConditions.urlMatches("#/dashboard/todos$"));
			wait.until(d -> count("todo-kind-all").equals(String.valueOf(EXPIRED + 2)));
			assertThat(count("todo-kind-TERM_EXPIRED")).isEqualTo(String.valueOf(EXPIRED));
			assertThat(count("todo-kind-TERM_EXPIRING")).isEqualTo("1");
			assertThat(count("todo-kind-VILLAGE_UNCOVERED")).isEqualTo("1");
			wait.until(d -> rows().size() == 20);
			assertThat(text(find("todos-total"))).isEqualTo("共 " + (EXPIRED + 2) + " 条");
			// At 1366 px a count's label stays on one line, and the filters and the
			// export
			// share one line.
			for (WebElement label : driver.findElements(By.cssSelector(".tw-todo-count__label"))) {
				assertThat(label.getSize().getHeight()).as(text(label)).isLessThan(30);
			}
			assertThat(middle(find("todos-export"))).isCloseTo(middle(find("todos-kind")), within(4));
		});

		step("todo-4-filter-by-a-kind", () -> {
			click("todo-kind-TERM_EXPIRED");
			wait.until(ExpectedConditions.urlContains("kind=TERM_EXPIRED"));
			wait.until(d -> text(find("todos-total")).equals("共 " + EXPIRED + " 条"));
			wait.until(d -> rows().size() == 20);
			assertThat(rows()).allSatisfy(r -> assertThat(text(r)).contains("换届逾期"));
			assertThat(find("todo-kind-TERM_EXPIRED").getAttribute("class")).contains("is-active");
		});

		step("todo-5-next-page", () -> {
			find("todos-pager").findElement(By.cssSelector(".btn-next")).click();
			wait.until(ExpectedConditions.urlContains("page=2"));
			wait.until(d -> rows().size() == EXPIRED - 20);
			assertThat(rows()).allSatisfy(r -> assertThat(text(r)).contains("换届逾期"));
		});

		step("todo-6-export", () -> {
			long before = exports(username);
			click("todos-export");
			Path xlsx = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200)).until(d -> {
				try (Stream<Path> files = Files.list(downloads)) {
					return files.filter(p -> p.getFileName().toString().endsWith(".xlsx"))
						.filter(p -> p.toFile().length() > 1000)
						.findFirst()
						.orElse(null);
				}
				catch (IOException e) {
					return null;
				}
			});
			byte[] bytes = Files.readAllBytes(xlsx);
			assertThat(new String(Arrays.copyOf(bytes, 2), StandardCharsets.ISO_8859_1)).isEqualTo("PK");
			assertThat(xlsx.getFileName().toString()).contains("待办提醒");
			assertThat(exports(username)).isEqualTo(before + 1);
			// The message says so below the header, not over its scope and current org.
			// (It slides in from above: its place is taken once the animation is over.)
			By started = By.cssSelector(".tw-download-started");
			wait.until(d -> d.findElements(started).stream().allMatch(m -> m.getRect().getY() >= 56));
			wait.until(d -> !find("todos-export").getAttribute("class").contains("is-loading"));
		});

		step("todo-7-follow-an-item-to-its-org", () -> {
			OrgDetail target = expired.stream()
				.filter(o -> !driver.findElements(dataTest("todo-org-" + o.code())).isEmpty())
				.findFirst()
				.orElseThrow();
			click("todo-org-" + target.code());
			wait.until(ExpectedConditions.urlContains("#/org/organizations"));
			wait.until(d -> text(find("header-current-org")).contains(target.name()));
		});

		step("todo-8-en-US", () -> {
			click("header-current-org-clear");
			driver.get(base() + "/#/dashboard/todos?kind=TERM_EXPIRING");
			wait.until(d -> rows().size() == 1);
			click("lang-switch");
			click("lang-en-US");
			wait.until(d -> text(find(By.cssSelector(".tw-page-title"))).equals("To-do list"));
			wait.until(d -> rows().size() == 1);
			assertThat(text(rows().get(0))).contains(expiring.name())
				.contains("Term ends on")
				.contains("within 90 days");
			assertThat(text(find("todos-export"))).isEqualTo("Export Excel");
			for (WebElement label : driver.findElements(By.cssSelector(".tw-todo-count__label"))) {
				assertThat(label.getSize().getHeight()).as(text(label)).isLessThan(30);
			}
		});
	}

	OrgDetail org(OrgDetail parent, String name, OrgKind kind, LocalDate elected, int termYears) {
		OrgDraft draft = new OrgDraft(TestUsers.unique("TB"), name, kind, Sector.OTHER, Optional.empty(),
				Optional.of(elected), Optional.of(termYears), Optional.empty(), Optional.empty(), Optional.empty());
		return parent == null ? orgs.createRoot(TestUsers.platform(), draft)
				: orgs.create(TestUsers.platform(), parent.id(), draft);
	}

	List<WebElement> rows() {
		return driver.findElements(By.cssSelector("[data-test='todos-table'] tbody tr.el-table__row"));
	}

	String count(String hook) {
		return text(find(hook).findElement(dataTest("todo-kind-count")));
	}

	int middle(WebElement e) {
		return e.getRect().getY() + e.getRect().getHeight() / 2;
	}

	long exports(String username) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND username = ? AND target_type = ?")
			.params(username, "TODOS")
			.query(Long.class)
			.single();
	}

}
