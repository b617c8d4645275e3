package com.northbeam.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that fills the hidden honeypot field (as an over-eager autofill does) still
 * reaches its result; the submission waits in quarantine with no email sent, and once
 * staff release it from Leads → Quarantine (a page without JavaScript) the lead's email
 * arrives in GreenMail, once, even after a second click. Screenshots land in
 * {@code e2e-tests/target/screenshots} (quarantine-*). Through the JSON API, a submission
 * sent sooner after its start than a person can, or without a start of its own, waits in
 * quarantine too, with the same answer as a person's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarantineBrowserTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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
	@Order(1)
	void aHoneypotFilledRunReachesItsResultWaitsInQuarantineAndIsReleasedAndEmailedOnce() throws Exception {
		String company = "Autofill " + UUID.randomUUID().toString().substring(0, 8);
		WebDriver prospect = Browsers.start(true, 1280, 1800);
		try {
			prospect.get(platform.gatewayUrl() + "/assessment");
			// What an over-eager autofill does: the field people never see gets a value.
			((JavascriptExecutor) prospect)
				.executeScript("document.querySelector('input[name=website]').value = 'https://autofill.example';");
			int step = 0;
			while (!prospect.getCurrentUrl().contains("/assessment/result/") && step < 10) {
				step++;
				Browsers.answerVisibleQuestions(prospect);
				if (!prospect.findElements(By.id("field-email")).isEmpty()) {
					prospect.findElement(By.id("field-name")).sendKeys("Robin Autofill");
					prospect.findElement(By.id("field-email")).sendKeys("robin@autofill.example");
					prospect.findElement(By.id("field-company")).sendKeys(company);
					prospect.findElement(By.id("field-consent")).click();
					Platform.sleep(1100);
				}
				WebElement page = prospect.findElement(By.tagName("html"));
				prospect.findElement(By.cssSelector("button[value=next]")).click();
				Browsers.awaitNewPage(prospect, page);
			}
			assertThat(prospect.getCurrentUrl()).contains("/assessment/result/");
			assertThat(prospect.findElement(By.tagName("h1")).getText()).startsWith("We recommend");
			Browsers.screenshot(prospect, "quarantine-01-honeypot-run-result");
		}
		finally {
			prospect.quit();
		}

		assertThat(count("SELECT COUNT(*) FROM quarantine WHERE company = '" + company
				+ "' AND reasons LIKE '%honeypot%' AND released_at IS NULL"))
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM lead WHERE company = '" + company + "'")).isZero();
		Platform.sleep(2000);
		assertThat(mail.received()).as("no notification while in quarantine").isEmpty();

		WebDriver staff = Browsers.start(false, 1280, 1000);
		try {
			Browsers.signInAsAdmin(staff, platform);
			staff.get(platform.gatewayUrl() + "/dashboard/leads");
			WebElement leads = staff.findElement(By.tagName("html"));
			staff.findElement(By.linkText("Quarantine")).click();
			Browsers.awaitNewPage(staff, leads);
			assertThat(staff.getCurrentUrl()).endsWith("/dashboard/leads/quarantine");
			WebElement row = staff.findElement(By.xpath("//tr[td[text()='" + company + "']]"));
			assertThat(row.getText()).contains("robin@autofill.example", "Filled in the hidden field people never see");
			Browsers.screenshot(staff, "quarantine-02-waiting");

			// The same page open in a second tab, to click Release there after it is
			// done.
			String first = staff.getWindowHandle();
			staff.switchTo().newWindow(WindowType.TAB);
			staff.get(platform.gatewayUrl() + "/dashboard/leads/quarantine");
			String second = staff.getWindowHandle();
			staff.switchTo().window(first);

			WebElement list = staff.findElement(By.tagName("html"));
			row.findElement(By.cssSelector("button[name=release]")).click();
			Browsers.awaitNewPage(staff, list);
			assertThat(staff.findElement(By.cssSelector(".dash-notice")).getText()).contains("it is a lead now");
			assertThat(staff.findElements(By.xpath("//tr[td[text()='" + company + "']]"))).isEmpty();
			Browsers.screenshot(staff, "quarantine-03-released");

			staff.switchTo().window(second);
			WebElement stale = staff.findElement(By.tagName("html"));
			staff.findElement(By.xpath("//tr[td[text()='" + company + "']]//button[@name='release']")).click();
			Browsers.awaitNewPage(staff, stale);
			assertThat(staff.findElement(By.cssSelector(".dash-notice")).getText())
				.contains("already released or discarded");
			Browsers.screenshot(staff, "quarantine-04-second-click");
		}
		finally {
			staff.quit();
		}

		assertThat(mail.await(1, Duration.ofSeconds(20))).as("the lead's email after the release").isTrue();
		Platform.sleep(3000);
		MimeMessage[] received = mail.received();
		assertThat(received).as("exactly one email").hasSize(1);
		assertThat(GreenMailUtil.getBody(received[0]) + received[0].getSubject()).contains(company);
		assertThat(count("SELECT COUNT(*) FROM lead WHERE company = '" + company + "'")).isEqualTo(1);
	}

	@Test
	@Order(2)
	void jsonApiSubmissionsTooSoonAfterTheirStartOrWithoutOneWaitInQuarantineAndAreAnsweredAsUsual() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String consent = platform.consentVersion();
		String botStart = platform.startToken();
		String personStart = platform.startToken();

		HttpResponse<String> bot = submit("Bot " + tag, consent, botStart);
		HttpResponse<String> noStart = submit("NoStart " + tag, consent, null);
		Platform.sleep(Platform.PERSON_TIME.toMillis());
		HttpResponse<String> person = submit("Person " + tag, consent, personStart);
		HttpResponse<String> reused = submit("Reused " + tag, consent, personStart);

		for (HttpResponse<String> response : List.of(bot, noStart, person, reused)) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			assertThat(response.body().replaceAll("[0-9a-f-]{36}", "ID"))
				.isEqualTo(person.body().replaceAll("[0-9a-f-]{36}", "ID"));
		}
		assertThat(held("Bot " + tag)).isEqualTo("too_fast");
		assertThat(held("NoStart " + tag)).isEqualTo("no_start");
		assertThat(held("Reused " + tag)).isEqualTo("no_start");
		assertThat(count("SELECT COUNT(*) FROM quarantine WHERE company = 'Person " + tag + "'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM lead WHERE company = 'Person " + tag + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM lead WHERE company LIKE '% " + tag + "'")).isEqualTo(1);
	}

	private static String held(String company) {
		long rows = count("SELECT COUNT(*) FROM quarantine WHERE company = '" + company + "' AND released_at IS NULL");
		assertThat(rows).as(company + " in quarantine").isEqualTo(1);
		for (String reason : List.of("too_fast", "no_start")) {
			if (count("SELECT COUNT(*) FROM quarantine WHERE company = '" + company + "' AND reasons = '" + reason
					+ "'") == 1) {
				return reason;
			}
		}
		return "another reason";
	}

	private static HttpResponse<String> submit(String company, String consent, String startToken) throws Exception {
		String slug = company.toLowerCase(java.util.Locale.ROOT).replace(' ', '.');
		String body = """
				{"id":"%s","answers":{"employees":"11-50","internal_it":"it_person","growth":"fast","workload":"overloaded",
				 "skills_gaps":["cybersecurity"],"project_delays":"sometimes","support_wait":"often","coverage":"extended_hours",
				 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
				 "hiring":"somewhat_hard","predictability":"medium"},
				 "contact":{"name":"Api Prospect","email":"%s@api.example","company":"%s"},
				 "consent":{"accepted":true,"textVersion":"%s"}}"""
			.formatted(UUID.randomUUID(), slug, company, consent);
		if (startToken != null) {
			body = Platform.started(body, startToken);
		}
		return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/assessment/submissions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long count(String sql) {
		return platform.count("assessment-service", sql);
	}

}
