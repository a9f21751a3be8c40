package org.tuanwu.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * What every browser test needs: Debian's chromium and chromedriver (Selenium Manager
 * never runs), a fresh profile and download folder, screenshots of every step in
 * {@code target/browser-screenshots/} (on a failure also the page source), and ways to
 * find and click Element Plus components that survive their animations. Browser tests run
 * only in the H2 execution of Surefire (tag {@code browser}).
 */
@WebTest
@Tag("browser")
abstract class BrowserTestSupport {

	static final Path SHOTS = Path.of("target", "browser-screenshots");

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	ChromeDriver driver;

	WebDriverWait wait;

	Path profile;

	Path downloads;

	String testName;

	@BeforeEach
	void startBrowser(TestInfo info) throws IOException {
		testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
		Files.createDirectories(SHOTS);
		profile = Files.createTempDirectory("tuanwu-chromium-");
		downloads = Files.createTempDirectory("tuanwu-downloads-");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN",
				"--user-data-dir=" + profile.toAbsolutePath());
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("intl.accept_languages", "zh-CN,zh");
		prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
		prefs.put("download.prompt_for_download", false);
		prefs.put("download.directory_upgrade", true);
		prefs.put("safebrowsing.enabled", false);
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		// Headless Chromium may still refuse downloads without this.
		driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
		wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		for (Path dir : new Path[] { profile, downloads }) {
			if (dir != null) {
				try (Stream<Path> files = Files.walk(dir)) {
					files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
				}
			}
		}
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
	 * Clicks the displayed element with this hook. Menus and dropdowns animate and may
	 * keep a hidden copy of their items, so the click is retried until it lands.
	 */
	void click(String hook) {
		new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
			.ignoring(ElementNotInteractableException.class)
			.ignoring(ElementClickInterceptedException.class)
			.until(d -> {
				WebElement e = d.findElements(dataTest(hook))
					.stream()
					.filter(WebElement::isDisplayed)
					.findFirst()
					.orElse(null);
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
	 * Opens an Element Plus select and picks the option whose label starts with this
	 * text. The option is clicked through the DOM rather than by screen position: the
	 * list slides in, and a positional click during the animation can land on the
	 * neighbouring option.
	 */
	void chooseStartingWith(String hook, String label) {
		By option = By
			.xpath("//div[contains(@class,'" + hook + "-options')]//li[contains(@class,'el-select-dropdown__item')]"
					+ "[starts-with(normalize-space(.),'" + label + "')]");
		new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> {
				if (selected(hook).startsWith(label)) {
					return true;
				}
				if (d.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
					click(hook);
				}
				WebElement li = d.findElement(option);
				((JavascriptExecutor) d).executeScript("arguments[0].click()", li);
				return selected(hook).startsWith(label);
			});
	}

	/** The label an Element Plus select shows as chosen. */
	String selected(String hook) {
		return text(find(hook));
	}

	/**
	 * Opens an Element Plus select and picks the option with this (Chinese) label. The
	 * option is clicked through the DOM rather than by screen position: the list slides
	 * in, and a positional click during the animation can land on the neighbouring
	 * option.
	 */
	void choose(String hook, String label) {
		By option = By
			.xpath("//div[contains(@class,'" + hook + "-options')]//li[contains(@class,'el-select-dropdown__item')]"
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

}
