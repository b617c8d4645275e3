package com.northbeam.e2e;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * {@code e2e-tests/target/screenshots} (quarantine-*).
 */
class QuarantineBrowserTests {

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

	private static long count(String sql) {
		return platform.count("assessment-service", sql);
	}

}
