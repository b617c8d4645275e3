package com.northbeam.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor's day in a real browser: the first admin (from the gateway's environment) creates an
 * EDITOR account; the editor signs in, writes a draft with the live preview, publishes it and sees
 * it on the public site at once, then edits the published article and sees the change. Screenshots
 * land in {@code e2e-tests/target/screenshots}.
 */
class ContentEditingBrowserTests {

	private static Platform platform;

	private static final Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

	@BeforeAll
	static void startPlatform() throws IOException {
		Files.createDirectories(screenshots);
		platform = new Platform().start();
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void anEditorWritesPublishesAndEditsAnArticleThatReadersThenSee() {
		String editorEmail = "erin-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.northbeam.test";
		String editorPassword = "editor password " + UUID.randomUUID();
		String marker = "marker" + UUID.randomUUID().toString().substring(0, 8);
		String slug = "patching-without-downtime-" + marker.toLowerCase();

		WebDriver admin = browser();
		try {
			signIn(admin, Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
			admin.get(platform.gatewayUrl() + "/dashboard/admin/staff");
			admin.findElement(By.id("new-email")).sendKeys(editorEmail);
			admin.findElement(By.id("new-name")).sendKeys("Erin Editor");
			WebElement sales = admin.findElement(By.id("new-role-SALES"));
			if (sales.isSelected()) {
				sales.click();
			}
			admin.findElement(By.id("new-role-EDITOR")).click();
			admin.findElement(By.id("new-password")).sendKeys(editorPassword);
			admin.findElement(By.cssSelector("form[action$='/dashboard/admin/staff'] button[type=submit]")).click();
			expectNotice(admin, editorEmail);
			screenshot(admin, "content-01-admin-created-editor");
		}
		finally {
			admin.quit();
		}

		WebDriver browser = browser();
		try {
			signIn(browser, editorEmail, editorPassword);
			browser.findElement(By.linkText("Content")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/dashboard/content"));
			assertThat(browser.findElement(By.tagName("table")).getText()).contains("Co-Managed IT vs Fully Managed IT");
			screenshot(browser, "content-02-list");

			// A new draft is not on the public site.
			browser.findElement(By.linkText("New article")).click();
			browser.findElement(By.id("article-title")).sendKeys("Patching without downtime " + marker);
			browser.findElement(By.id("article-slug")).sendKeys(slug);
			browser.findElement(By.id("article-summary")).sendKeys("How small teams keep systems patched.");
			browser.findElement(By.id("article-body"))
				.sendKeys("## Why patching slips\n\nBusy teams **postpone** updates.\n\n- test first\n- then roll out\n");
			browser.findElement(By.id("article-tags")).sendKeys("security, operations");
			browser.findElement(By.id("article-save")).click();
			expectNotice(browser, "Draft created");
			String editUrl = browser.getCurrentUrl();
			browser.get(platform.gatewayUrl() + "/articles/" + slug);
			assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain(marker);

			// The preview follows the text as the editor types (the page's script), before saving.
			browser.get(editUrl);
			browser.findElement(By.id("article-body")).sendKeys("\nReaders see " + marker + " in *this* paragraph.");
			waitUntil(browser, (b) -> b.findElement(By.id("content-preview")).getText().contains("Readers see " + marker));
			assertThat(browser.findElement(By.cssSelector("#content-preview em")).getText()).isEqualTo("this");
			screenshot(browser, "content-03-live-preview");
			// The Preview button renders on the server (how it works without JavaScript), keeping the input.
			browser.findElement(By.id("article-preview")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/preview"));
			assertThat(browser.findElement(By.id("content-preview")).getText()).contains("Preview of your text",
					"Readers see " + marker);
			assertThat(browser.findElement(By.id("article-body")).getAttribute("value")).contains("*this* paragraph");
			browser.findElement(By.id("article-save")).click();
			expectNotice(browser, "Saved");

			browser.findElement(By.id("article-publish")).click();
			expectNotice(browser, "Published");
			screenshot(browser, "content-04-published");

			// Readers see it at once, although the site had cached that there was no such article.
			browser.findElement(By.linkText("View on the site")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/articles/" + slug));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Patching without downtime " + marker);
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Readers see " + marker);
			screenshot(browser, "content-05-public-article");

			// An edit of the published article reaches readers too.
			browser.get(editUrl);
			WebElement title = browser.findElement(By.id("article-title"));
			title.clear();
			title.sendKeys("Patching without downtime, revised " + marker);
			browser.findElement(By.id("article-save")).click();
			expectNotice(browser, "Saved");
			browser.findElement(By.linkText("Revisions")).click();
			assertThat(browser.findElement(By.tagName("table")).getText()).contains(editorEmail);
			screenshot(browser, "content-06-revisions");
			browser.get(platform.gatewayUrl() + "/articles/" + slug);
			waitUntil(browser, (b) -> {
				b.navigate().refresh();
				return b.findElement(By.tagName("h1")).getText().contains("revised " + marker);
			});
			screenshot(browser, "content-07-public-article-revised");
		}
		catch (RuntimeException | AssertionError ex) {
			failure(browser);
			throw ex;
		}
		finally {
			browser.quit();
		}
	}

	/** Waits for the page after a form post: its flash message. */
	private static void expectNotice(WebDriver browser, String text) {
		waitUntil(browser, (b) -> b.findElement(By.cssSelector(".dash-notice")).getText().contains(text));
	}

	/** What the browser showed when a step failed, to look at afterwards. */
	private static void failure(WebDriver browser) {
		try {
			screenshot(browser, "content-failure");
			Files.writeString(screenshots.resolve("content-failure.html"),
					browser.getCurrentUrl() + "\n" + browser.getPageSource());
		}
		catch (IOException | RuntimeException ignored) {
			// the original failure matters more
		}
	}

	private static void signIn(WebDriver browser, String email, String password) {
		browser.get(platform.gatewayUrl() + "/login");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/dashboard"));
	}

	private static void waitUntil(WebDriver browser, Function<WebDriver, Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (Boolean.TRUE.equals(condition.apply(browser))) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// the page is still changing
			}
			Platform.sleep(250);
		}
		assertThat(condition.apply(browser)).as("condition within 10 seconds").isTrue();
	}

	private static WebDriver browser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1400,1600");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	private static void screenshot(WebDriver browser, String name) {
		File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(file.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
