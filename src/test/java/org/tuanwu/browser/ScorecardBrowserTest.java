package org.tuanwu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.identity.Role;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.UnitDraft;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.organization.UnitType;
import org.tuanwu.support.TestUsers;

/**
 * 考核看板 in a real headless Chromium (issue 3): an org admin of a county opens the
 * scorecard, reads the village coverage card and the children × indicators matrix, drills
 * into a township, opens the records behind the figure and prints the PDF (the download
 * is checked on disk and in the audit log). Same setup as
 * {@link OrganizationJourneyBrowserTest}: Debian's chromium and chromedriver, screenshots
 * of every step in {@code target/browser-screenshots/}, on a failure also the page
 * source.
 */
class ScorecardBrowserTest extends BrowserTestSupport {

	static final String COVERAGE = "ORG_VILLAGE_COVERAGE";

	/**
	 * Status fills of the matrix (views/scorecard/status.ts STATUS_FILL) as the browser
	 * reports them.
	 */
	static final String MET_FILL = "rgba(225, 243, 216, 1)";

	static final String NOT_MET_FILL = "rgba(252, 211, 211, 1)";

	@Autowired
	UnitRegister units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void drillIntoATownshipAndPrintThePdf() {
		// A county with two townships: A has two villages, both covered by its branches;
		// B has two, one covered.
		OrgDetail county = users.root("考核看板测试团县委");
		OrgDetail townA = users.child(county, "甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = users.child(county, "乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail branchA1 = users.child(townA, "甲镇东村团支部", OrgKind.BRANCH);
		OrgDetail branchA2 = users.child(townA, "甲镇西村团支部", OrgKind.BRANCH);
		OrgDetail branchB1 = users.child(townB, "乙镇南村团支部", OrgKind.BRANCH);
		village("甲镇东村", townA, Optional.of(branchA1));
		village("甲镇西村", townA, Optional.of(branchA2));
		village("乙镇南村", townB, Optional.of(branchB1));
		String uncovered = village("乙镇北村", townB, Optional.empty());
		String username = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		String year = String.valueOf(Year.now().getValue());

		step("1-login", () -> {
			driver.get(base() + "/");
			type(input("login-username"), username);
			type(input("login-password"), TestUsers.PASSWORD);
			click("login-submit");
			visible("side-menu");
			assertThat(text(visible("header-scope"))).contains(county.name());
		});

		step("2-open-board-for-the-county", () -> {
			click("menu-scorecard-board");
			wait.until(ExpectedConditions.urlContains("#/scorecard/board"));
			chooseStartingWith("scorecard-pack", "QZ · ");
			chooseStartingWith("scorecard-period", year);
			// The org defaults to the user's scope.
			wait.until(d -> text(find("scorecard-org")).contains(county.name()));
			wait.until(d -> text(find("scorecard-summary")).contains(county.name())
					&& text(find("scorecard-summary")).contains(year));
			WebElement card = visible("scorecard-card-" + COVERAGE);
			wait.until(d -> cardValue(COVERAGE).equals("75.0%"));
			assertThat(text(card.findElement(dataTest("scorecard-card-fraction")))).contains("3 / 4");
			assertThat(text(card.findElement(dataTest("scorecard-card-status")))).isEqualTo("未达标");
			assertThat(card.getAttribute("class")).contains("tw-ind--NOT_MET");
			// At 1366 px the selectors and the export buttons share one line.
			assertThat(middle(find("scorecard-export-pdf"))).isCloseTo(middle(find("scorecard-pack")), within(4));
		});

		step("3-matrix-has-a-row-per-township", () -> {
			WebElement matrix = visible("scorecard-matrix");
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", matrix);
			assertThat(matrix.findElements(By.cssSelector("tbody tr"))).hasSize(2);
			assertThat(text(find("scorecard-matrix-row-" + townA.code()))).contains(townA.name());
			assertThat(text(find("scorecard-matrix-row-" + townB.code()))).contains(townB.name());
			WebElement cellA = find("scorecard-matrix-cell-" + townA.code() + "-" + COVERAGE);
			WebElement cellB = find("scorecard-matrix-cell-" + townB.code() + "-" + COVERAGE);
			assertThat(text(cellA)).isEqualTo("100.0%");
			assertThat(cellA.getAttribute("data-status")).isEqualTo("MET");
			assertThat(cellA.getCssValue("background-color")).isEqualTo(MET_FILL);
			assertThat(text(cellB)).isEqualTo("50.0%");
			assertThat(cellB.getAttribute("data-status")).isEqualTo("NOT_MET");
			assertThat(cellB.getCssValue("background-color")).isEqualTo(NOT_MET_FILL);
			// Sorted by a column (best first), then turned round; the rank follows the
			// column.
			click("scorecard-matrix-sort-" + COVERAGE);
			assertThat(matrixOrder()).containsExactly(townA.code(), townB.code());
			assertThat(text(find("scorecard-matrix-rank-" + townA.code()))).isEqualTo("1");
			assertThat(text(find("scorecard-matrix-rank-" + townB.code()))).isEqualTo("2");
			click("scorecard-matrix-sort-" + COVERAGE);
			assertThat(matrixOrder()).containsExactly(townB.code(), townA.code());
			screenshot("3-matrix-sorted");
			noErrorMessages();
		});

		step("4-drill-into-township-b", () -> {
			click("scorecard-matrix-cell-" + townB.code() + "-" + COVERAGE);
			WebElement breadcrumb = visible("scorecard-breadcrumb");
			wait.until(d -> text(breadcrumb).contains(townB.name()));
			assertThat(text(breadcrumb)).startsWith(county.name()).endsWith(townB.name());
			assertThat(breadcrumb
				.findElements(By.cssSelector("a[data-test='scorecard-breadcrumb-" + county.code() + "']"))).hasSize(1);
			wait.until(d -> text(find("scorecard-summary")).contains(townB.name()));
			// The picker shows the township evaluated; the breadcrumb leads back to the
			// county.
			wait.until(d -> text(find("scorecard-org")).contains(townB.name()));
			wait.until(d -> cardValue(COVERAGE).equals("50.0%"));
			WebElement card = find("scorecard-card-" + COVERAGE);
			assertThat(text(card.findElement(dataTest("scorecard-card-fraction")))).contains("1 / 2");
			assertThat(text(card.findElement(dataTest("scorecard-card-status")))).isEqualTo("未达标");
			assertThat(driver.getCurrentUrl()).contains("org=" + townB.code());
			// The township's scorecard starts at the top of the page, not at the matrix.
			wait.until(d -> ((Number) ((JavascriptExecutor) d)
				.executeScript("return document.querySelector('.tw-layout__main').scrollTop")).intValue() == 0);
			noErrorMessages();
		});

		step("5-evidence-of-township-b", () -> {
			WebElement value = find("scorecard-card-" + COVERAGE).findElement(dataTest("scorecard-card-value"));
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", value);
			value.click();
			WebElement table = visible("evidence-table");
			// The drawer slides in from the right: until it is in place, its right-hand
			// columns are off screen.
			WebElement drawer = visible("evidence-drawer");
			wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
					const r = arguments[0].getBoundingClientRect();
					return r.width > 0 && r.right <= document.documentElement.clientWidth + 1;
					""", drawer));
			// Rows by village; read again until both are complete (the tags fade in).
			Map<String, String> byName = new HashMap<>();
			try {
				new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(100))
					.ignoring(StaleElementReferenceException.class)
					.until(d -> {
						byName.clear();
						for (WebElement tr : table.findElements(By.cssSelector(".el-table__body tr"))) {
							String line = text(tr);
							byName.put(line.contains("乙镇北村") ? "北" : "南", line);
						}
						return byName.size() == 2 && byName.get("北").contains("未达标") && byName.get("南").contains("覆盖")
								&& byName.get("南").contains("达标");
					});
			}
			catch (TimeoutException e) {
				// The assertions below say what is missing.
			}
			assertThat(table.findElements(By.cssSelector(".el-table__body tr"))).hasSize(2);
			assertThat(byName).containsKeys("北", "南");
			assertThat(byName.get("北")).contains(uncovered).contains("无团组织").contains("未达标");
			assertThat(byName.get("南")).contains("乙镇南村")
				.contains(branchB1.code())
				.contains("达标")
				.doesNotContain("未达标")
				.doesNotContain("无团组织");
			assertThat(text(drawer)).contains("50.0%").contains("1 / 2");
			screenshot("5-evidence-drawer");
			WebElement close = driver.findElements(By.cssSelector(".el-drawer__close-btn"))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElseThrow();
			close.click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("evidence-table")));
		});

		step("6-print-pdf", () -> {
			long before = exports(username, townB.code(), year);
			click("scorecard-export-pdf");
			Path pdf = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200)).until(d -> {
				try (Stream<Path> files = Files.list(downloads)) {
					return files.filter(p -> p.getFileName().toString().endsWith(".pdf"))
						.filter(p -> p.toFile().length() > 1024)
						.findFirst()
						.orElse(null);
				}
				catch (IOException e) {
					return null;
				}
			});
			byte[] bytes = Files.readAllBytes(pdf);
			assertThat(bytes.length).isGreaterThan(1024);
			assertThat(new String(Arrays.copyOf(bytes, 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			assertThat(exports(username, townB.code(), year)).isEqualTo(before + 1);
			// The button is usable again once the download is done.
			wait.until(d -> find("scorecard-export-pdf").isEnabled()
					&& !find("scorecard-export-pdf").getAttribute("class").contains("is-loading"));
		});

		step("7-back-to-the-county", () -> {
			click("scorecard-breadcrumb-" + county.code());
			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("scorecard-breadcrumb")));
			wait.until(d -> cardValue(COVERAGE).equals("75.0%"));
		});

		step("8-browser-back-and-forward", () -> {
			// The URL drives the board: back shows the township again, forward the
			// county.
			driver.navigate().back();
			wait.until(d -> d.getCurrentUrl().contains("org=" + townB.code()));
			wait.until(d -> text(find("scorecard-summary")).contains(townB.name()));
			wait.until(d -> cardValue(COVERAGE).equals("50.0%"));
			driver.navigate().forward();
			wait.until(d -> d.getCurrentUrl().contains("org=" + county.code()));
			wait.until(d -> cardValue(COVERAGE).equals("75.0%"));
			assertThat(text(find("scorecard-summary"))).contains(county.name());
		});
	}

	/** A village (村) under a township, covered by the branch if any; returns its code. */
	String village(String name, OrgDetail township, Optional<OrgDetail> branch) {
		String code = TestUsers.unique("V");
		units.create(TestUsers.platform(),
				new UnitDraft(code, name, UnitType.VILLAGE, township.id(), branch.map(OrgDetail::id), Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
						Optional.empty(), Optional.empty()));
		return code;
	}

	long exports(String username, String orgCode, String year) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE action = 'EXPORT' AND username = ? AND target_type = 'SCORECARD' AND target_id LIKE ?
				""").params(username, "%:" + orgCode + ":" + year).query(Long.class).single();
	}

	/**
	 * No refusal popped up (e.g. the trend chart asking for an indicator of the previous
	 * pack).
	 */
	void noErrorMessages() {
		assertThat(driver.findElements(By.cssSelector(".el-message--error"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(this::text)
			.toList()).as("error messages").isEmpty();
	}

	/** The vertical middle of an element on the page. */
	int middle(WebElement e) {
		return e.getRect().getY() + e.getRect().getHeight() / 2;
	}

	/** The child org codes of the matrix rows, top to bottom. */
	List<String> matrixOrder() {
		return find("scorecard-matrix").findElements(By.cssSelector("tbody tr"))
			.stream()
			.map(tr -> tr.getAttribute("data-test").replace("scorecard-matrix-row-", ""))
			.toList();
	}

	String cardValue(String code) {
		try {
			return text(find("scorecard-card-" + code).findElement(dataTest("scorecard-card-value")));
		}
		catch (NoSuchElementException | StaleElementReferenceException e) {
			return "";
		}
	}

}
