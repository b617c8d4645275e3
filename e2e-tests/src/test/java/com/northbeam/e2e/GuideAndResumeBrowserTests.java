package com.northbeam.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide and the wizard meet: a guide section's "Does this apply to you?" opens the
 * wizard at its question's step with the answers already given; and "Email me a link to
 * finish later" sends a real email (GreenMail) whose link, opened in a second browser
 * with no cookie of the first, brings the answers back. With and without JavaScript.
 * Screenshots land in {@code e2e-tests/target/screenshots} (guide-*, resume-*).
 */
class GuideAndResumeBrowserTests {

	private static final String GUIDE = "/articles/co-managed-vs-fully-managed-it";

	private static final Pattern LINK = Pattern.compile("https?://\\S+/assessment/resume/[A-Za-z0-9_.-]+");

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

	@ParameterizedTest(name = "javascript {0}")
	@ValueSource(booleans = { true, false })
	void aGuideSectionOpensTheWizardAtItsQuestionWithTheAnswersAlreadyGiven(boolean javascript) {
		String mode = javascript ? "js" : "nojs";
		WebDriver browser = Browsers.start(javascript, 1280, 1600);
		try {
			browser.get(platform.gatewayUrl() + "/assessment");
			choose(browser, "employees", "11-50");
			choose(browser, "growth", "fast");
			choose(browser, "tech_footprint", "cloud");
			next(browser);
			assertThat(progress(browser)).isEqualTo("Step 2 of 6");

			browser.get(platform.gatewayUrl() + GUIDE);
			WebElement prompt = browser.findElement(By.id("applies-hiring"));
			assertThat(prompt.getText()).contains("Does this apply to you?",
					"How hard is it to hire and keep IT staff?");
			assertThat(browser.findElements(By.cssSelector("aside.applies"))).hasSize(8);
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", prompt);
			Browsers.screenshot(browser, "guide-01-prompt-" + mode);
			WebElement guide = browser.findElement(By.tagName("html"));
			prompt.findElement(By.tagName("a")).click();
			Browsers.awaitNewPage(browser, guide);

			assertThat(browser.getCurrentUrl()).endsWith("/assessment#field-hiring");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Preferences");
			assertThat(progress(browser)).isEqualTo("Step 4 of 6");
			Browsers.screenshot(browser, "guide-02-wizard-at-hiring-" + mode);
			choose(browser, "control_preference", "balanced");
			choose(browser, "hiring", "very_hard");
			choose(browser, "predictability", "high");
			next(browser);
			assertThat(progress(browser)).isEqualTo("Step 5 of 6");

			browser.get(platform.gatewayUrl() + GUIDE + "#missing-specialised-skills");
			guide = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("#applies-skills_gaps a")).click();
			Browsers.awaitNewPage(browser, guide);
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Needs");

			browser.get(platform.gatewayUrl() + "/assessment?step=0");
			assertThat(progress(browser)).isEqualTo("Step 1 of 6");
			assertThat(selected(browser, "employees", "11-50")).as("the first step's answers are kept").isTrue();
			assertThat(selected(browser, "growth", "fast")).isTrue();
		}
		finally {
			browser.quit();
		}
	}

	@ParameterizedTest(name = "javascript {0}")
	@ValueSource(booleans = { true, false })
	void aLinkFromTheEmailRestoresTheAnswersInASecondBrowser(boolean javascript) throws Exception {
		String mode = javascript ? "js" : "nojs";
		String email = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour.example";
		WebDriver first = Browsers.start(javascript, 1280, 1600);
		try {
			first.get(platform.gatewayUrl() + "/assessment");
			choose(first, "employees", "51-200");
			choose(first, "growth", "moderate");
			choose(first, "tech_footprint", "remote_work");
			next(first);
			choose(first, "internal_it", "it_team");
			choose(first, "workload", "stretched");
			first.findElement(By.cssSelector("#resume summary")).click();
			first.findElement(By.id("resume-email")).sendKeys(email);
			first.findElement(By.cssSelector("label[for=resume-consent]")).click();
			Browsers.screenshot(first, "resume-01-form-" + mode);
			WebElement step = first.findElement(By.tagName("html"));
			first.findElement(By.id("resume-send")).click();
			Browsers.awaitNewPage(first, step);
			assertThat(first.getCurrentUrl()).endsWith("/assessment/link-sent");
			assertThat(first.findElement(By.tagName("h1")).getText()).isEqualTo("Check your inbox");
			Browsers.screenshot(first, "resume-02-sent-" + mode);
		}
		finally {
			first.quit();
		}

		String link = linkEmailedTo(email);
		WebDriver second = Browsers.start(javascript, 1280, 1600);
		try {
			for (int use = 1; use <= 2; use++) {
				second.manage().deleteAllCookies();
				second.get(link);
				assertThat(second.getCurrentUrl()).endsWith("/assessment");
				assertThat(progress(second)).isEqualTo("Step 2 of 6");
				assertThat(selected(second, "internal_it", "it_team")).isTrue();
				assertThat(selected(second, "workload", "stretched")).isTrue();
			}
			Browsers.screenshot(second, "resume-03-restored-" + mode);
			second.get(platform.gatewayUrl() + "/assessment?step=0");
			assertThat(selected(second, "employees", "51-200")).isTrue();
			assertThat(selected(second, "tech_footprint", "remote_work")).isTrue();

			int cut = link.lastIndexOf('.') - 3;
			String tampered = link.substring(0, cut) + (link.charAt(cut) == 'A' ? 'B' : 'A') + link.substring(cut + 1);
			second.get(tampered);
			assertThat(second.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
			Browsers.screenshot(second, "resume-04-tampered-" + mode);
			WebElement problem = second.findElement(By.tagName("html"));
			second.findElement(By.id("start-afresh")).click();
			Browsers.awaitNewPage(second, problem);
			assertThat(progress(second)).isEqualTo("Step 1 of 6");
			assertThat(second.findElements(By.cssSelector("form.wizard input:checked"))).isEmpty();
		}
		finally {
			second.quit();
		}
	}

	private static String linkEmailedTo(String email) throws Exception {
		List<MimeMessage> messages = mail.awaitTo(email, Duration.ofSeconds(30));
		assertThat(messages).as("an email to " + email).isNotEmpty();
		MimeMessage message = messages.get(0);
		assertThat(message.getSubject()).isEqualTo("Your link to finish the IT support assessment");
		Matcher link = LINK.matcher(message.getContent().toString());
		assertThat(link.find()).as("a link in the email").isTrue();
		assertThat(link.group()).startsWith(platform.gatewayUrl()).doesNotContain("sam", "harbour");
		return link.group();
	}

	private static void choose(WebDriver browser, String question, String code) {
		browser.findElement(By.cssSelector("label[for='q-" + question + "-" + code + "']")).click();
	}

	private static boolean selected(WebDriver browser, String question, String code) {
		return browser.findElement(By.id("q-" + question + "-" + code)).isSelected();
	}

	private static void next(WebDriver browser) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("button[value=next]")).click();
		Browsers.awaitNewPage(browser, page);
	}

	private static String progress(WebDriver browser) {
		return browser.findElement(By.id("progress-label")).getText();
	}

}
