package org.tuanwu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.identity.Role;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * The web app in a real headless Chromium (Debian's chromium and chromedriver; Selenium Manager never runs): an org
 * admin's first day, from the one-time password to logging out. Runs only in the H2 execution of Surefire (tag
 * {@code browser}). Screenshots of every step go to {@code target/browser-screenshots/}; on a failure also the page
 * source.
 */
@WebTest
@Tag("browser")
class OrganizationJourneyBrowserTest {

	static final Path SHOTS = Path.of("target", "browser-screenshots");

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	static final String NEW_PASSWORD = "Journey-Pass9!";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	WebDriver driver;

	WebDriverWait wait;

	Path profile;

	String testName;

	@BeforeEach
	void startBrowser(TestInfo info) throws IOException {
		testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
		Files.createDirectories(SHOTS);
		profile = Files.createTempDirectory("tuanwu-chromium-");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN",
				"--user-data-dir=" + profile.toAbsolutePath());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void anOrgAdminsFirstDay() throws IOException {
		OrgDetail root = users.root("浏览器测试团县委");
		OrgDetail township = users.child(root, "城关镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		String username = users.create(Role.ORG_ADMIN, Optional.of(root.id()), true);
		String branchCode = TestUsers.unique("B");
		String branchName = "城关镇第一团支部" + branchCode.substring(branchCode.length() - 4);
		String goodImportCode = TestUsers.unique("IMP");
		List<Throwable> deferred = new ArrayList<>();

		step("1-login-and-change-password", () -> {
			driver.get(base() + "/");
			visible("login-username");
			assertThat(driver.getCurrentUrl()).contains("#/login");
			type(input("login-username"), username);
			type(input("login-password"), TestUsers.PASSWORD);
			click("login-submit");

			wait.until(ExpectedConditions.urlContains("#/change-password"));
			visible("pw-policy");
			type(input("pw-current"), TestUsers.PASSWORD);
			type(input("pw-new"), NEW_PASSWORD);
			type(input("pw-confirm"), NEW_PASSWORD);
			click("pw-submit");

			visible("side-menu");
			wait.until(d -> d.getCurrentUrl().contains("#/dashboard") || d.getCurrentUrl().contains("#/org/organizations"));
			assertThat(text(visible("header-scope"))).contains(root.name());
		});

		step("2-create-branch-under-township", () -> {
			click("menu-orgs");
			wait.until(ExpectedConditions.urlContains("#/org/organizations"));
			WebElement rootNode = visible("org-node-" + root.code());
			assertThat(text(rootNode)).contains(root.name());
			expand(root.code());
			visible("org-node-" + township.code()).click();
			wait.until(d -> text(find("org-detail-name")).equals(township.name()));

			click("org-add-child");
			type(input("org-form-code"), branchCode);
			type(input("org-form-name"), branchName);
			choose("org-form-kind", "团支部");
			choose("org-form-sector", "村社区");
			click("org-form-submit");

			wait.until(ExpectedConditions.invisibilityOfElementLocated(dataTest("org-form-submit")));
			WebElement created = visible("org-node-" + branchCode);
			assertThat(text(created)).contains(branchName).contains("团支部");
			// Under the township: its tree node sits inside the township's children.
			WebElement townshipItem = treeItem(township.code());
			assertThat(townshipItem.findElements(dataTest("org-node-" + branchCode))).hasSize(1);
			// Selected: highlighted in the tree and shown in the detail panel.
			wait.until(d -> treeItem(branchCode).getAttribute("class").contains("is-current"));
			wait.until(d -> text(find("org-detail-name")).equals(branchName));
			assertThat(text(find("org-detail-code"))).isEqualTo(branchCode);
			assertThat(text(find("org-detail-kind"))).isEqualTo("团支部");
		});

		step("3-search-by-name", () -> {
			WebElement search = input("org-search");
			type(search, branchName);
			search.sendKeys(Keys.ENTER);
			WebElement results = visible("org-search-results");
			WebElement hit = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(results,
					dataTest("org-result-" + branchCode)))
				.get(0);
			assertThat(text(hit)).contains(branchName).contains(branchCode);
			assertThat(results.findElements(By.cssSelector("li"))).hasSize(1);
			screenshot("3-search-results");
			// Back to the tree.
			hit.click();
			visible("org-tree");
			wait.until(d -> text(find("org-detail-name")).equals(branchName));
		});

		// Step 4 needs POST /api/v1/exchange/organizations/import (branch `exchange`). A failure here is kept and
		// reported at the end, so that the steps after it still run.
		try {
			step("4-import-with-a-bad-row", () -> {
				Path csv = Files.createTempFile("tuanwu-import-", ".csv");
				try {
					Files.writeString(csv, String.join("\r\n",
							"组织编码,组织名称,上级组织编码,组织类别,所属领域",
							goodImportCode + ",导入测试团支部," + township.code() + ",团支部,村社区",
							TestUsers.unique("BAD") + ",导入测试团小组," + township.code() + ",团小组,村社区", ""),
							StandardCharsets.UTF_8);
					click("org-import");
					visible("import-wizard");
					click("import-next"); // template → upload
					WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(dataTest("import-file")));
					file.sendKeys(csv.toAbsolutePath().toString());
					wait.until(d -> text(find("import-selected")).contains(csv.getFileName().toString()));
					click("import-submit");

					// Either the table of bad rows or a refusal of the whole file (e.g. no such endpoint yet).
					wait.until(d -> !d.findElements(dataTest("import-errors")).isEmpty()
							|| !d.findElements(dataTest("import-failure")).isEmpty());
					assertThat(driver.findElements(dataTest("import-failure")))
						.as("the import was refused as a whole: %s", driver.findElements(dataTest("import-failure"))
							.stream()
							.map(this::text)
							.toList())
						.isEmpty();
					WebElement errors = visible("import-errors");
					WebElement badRow = wait.until(d -> errors.findElements(By.cssSelector(".el-table__body tr"))
						.stream()
						.filter(tr -> text(tr).contains("团小组"))
						.findFirst()
						.orElse(null));
					List<String> cells = badRow.findElements(By.cssSelector("td")).stream().map(this::text).toList();
					assertThat(cells).hasSizeGreaterThanOrEqualTo(4);
					assertThat(cells.get(0)).isEqualTo("3"); // the header is row 1, the good row 2
					assertThat(cells.get(1)).isEqualTo("组织类别");
					assertThat(cells.get(2)).isEqualTo("团小组");
					assertThat(cells.get(3)).isNotBlank();
					assertThat(errors.findElements(By.cssSelector(".el-table__body tr"))).hasSize(1);
					assertThat(text(visible("import-nothing-written"))).contains("没有写入任何数据");

					// Nothing written: the good row's org does not exist.
					ApiClient api = new ApiClient(port);
					assertThat(api.login(username, NEW_PASSWORD).status()).isEqualTo(200);
					var found = api.get("/api/v1/orgs?q=" + goodImportCode);
					assertThat(found.status()).isEqualTo(200);
					assertThat(found.json().path("total").asLong()).isZero();
				}
				finally {
					Files.deleteIfExists(csv);
				}
			});
		}
		catch (Throwable t) {
			deferred.add(t);
		}
		closeDialogs();

