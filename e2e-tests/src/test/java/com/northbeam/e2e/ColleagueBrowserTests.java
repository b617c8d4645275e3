package com.northbeam.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several respondents, one company result: a prospect finishes the assessment and invites
 * their IT colleague from the result page; the invitation arrives over SMTP (GreenMail)
 * and its link is opened in a second browser, a separate profile with no cookie of the
 * first; the colleague answers the IT questions differently and both see the merged
 * result with each disagreement; the lead shows both respondents. Screenshots land in
 * {@code e2e-tests/target/screenshots} (colleague-*).
 */
class ColleagueBrowserTests {

	private static final Pattern LINK = Pattern.compile("(http://\\S+/assessment/colleague/[A-Za-z0-9_.-]+)");

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
	void anInvitedColleagueAnswersInASecondBrowserAndTheMergedResultShowsWhereTheyDisagreed() throws Exception {
		String company = "Two Voices " + UUID.randomUUID().toString().substring(0, 8);
		String colleagueEmail = "robin.it@" + company.substring(11) + ".example";
		String resultUrl;
		WebDriver prospect = Browsers.start(true, 1280, 1600);
		try {
			prospect.get(platform.gatewayUrl() + "/assessment");
			int step = 0;
			while (!prospect.getCurrentUrl().contains("/assessment/result/") && step < 10) {
				step++;
				Browsers.answerVisibleQuestions(prospect);
				if (!prospect.findElements(By.id("field-email")).isEmpty()) {
					prospect.findElement(By.id("field-name")).sendKeys("Dana Owner");
					prospect.findElement(By.id("field-email")).sendKeys("dana@two-voices.example");
					prospect.findElement(By.id("field-company")).sendKeys(company);
					prospect.findElement(By.id("field-consent")).click();
					// Faster than a person would be is quarantined; this one is a person.
					Platform.sleep(2100);
				}
				WebElement page = prospect.findElement(By.tagName("html"));
				prospect.findElement(By.cssSelector("button[value=next]")).click();
				Browsers.awaitNewPage(prospect, page);
			}
			resultUrl = prospect.getCurrentUrl();
			assertThat(resultUrl).contains("/assessment/result/");
			assertThat(prospect.findElement(By.tagName("h1")).getText()).isEqualTo("We recommend fully managed IT");

			prospect.findElement(By.id("colleague-email")).sendKeys(colleagueEmail);
			prospect.findElement(By.cssSelector("label[for=colleague-expected]")).click();
			WebElement result = prospect.findElement(By.tagName("html"));
			prospect.findElement(By.cssSelector("#colleague button[type=submit]")).click();
			Browsers.awaitNewPage(prospect, result);
			assertThat(prospect.findElement(By.cssSelector("#colleague .success")).getText())
				.startsWith("Invitation sent.");
			scrollTo(prospect, "colleague");
			Browsers.screenshot(prospect, "colleague-01-invited");
		}
		finally {
			prospect.quit();
		}

		// The sales inbox gets the new lead; the colleague gets the invitation, once.
		mail.awaitTo(colleagueEmail, Duration.ofSeconds(20));
		Platform.sleep(1500);
		List<MimeMessage> invitations = mail.to(colleagueEmail);
		assertThat(invitations).as("the invitation email").hasSize(1);
		String body = GreenMailUtil.getBody(invitations.get(0));
		assertThat(body).doesNotContain("Dana", company);
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();

		WebDriver colleague = Browsers.start(true, 1280, 1600);
		try {
			colleague.get(link.group(1));
			assertThat(colleague.findElement(By.tagName("h1")).getText())
				.isEqualTo("Your colleague asked for your view");
			assertThat(colleague.findElements(By.id("field-employees"))).isEmpty();
			assertThat(colleague.findElements(By.id("field-predictability"))).isEmpty();
			choose(colleague, "internal_it", "it_person");
			choose(colleague, "workload", "overloaded");
			choose(colleague, "skills_gaps", "cybersecurity");
			choose(colleague, "skills_gaps", "compliance");
			choose(colleague, "project_delays", "often");
			choose(colleague, "support_wait", "often");
			choose(colleague, "coverage", "24x7");
			choose(colleague, "security_complexity", "complex");
			colleague.findElement(By.id("field-name")).sendKeys("Robin IT");
			colleague.findElement(By.id("field-email")).sendKeys(colleagueEmail);
			colleague.findElement(By.cssSelector("label[for=field-consent]")).click();
			Browsers.screenshot(colleague, "colleague-02-questions");
			WebElement questions = colleague.findElement(By.tagName("html"));
			colleague.findElement(By.cssSelector("form.wizard button[type=submit]")).click();
			Browsers.awaitNewPage(colleague, questions);

			assertThat(colleague.getCurrentUrl()).startsWith(resultUrl);
			WebElement disagreements = colleague.findElement(By.id("disagreements"));
			assertThat(disagreements.getText()).contains("Two people answered for your company",
					"it uses the IT colleague's answer to the questions about the IT team and its needs",
					"How busy is your IT person or team?", "They cannot keep up; requests pile up",
					"We have no IT person or team", "Around the clock, every day");
			assertThat(disagreements.findElements(By.cssSelector("tbody tr"))).hasSize(7);
			assertThat(colleague.findElement(By.tagName("h1")).getText()).isNotEqualTo("We recommend fully managed IT");
			scrollTo(colleague, "disagreements");
			Browsers.screenshot(colleague, "colleague-03-merged-result");
		}
		finally {
			colleague.quit();
		}

		assertThat(mail.to(colleagueEmail)).as("no second email to the colleague").hasSize(1);
		// The respondent's own browser sees the same company result.
		WebDriver again = Browsers.start(false, 1280, 1600);
		try {
			again.get(resultUrl);
			assertThat(again.findElement(By.id("disagreements")).findElements(By.cssSelector("tbody tr"))).hasSize(7);
			assertThat(again.findElements(By.id("colleague-email"))).isEmpty();
		}
		finally {
			again.quit();
		}
		assertThat(count("SELECT COUNT(*) FROM lead WHERE company = '" + company + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM quarantine WHERE company = '" + company + "'")).isZero();

		WebDriver staff = Browsers.start(false, 1280, 1400);
		try {
			Browsers.signInAsAdmin(staff, platform);
			staff.get(platform.gatewayUrl() + "/dashboard/leads?q=" + company.replace(' ', '+'));
			WebElement list = staff.findElement(By.tagName("html"));
			staff.findElement(By.linkText("Dana Owner")).click();
			Browsers.awaitNewPage(staff, list);
			WebElement respondents = staff.findElement(By.id("respondents"));
			assertThat(respondents.getText()).contains("Dana Owner", "dana@two-voices.example", "Robin IT",
					colleagueEmail, "Consent text 2026-11-v1", "IT colleague");
			assertThat(staff.findElement(By.tagName("body")).getText()).contains("colleague answered the IT questions");
			scrollTo(staff, "respondents");
			Browsers.screenshot(staff, "colleague-04-lead-respondents");
		}
		finally {
			staff.quit();
		}
	}

	private static void choose(WebDriver browser, String question, String code) {
		browser.findElement(By.cssSelector("label[for='q-" + question + "-" + code + "']")).click();
	}

	private static void scrollTo(WebDriver browser, String id) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
	}

	private static long count(String sql) {
		return platform.count("assessment-service", sql);
	}

}
