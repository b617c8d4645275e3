package com.northbeam.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prospect retakes the assessment from their result, changing two answers, and the new
 * result shows what changed; both results stay on the same lead, whose history shows the
 * deltas, and nobody gets a new-lead email. Then staff (in a browser without JavaScript)
 * take a retake with the prospect from the lead: it lands on the same lead, marked as
 * theirs. Screenshots land in {@code e2e-tests/target/screenshots} (retake-*).
 */
class RetakeBrowserTests {

	/** The first run's answers; every other question takes its first option. */
	private static final Map<String, String> FIRST_RUN = Map.of("employees", "11-50", "internal_it", "it_person",
			"workload", "stretched", "control_preference", "keep_control", "hiring", "easy", "predictability", "low");

	/** The retake changes these two. */
	private static final Map<String, String> RETAKE = Map.of("control_preference", "hand_off", "hiring", "very_hard");

	private static Mailbox mail;

	private static Platform platform;

	@BeforeAll
	static void startPlatform() {
		mail = new Mailbox();
		platform = mail.platform();
		platform.start();
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
		if (mail != null) {
			mail.close();
		}
	}

	@Test
	void aRetakeThatChangesTwoAnswersShowsTheDeltasAndStaysOnTheSameLead() throws Exception {
		String company = "Retake " + UUID.randomUUID().toString().substring(0, 8);
		WebDriver prospect = Browsers.start(true, 1280, 3000);
		try {
			prospect.get(platform.gatewayUrl() + "/assessment");
			walkToResult(prospect, FIRST_RUN, company);
			assertThat(prospect.findElement(By.tagName("h1")).getText()).startsWith("We recommend");
			assertThat(prospect.findElements(By.id("changes"))).as("a first result has nothing to compare").isEmpty();
			String firstResult = prospect.getCurrentUrl();

			WebElement result = prospect.findElement(By.tagName("html"));
			prospect.findElement(By.id("retake")).click();
			Browsers.awaitNewPage(prospect, result);
			assertThat(prospect.findElement(By.cssSelector(".retake-notice")).getText())
				.contains("earlier answers are filled in");
			assertThat(prospect.findElement(By.id("q-employees-11-50")).isSelected()).isTrue();
			walkToResult(prospect, RETAKE, null);

			assertThat(prospect.getCurrentUrl()).isNotEqualTo(firstResult);
			WebElement changes = prospect.findElement(By.id("changes"));
			assertThat(changes.findElements(By.cssSelector(".changes-answers tbody tr"))
				.stream()
				.map((row) -> row.getAttribute("data-question"))
				.toList()).containsExactly("control_preference", "hiring");
			assertThat(changes.findElements(By.cssSelector(".changes-fit tbody tr"))).hasSize(3);
			assertThat(changes.getText()).containsAnyOf("Why the recommendation moved", "Why the recommendation held")
				.contains("Answers that changed", "Fit of each model, before and now");
			assertThat(changes
				.findElement(By
					.cssSelector("a[href='" + firstResult.substring(firstResult.indexOf("/assessment/result/")) + "']"))
				.getText()).isEqualTo("See your earlier result");
			((JavascriptExecutor) prospect).executeScript("document.getElementById('changes').scrollIntoView();");
			Browsers.screenshot(prospect, "retake-01-delta-result");
		}
		finally {
			prospect.quit();
		}

		assertThat(count("SELECT COUNT(*) FROM lead WHERE company = '" + company + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM lead_assessment a JOIN lead l ON l.id = a.lead_id WHERE l.company = '"
				+ company + "'"))
			.isEqualTo(2);
		assertThat(mail.await(1, Duration.ofSeconds(20))).as("the new lead's email").isTrue();

		WebDriver staff = Browsers.start(false, 1280, 2600);
		try {
			Browsers.signInAsAdmin(staff, platform);
			staff.get(platform.gatewayUrl() + "/dashboard/leads?q=" + company.replace(' ', '+'));
			WebElement list = staff.findElement(By.tagName("html"));
			staff.findElement(By.linkText("Robin Retake")).click();
			Browsers.awaitNewPage(staff, list);
			String leadUrl = staff.getCurrentUrl();
			WebElement history = staff.findElement(By.id("assessment-history"));
			assertThat(history.findElements(By.cssSelector(".lead-history > li"))).hasSize(2);
			assertThat(history.getText()).contains("First assessment on", "Retake on", "2 answers changed", " fit ",
					"recommendation");
			assertThat(history.findElements(By.cssSelector(".history-assisted"))).isEmpty();
			staff.get(leadUrl + "#assessment-history");
			Browsers.screenshot(staff, "retake-02-lead-history");

			WebElement lead = staff.findElement(By.tagName("html"));
			staff.findElement(By.id("retake-with-prospect")).click();
			Browsers.awaitNewPage(staff, lead);
			assertThat(staff.getCurrentUrl()).endsWith("/assessment");
			assertThat(staff.findElement(By.cssSelector(".retake-notice")).getText())
				.contains("Retake with the prospect", Platform.ADMIN_EMAIL);
			walkToResult(staff, Map.of("coverage", "24x7"), null);
			assertThat(staff.findElement(By.id("changes"))
				.findElements(By.cssSelector(".changes-answers tbody tr"))
				.stream()
				.map((row) -> row.getAttribute("data-question"))
				.toList()).containsExactly("coverage");

			staff.get(leadUrl);
			history = staff.findElement(By.id("assessment-history"));
			assertThat(history.findElements(By.cssSelector(".lead-history > li"))).hasSize(3);
			assertThat(history.findElement(By.cssSelector(".lead-history > li:last-child .history-assisted")).getText())
				.isEqualTo("staff-assisted, with " + Platform.ADMIN_EMAIL);
			assertThat(staff.findElement(By.cssSelector(".lead-timeline")).getText()).contains("Retake",
					"(" + Platform.ADMIN_EMAIL + ")", "staff-assisted, with the prospect: 1 answer changed");
			staff.get(leadUrl + "#assessment-history");
			Browsers.screenshot(staff, "retake-03-lead-history-staff-assisted");
		}
		finally {
			staff.quit();
		}

		assertThat(count("SELECT COUNT(*) FROM lead WHERE company = '" + company + "'")).isEqualTo(1);
		Platform.sleep(2000);
		assertThat(mail.received()).as("no email for either retake").hasSize(1);
	}