		step("5-switch-language", () -> {
			WebElement orgsMenu = visible("menu-orgs");
			assertThat(text(orgsMenu)).isEqualTo("团组织");
			click("lang-switch");
			click("lang-en-US");
			wait.until(d -> text(find("menu-orgs")).equals("League orgs"));
			assertThat(text(find("org-add-child"))).isEqualTo("Add child");
			assertThat(text(find("logout"))).isNotEqualTo("退出登录").isNotBlank();
			screenshot("5-english");
			click("lang-switch");
			click("lang-zh-CN");
			wait.until(d -> text(find("menu-orgs")).equals("团组织"));
			assertThat(text(find("org-add-child"))).isEqualTo("新增下级");
		});

		step("6-logout", () -> {
			click("logout");
			WebElement confirm = wait.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector(".el-message-box .el-button--primary")));
			assertThat(text(find(By.cssSelector(".el-message-box")))).contains("确定要退出登录吗");
			confirm.click();
			wait.until(ExpectedConditions.urlContains("#/login"));
			visible("login-username");

			driver.get(base() + "/#/org/organizations");
			wait.until(ExpectedConditions.urlContains("#/login"));
			visible("login-submit");
			assertThat(driver.findElements(dataTest("org-tree"))).isEmpty();
			assertThat(new ApiClient(port).get("/api/v1/orgs/roots").status()).isEqualTo(401);
		});

		if (!deferred.isEmpty()) {
			AssertionError e = new AssertionError("step 4 (import) failed; steps 5 and 6 ran", deferred.get(0));
			throw e;
		}
	}

	@Test
	void aWrongPasswordIsRefusedInChinese() {
		OrgDetail root = users.root("错误密码团县委");
		String username = users.create(Role.ORG_ADMIN, Optional.of(root.id()), false);
		step("wrong-password", () -> {
			driver.get(base() + "/");
			type(input("login-username"), username);
			type(input("login-password"), "Wrong-Passw0rd!");
			click("login-submit");
			assertThat(text(visible("login-error"))).contains("用户名或密码错误");
			assertThat(driver.getCurrentUrl()).contains("#/login");
			assertThat(input("login-password").getAttribute("value")).isEmpty();
		});
	}

	// Steps, screenshots and failures.

	interface Step {

		void run() throws Exception;

	}

	void step(String name, Step body) {
		try {
			body.run();
			screenshot(name);
		}
		catch (Throwable t) {
			String failed = "FAILED-" + testName + "-" + name;
			try {
				screenshot(failed);
				Files.writeString(SHOTS.resolve(failed + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
			}
			catch (Exception ignored) {
				t.addSuppressed(ignored);
			}
			if (t instanceof Error err) {
				throw err;
			}
			if (t instanceof RuntimeException re) {
				throw re;
			}
			throw new AssertionError("step " + name + " failed", t);
		}
	}

	void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SHOTS.resolve(name + ".png"), png);
	}

	// Finding things.

	String base() {
		return "http://localhost:" + port;
	}

	static By dataTest(String hook) {
		return By.cssSelector("[data-test='" + hook + "']");
	}

	WebElement find(String hook) {
		return driver.findElement(dataTest(hook));
	}

	WebElement find(By by) {
		return driver.findElement(by);
	}

	WebElement visible(String hook) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(dataTest(hook)));
	}

	/** An Element Plus input: the hook sits on the native input. */
	WebElement input(String hook) {
		return visible(hook);
	}

	/**
	 * Clicks the displayed element with this hook. Menus and dropdowns animate and may keep a hidden copy of their
	 * items, so the click is retried until it lands.
	 */
	void click(String hook) {
		new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
			.ignoring(ElementNotInteractableException.class)
			.ignoring(ElementClickInterceptedException.class)
			.until(d -> {
				WebElement e = d.findElements(dataTest(hook)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
				if (e == null || !e.isEnabled()) {
					return false;
				}
				e.click();
				return true;
			});
	}

	String text(WebElement e) {
		return e.getText().strip();
	}

	void type(WebElement input, String value) {
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		input.sendKeys(value);
	}

	/**
	 * Opens an Element Plus select and picks the option with this (Chinese) label. The option is clicked through
	 * the DOM rather than by screen position: the list slides in, and a positional click during the animation can
	 * land on the neighbouring option.
	 */
	void choose(String hook, String label) {
		By option = By.xpath("//div[contains(@class,'" + hook + "-options')]//li[contains(@class,'el-select-dropdown__item')]"
				+ "[normalize-space(.)='" + label + "']");
		new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> {
				if (text(find(hook)).contains(label)) {
					return true;
				}
				if (d.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
					click(hook);
				}
				WebElement li = d.findElement(option);
				((JavascriptExecutor) d).executeScript("arguments[0].click()", li);
				return text(find(hook)).contains(label);
			});
	}

	/** The {@code .el-tree-node} holding the node of this org code. */
	WebElement treeItem(String code) {
		return find(dataTest("org-node-" + code))
			.findElement(By.xpath("ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' el-tree-node ')][1]"));
	}

	/** Expands a tree node (once its children are loaded the node is marked expanded). */
	void expand(String code) {
		WebElement item = treeItem(code);
		if (!item.getAttribute("class").contains("is-expanded")) {
			item.findElement(By.cssSelector(".el-tree-node__content .el-tree-node__expand-icon")).click();
		}
		wait.until(d -> {
			try {
				return treeItem(code).getAttribute("class").contains("is-expanded");
			}
			catch (StaleElementReferenceException e) {
				return false;
			}
		});
	}

	/** Closes whatever dialog a failed step left open. */
	void closeDialogs() {
		try {
			for (WebElement close : driver.findElements(By.cssSelector(".el-overlay-dialog .el-dialog__headerbtn"))) {
				if (close.isDisplayed()) {
					close.click();
				}
			}
			wait.until(d -> d.findElements(By.cssSelector(".el-overlay-dialog"))
				.stream()
				.noneMatch(WebElement::isDisplayed));
		}
		catch (RuntimeException e) {
			((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur()");
		}
	}

}
