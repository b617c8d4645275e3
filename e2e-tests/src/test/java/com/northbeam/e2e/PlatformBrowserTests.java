package com.northbeam.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as a prospect meets it: real services, real PostgreSQL, Debian's Chromium
 * in headless mode. Screenshots land in {@code e2e-tests/target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBrowserTests {

	static final String GUIDE = "/articles/co-managed-vs-fully-managed-it";

	private static Platform platform;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Path screenshots = Browsers.SCREENSHOTS;

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
	@Order(1)
	void readTheGuideAndOpenAnFaq() {
		WebDriver browser = browser(true);
		try {
			browser.get(platform.gatewayUrl() + "/");
			screenshot(browser, "01-home");
			WebElement home = browser.findElement(By.tagName("html"));
			browser.findElement(By.linkText("Read the guide")).click();
			Browsers.awaitNewPage(browser, home);
			assertThat(browser.getCurrentUrl()).endsWith(GUIDE);
			assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase("Co-Managed IT");
			assertThat(browser.findElements(By.cssSelector(".toc a"))).isNotEmpty();
			WebElement faq = browser.findElement(By.cssSelector(".faq details"));
			assertThat(faq.getAttribute("open")).isNull();
			faq.findElement(By.tagName("summary")).click();
			assertThat(faq.getAttribute("open")).isNotNull();
			screenshot(browser, "02-guide-faq-open");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	@Order(2)
	void takeTheAssessmentWithJavaScriptSeeTheResultAndRequestAConsultation() {
		assessmentEndToEnd(true, "js");
	}

	@Test
	@Order(3)
	void takeTheAssessmentWithoutJavaScript() {
		assessmentEndToEnd(false, "nojs");
	}

	@Test
	@Order(4)
	void withAssessmentServiceStoppedFiftySubmissionsAreKeptAndDeliveredExactlyOnce() throws Exception {
		String consentVersion = consentVersion();
		long leadsBefore = platform.count("assessment-service", "SELECT COUNT(*) FROM lead");
		platform.stop("assessment-service");

		List<String> starts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			starts.add(platform.startToken());
		}
		Platform.sleep(Platform.PERSON_TIME.toMillis());
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			UUID id = UUID.randomUUID();
			HttpResponse<String> response = postSubmission(id, consentVersion, i, starts.get(i));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			ids.add(id);
		}
		// A double submission while queued must not count twice.
		assertThat(postSubmission(ids.get(0), consentVersion, 0, starts.get(0)).statusCode()).isEqualTo(202);

		platform.restart("assessment-service");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		List<UUID> waiting = new ArrayList<>(ids);
		while (!waiting.isEmpty() && System.nanoTime() < deadline) {
			waiting.removeIf((id) -> get("/api/v1/assessment/submissions/" + id).statusCode() == 200);
			Platform.sleep(1000);
		}
		assertThat(waiting).as("submissions still not delivered").isEmpty();
		assertThat(platform.count("assessment-service", "SELECT COUNT(*) FROM lead")).isEqualTo(leadsBefore + 50);
	}

	@Test
	@Order(5)
	void withTheContactStepAfterTheResultTheLeadAppearsOnlyOnceDetailsAreGiven() {
		platform.restart("web-gateway", "--gateway.assessment.contact-step=after");
		long leadsBefore = platform.count("assessment-service", "SELECT COUNT(*) FROM lead");
		WebDriver browser = browser(true);
		try {
			browser.get(platform.gatewayUrl() + "/assessment");
			assertThat(browser.findElement(By.id("progress-label")).getText()).isEqualTo("Step 1 of 5");
			Platform.sleep(1100);
			for (int step = 0; step < 10 && !browser.getCurrentUrl().contains("/assessment/result/"); step++) {
				assertThat(browser.findElements(By.id("field-email"))).as("no contact step in the wizard").isEmpty();
				answerVisibleQuestions(browser);
				WebElement page = browser.findElement(By.tagName("html"));
				browser.findElement(By.cssSelector("button[value=next]")).click();
				Browsers.awaitNewPage(browser, page);
			}
			assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("We recommend");
			assertThat(browser.findElements(By.id("preferredTimes"))).isEmpty();
			assertThat(platform.count("assessment-service", "SELECT COUNT(*) FROM lead")).isEqualTo(leadsBefore);
			browser.findElement(By.id("field-name")).sendKeys("Robin Later");
			browser.findElement(By.id("field-email")).sendKeys("robin@later.example");
			browser.findElement(By.id("field-company")).sendKeys("Later Ltd");
			browser.findElement(By.cssSelector("label[for='field-consent']")).click();
			screenshot(browser, "10-contact-after-result");
			WebElement result = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("#contact button[type=submit]")).click();
			Browsers.awaitNewPage(browser, result);

			assertThat(browser.findElement(By.cssSelector("#consultation .success")).getText())
				.contains("we have your details");
			assertThat(browser.findElements(By.id("preferredTimes"))).isNotEmpty();
			assertThat(platform.count("assessment-service", "SELECT COUNT(*) FROM lead")).isEqualTo(leadsBefore + 1);
			assertThat(platform.count("assessment-service",
					"SELECT COUNT(*) FROM lead WHERE email = 'robin@later.example'"))
				.isEqualTo(1);
			screenshot(browser, "11-contact-given");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	@Order(6)
	void withContentServiceStoppedTheGuideIsStillServedFromTheCache() {
		WebDriver browser = browser(true);
		try {
			browser.get(platform.gatewayUrl() + GUIDE);
			platform.stop("content-service");
			Platform.sleep(2500);
			browser.get(platform.gatewayUrl() + GUIDE);
			browser.navigate().refresh();
			assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase("Co-Managed IT");
			assertThat(browser.findElements(By.cssSelector(".faq details"))).isNotEmpty();
			screenshot(browser, "09-guide-from-cache");
		}
		finally {
			browser.quit();
		}
	}

	private void assessmentEndToEnd(boolean javascript, String name) {
		WebDriver browser = browser(javascript);
		try {
			browser.get(platform.gatewayUrl() + "/assessment");
			int step = 0;
			while (!browser.getCurrentUrl().contains("/assessment/result/") && step < 10) {
				step++;
				answerVisibleQuestions(browser);
				if (browser.findElements(By.id("field-email")).size() > 0) {
					browser.findElement(By.id("field-name")).sendKeys("Dana Prospect");
					browser.findElement(By.id("field-email")).sendKeys("dana+" + name + "@example.com");
					browser.findElement(By.id("field-company")).sendKeys("Acme " + name);
					browser.findElement(By.id("field-consent")).click();
					Platform.sleep(1100);
				}
				if (step == 1) {
					screenshot(browser, "03-" + name + "-wizard-step-1");
				}
				WebElement page = browser.findElement(By.tagName("html"));
				browser.findElement(By.cssSelector("button[value=next]")).click();
				// The next step is a new page: wait until the one just posted is gone.
				Browsers.awaitNewPage(browser, page);
			}
			assertThat(browser.getCurrentUrl()).contains("/assessment/result/");
			assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("We recommend");
			assertThat(browser.findElements(By.cssSelector("svg[role=img]"))).hasSizeGreaterThanOrEqualTo(1);
			assertThat(browser.findElements(By.cssSelector(".factors a"))).isNotEmpty();
			screenshot(browser, "04-" + name + "-result");

			browser.findElement(By.id("preferredTimes")).sendKeys("Weekday mornings");
			browser.findElement(By.id("message")).sendKeys("We would like to talk about after-hours cover.");
			WebElement result = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("#consultation button[type=submit]")).click();
			Browsers.awaitNewPage(browser, result);
			assertThat(browser.findElement(By.cssSelector("#consultation .success")).getText()).contains("Thank you");
			screenshot(browser, "05-" + name + "-consultation-requested");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * Picks the first offered answer of every question the page shows, trying again while
	 * the page is still being replaced under it.
	 */
	private static void answerVisibleQuestions(WebDriver browser) {
		for (int attempt = 1;; attempt++) {
			try {
				answerVisibleQuestionsOnce(browser);
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

	private static void answerVisibleQuestionsOnce(WebDriver browser) {
		for (WebElement fieldset : browser.findElements(By.cssSelector("form.wizard fieldset"))) {
			if (!fieldset.isDisplayed()) {
				continue;
			}
			List<WebElement> choices = fieldset.findElements(By.cssSelector("input[type=radio], input[type=checkbox]"));
			if (!choices.isEmpty() && choices.stream().noneMatch(WebElement::isSelected)) {
				WebElement first = choices.get(0);
				browser.findElement(By.cssSelector("label[for='" + first.getAttribute("id") + "']")).click();
			}
		}
	}

	private static WebDriver browser(boolean javascript) {
		return Browsers.start(javascript, 1280, 1800);
	}

	private static void screenshot(WebDriver browser, String name) {
		Browsers.screenshot(browser, name);
	}

	private static String consentVersion() {
		Matcher matcher = Pattern.compile("\"consent\":\\{\"version\":\"([^\"]+)\"")
			.matcher(get("/api/v1/assessment").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static HttpResponse<String> postSubmission(UUID id, String consentVersion, int i, String startToken)
			throws Exception {
		String body = """
				{"id":"%s","answers":{"employees":"11-50","internal_it":"it_person","growth":"fast","workload":"overloaded",
				 "skills_gaps":["cybersecurity"],"project_delays":"sometimes","support_wait":"often","coverage":"extended_hours",
				 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
				 "hiring":"somewhat_hard","predictability":"medium"},
				 "contact":{"name":"Prospect %d","email":"prospect%d@example.com","company":"Company %d"},
				 "consent":{"accepted":true,"textVersion":"%s"},"attribution":{"utm_source":"e2e"}}"""
			.formatted(id, i, i, i, consentVersion);
		body = Platform.started(body, startToken);
		return http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/assessment/submissions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
