package com.northbeam.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes the scoring rules safely in a real browser: three prospects without
 * dedicated IT (fully managed today) and one with an overloaded IT team (co-managed)
 * submit through the public JSON API; the admin opens the workbench, copies the published
 * rules into a draft, turns the weight of "no dedicated IT" for co-managed from -20 to
 * +100, tries it (exactly the three move from fully managed to co-managed), publishes it
 * with a reason (the golden persona without IT fails, as it should), sees a new
 * submission scored with the new version, and rescores an old lead, which then lists both
 * results. Screenshots land in {@code e2e-tests/target/screenshots}.
 */
class ScoringBrowserTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static Platform platform;

	@BeforeAll
	static void startPlatform() throws IOException {
		Files.createDirectories(Browsers.SCREENSHOTS);
		platform = new Platform().start();
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void anAdminChangesAWeightTriesItPublishesItAndRescoresAnOldLead() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(submit(withoutIt(), "Corner Shop " + i)).contains("\"recommendation\":\"fully_managed\"");
		}
		assertThat(submit(withOverloadedTeam(), "Busy Works")).contains("\"recommendation\":\"co_managed\"");

		WebDriver browser = Browsers.start(true, 1400, 1800);
		try {
			signIn(browser);
			browser.findElement(By.linkText("Scoring")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/dashboard/admin/scoring"));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Rules of version 2",
					"no_dedicated_it", "Decision map of version 2");
			screenshot(browser, "scoring-01-published");

			browser.findElement(By.xpath("//button[normalize-space()='New draft']")).click();
			expectNotice(browser, "A new draft was copied from version 2");
			String draftUrl = browser.getCurrentUrl();
			screenshot(browser, "scoring-02-draft");

			browser.findElement(By.cssSelector("a[href$='/rules/no_dedicated_it']")).click();
			WebElement weight = browser.findElement(By.id("field-effects-co_managed"));
			assertThat(weight.getAttribute("value")).isEqualTo("-20");
			weight.clear();
			weight.sendKeys("100");
			screenshot(browser, "scoring-03-rule-form");
			browser.findElement(By.xpath("//button[normalize-space()='Save the rule']")).click();
			expectNotice(browser, "Rule no_dedicated_it was saved.");
			assertThat(browser.findElement(By.id("rule-no_dedicated_it")).getText()).contains("+100");

			// Leads are recorded with their submissions; try until all four are counted.
			String trialUrl = draftUrl.replaceAll("[?#].*$", "") + "/trial";
			waitUntil(browser, (b) -> {
				b.get(trialUrl);
				return b.findElement(By.tagName("main")).getText().contains("Leads that would change: 3");
			}, Duration.ofSeconds(30));
			assertThat(browser.findElement(By.tagName("main")).getText())
				.contains("Stored submissions: 3 of 4 would change");
			assertThat(cell(browser, "fully_managed", "co_managed")).isEqualTo("3");
			assertThat(cell(browser, "co_managed", "co_managed")).isEqualTo("1");
			assertThat(cell(browser, "fully_managed", "fully_managed")).isEqualTo("0");
			assertThat(browser.findElement(By.cssSelector(".scoring-distribution")).getText())
				.contains("Fully managed 3 0", "Co-managed 1 4");
			List<WebElement> leads = browser.findElements(By.cssSelector(".scoring-leads a"));
			assertThat(leads).hasSize(3);
			String oldLead = leads.get(0).getAttribute("href");
			assertThat(oldLead).matches(".*/dashboard/leads/[0-9a-f-]{36}");
			screenshot(browser, "scoring-04-trial");

			browser.findElement(By.id("field-reason"))
				.sendKeys("Trying the opposite weight on purpose in the end-to-end test.");
			browser.findElement(By.cssSelector("form.scoring-publish button[type=submit]")).click();
			expectNotice(browser, "Version 3 is published");
			screenshot(browser, "scoring-05-published-v3");

			String fresh = submit(withoutIt(), "Corner Shop 4");
			assertThat(fresh).contains("\"recommendation\":\"co_managed\"");
			browser.get(platform.gatewayUrl() + "/dashboard/leads?q=Corner+Shop+4");
			browser.findElement(By.linkText("Corner Shop 4")).click();
			waitUntil(browser,
					(b) -> b.findElement(By.tagName("main")).getText().contains("Scored with rules version 3"));
			screenshot(browser, "scoring-06-new-lead-v3");
			Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(fresh);
			assertThat(id.find()).isTrue();
			browser.get(platform.gatewayUrl() + "/assessment/result/" + id.group(1));
			assertThat(browser.findElement(By.tagName("h1")).getText()).contains("co-managed");
			screenshot(browser, "scoring-07-new-result");

			browser.get(oldLead);
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Scored with rules version 2");
			browser.findElement(By.xpath("//button[normalize-space()='Rescore with the newest rules (v3)']")).click();
			expectNotice(browser, "Rescored: the newest result uses rules version 3.");
			String lead = browser.findElement(By.tagName("main")).getText();
			assertThat(lead).contains("Scored with rules version 3", "Every result of this lead");
			List<WebElement> rows = browser.findElements(By.cssSelector(".lead-results tbody tr"));
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getText()).startsWith("3");
			assertThat(rows.get(1).getText()).startsWith("2");
			assertThat(browser.findElements(By.xpath("//button[starts-with(normalize-space(), 'Rescore')]"))).isEmpty();
			screenshot(browser, "scoring-08-rescored-lead");
		}
		catch (AssertionError | RuntimeException ex) {
			failure(browser);
			throw ex;
		}
		finally {
			browser.quit();
		}
	}

	private static String cell(WebDriver browser, String from, String to) {
		return browser.findElement(By.cssSelector(".scoring-moves td[data-from='" + from + "'][data-to='" + to + "']"))
			.getText();
	}

	private static String withoutIt() {
		return """
				{"employees":"11-50","internal_it":"none","growth":"moderate","skills_gaps":["none"],
				 "project_delays":"rarely","support_wait":"rarely","coverage":"business_hours",
				 "security_complexity":"basic","tech_footprint":["cloud"],"control_preference":"balanced",
				 "hiring":"somewhat_hard","predictability":"medium"}""";
	}

	private static String withOverloadedTeam() {
		return """
				{"employees":"51-200","internal_it":"it_team","growth":"fast","workload":"overloaded",
				 "skills_gaps":["cybersecurity"],"project_delays":"often","support_wait":"sometimes","coverage":"24x7",
				 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
				 "hiring":"somewhat_hard","predictability":"medium"}""";
	}

	/** A prospect's submission through the public JSON API; the created result. */
	private static String submit(String answers, String company) throws IOException, InterruptedException {
		String consentVersion = platform.consentVersion();
		String body = """
				{"id":"%s","answers":%s,
				 "contact":{"name":"%s","email":"pat@shop.example","company":"%s"},
				 "consent":{"accepted":true,"textVersion":"%s"},"attribution":{"utm_source":"e2e"}}"""
			.formatted(UUID.randomUUID(), answers, company, company, consentVersion);
		body = Platform.started(body, platform.startToken());
		Platform.sleep(Platform.PERSON_TIME.toMillis());
		HttpResponse<String> created = http
			.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/assessment/submissions"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.body();
	}

	private static void signIn(WebDriver browser) {
		browser.get(platform.gatewayUrl() + "/login");
		browser.findElement(By.id("email")).sendKeys(Platform.ADMIN_EMAIL);
		browser.findElement(By.id("password")).sendKeys(Platform.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/dashboard"));
	}

	private static void expectNotice(WebDriver browser, String text) {
		waitUntil(browser, (b) -> b.findElement(By.cssSelector(".dash-notice")).getText().contains(text));
	}

	private static void waitUntil(WebDriver browser, Function<WebDriver, Boolean> condition) {
		waitUntil(browser, condition, Duration.ofSeconds(10));
	}

	private static void waitUntil(WebDriver browser, Function<WebDriver, Boolean> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
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
		assertThat(condition.apply(browser)).as("condition within " + timeout).isTrue();
	}

	private static void failure(WebDriver browser) {
		try {
			screenshot(browser, "scoring-failure");
			Files.writeString(Browsers.SCREENSHOTS.resolve("scoring-failure.html"),
					browser.getCurrentUrl() + "\n" + browser.getPageSource());
		}
		catch (IOException | RuntimeException ignored) {
			// the original failure matters more
		}
	}

	private static void screenshot(WebDriver browser, String name) {
		Browsers.screenshot(browser, name);
	}

}