	/**
	 * Goes through the wizard: picks the given answers, keeps what is selected, takes the
	 * first option of anything unanswered, fills the contact step if there is one.
	 */
	private static void walkToResult(WebDriver browser, Map<String, String> answers, String company) {
		int step = 0;
		while (!browser.getCurrentUrl().contains("/assessment/result/") && step < 10) {
			step++;
			// Twice: a question shows once the answer it depends on is picked.
			for (int pass = 0; pass < 2; pass++) {
				answers.forEach((question, code) -> {
					List<WebElement> input = browser.findElements(By.id("q-" + question + "-" + code));
					if (!input.isEmpty() && !input.get(0).isSelected()) {
						WebElement label = browser
							.findElement(By.cssSelector("label[for='q-" + question + "-" + code + "']"));
						if (label.isDisplayed()) {
							label.click();
						}
					}
				});
			}
			Browsers.answerVisibleQuestions(browser);
			if (!browser.findElements(By.id("field-email")).isEmpty()) {
				assertThat(company).as("a retake has no contact step").isNotNull();
				browser.findElement(By.id("field-name")).sendKeys("Robin Retake");
				browser.findElement(By.id("field-email")).sendKeys("robin@retake.example");
				browser.findElement(By.id("field-company")).sendKeys(company);
				browser.findElement(By.id("field-consent")).click();
				Platform.sleep(1100);
			}
			WebElement page = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("button[value=next]")).click();
			Browsers.awaitNewPage(browser, page);
		}
		assertThat(browser.getCurrentUrl()).contains("/assessment/result/");
	}

	private static long count(String sql) {
		return platform.count("assessment-service", sql);
	}

}
