package com.northbeam.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by its chromedriver ({@code CHROME_BIN} and
 * {@code CHROMEDRIVER} override the paths), the screenshots the browser tests keep in
 * {@code target/screenshots} for people to look at, and what several tests do alike:
 * signing in to the dashboard and answering the wizard's questions.
 */
final class Browsers {

	static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

	private Browsers() {
	}

	/** A new headless browser, with or without JavaScript. */
	static WebDriver start(boolean javascript, int width, int height) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=" + width + "," + height);
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * Waits until {@code oldPage} (the {@code html} element of the page before a click)
	 * has been replaced by the next page. While Chromium swaps documents, touching the
	 * old element fails with a stale-element error or an inspector error; either means it
	 * is gone.
	 */
	static void awaitNewPage(WebDriver browser, WebElement oldPage) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((driver) -> {
			try {
				oldPage.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				return true;
			}
		});
	}

	static void screenshot(WebDriver browser, String name) {
		File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Signs in to the dashboard as the first admin (from the gateway's environment). */
	static void signInAsAdmin(WebDriver browser, Platform platform) {
		signIn(browser, platform, Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
	}

	/** Signs in to the dashboard and waits for its overview. */
	static void signIn(WebDriver browser, Platform platform, String email, String password) {
		browser.get(platform.gatewayUrl() + "/login");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		WebElement login = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		awaitNewPage(browser, login);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!browser.getCurrentUrl().endsWith("/dashboard") && System.nanoTime() < deadline) {
			Platform.sleep(200);
		}
		assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
	}

	/**
	 * Picks the first offered answer of every question the wizard's page shows and nobody
	 * answered yet, trying again while the page is still being replaced under it.
	 */
	static void answerVisibleQuestions(WebDriver browser) {
		for (int attempt = 1;; attempt++) {
			try {
				for (WebElement fieldset : browser.findElements(By.cssSelector("form.wizard fieldset"))) {
					if (!fieldset.isDisplayed()) {
						continue;
					}
					List<WebElement> choices = fieldset
						.findElements(By.cssSelector("input[type=radio], input[type=checkbox]"));
					if (!choices.isEmpty() && choices.stream().noneMatch(WebElement::isSelected)) {
						WebElement first = choices.get(0);
						browser.findElement(By.cssSelector("label[for='" + first.getAttribute("id") + "']")).click();
					}
				}
				return;
			}
			catch (WebDriverException changing) {
				if (attempt == 5) {
					throw changing;
				}
				Platform.sleep(300);
			}
		}
	}

}
