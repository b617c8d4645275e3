package com.northbeam.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A salesperson's morning. An admin creates a sales account and a routing rule that gives
 * it the co-managed leads; a prospect takes the assessment in the browser and reads who
 * would own what on the result; the lead arrives with its owner. While it waits, the
 * admin sets the response target to one working minute, all day every day in a time zone
 * without daylight saving, and the salesperson signs in, reads the call-prep brief and
 * the responsibility matrix on the lead and changes one cell with a note. The minute
 * passes: the owner gets one email (GreenMail) and no second, and the lead list flags the
 * lead overdue. The salesperson logs a call; the list then says how long first contact
 * took and the overview's response-time charts show it. Screenshots land in
 * {@code e2e-tests/target/screenshots} (morning-*).
 */
class SalesMorningBrowserTests {

	/**
	 * The golden persona "Large company with an overloaded IT team that wants control":
	 * co-managed IT.
	 */
	private static final Map<String, List<String>> ANSWERS = Map.ofEntries(Map.entry("employees", List.of("201-1000")),
			Map.entry("growth", List.of("fast")),
			Map.entry("tech_footprint",
					List.of("cloud", "remote_work", "security_controls", "collaboration_platforms")),
			Map.entry("internal_it", List.of("it_team")), Map.entry("workload", List.of("overloaded")),
			Map.entry("support_wait", List.of("often")), Map.entry("project_delays", List.of("often")),
			Map.entry("skills_gaps", List.of("cybersecurity", "cloud_migration", "compliance")),
			Map.entry("coverage", List.of("24x7")), Map.entry("security_complexity", List.of("complex")),
			Map.entry("control_preference", List.of("keep_control")), Map.entry("hiring", List.of("somewhat_hard")),
			Map.entry("predictability", List.of("medium")));

	private static Mailbox mail;

	private static Platform platform;

	@BeforeAll
	static void startPlatform() {
		mail = new Mailbox();
		platform = mail.platform("--assessment.leads.overdue-check-interval=1s");
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
	void aRoutedLeadIsReadWorkedFlaggedOverdueOnceAndContacted() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String company = "Harbour Freight " + marker;
		String salesEmail = "sam-" + marker + "@e2e.northbeam.test";
		String salesPassword = "sales password " + UUID.randomUUID();
		String rule = "Co-managed leads to Sam " + marker;

		WebDriver admin = Browsers.start(true, 1400, 1600);
		try {
			Browsers.signInAsAdmin(admin, platform);
			createSalesAccount(admin, salesEmail, salesPassword);
			createRoutingRule(admin, rule, salesEmail);
			WebElement row = admin.findElement(By.xpath("//tr[th/a[text()='" + rule + "']]"));
			assertThat(row.getText()).contains("Recommendation: Co-managed", salesEmail);
			Browsers.screenshot(admin, "morning-01-routing-rule");

			takeTheAssessment(company);
			awaitTrue("the lead arrives with its owner", Duration.ofSeconds(30),
					() -> count("SELECT COUNT(*) FROM lead WHERE company = '" + company + "' AND owner = '" + salesEmail
							+ "'") == 1);

			// The minute starts with the lead's arrival; the admin sets it meanwhile.
			setResponseTargetToOneMinuteAllDay(admin);
		}
		finally {
			admin.quit();
		}

		WebDriver sales = Browsers.start(true, 1400, 2000);
		try {
			Browsers.signIn(sales, platform, salesEmail, salesPassword);
			sales.get(platform.gatewayUrl() + "/dashboard/leads?owner=me");
			WebElement waiting = leadRow(sales, company);
			// the owner by name, the email on hover
			assertThat(waiting.getText()).contains("Dana Harbour", "Co-managed IT", "Sam Seller", "waiting")
				.doesNotContain("Overdue");
			assertThat(waiting.findElements(By.xpath(".//td[@title='" + salesEmail + "']"))).hasSize(1);
			WebElement list = sales.findElement(By.tagName("html"));
			waiting.findElement(By.linkText("Dana Harbour")).click();
			Browsers.awaitNewPage(sales, list);
			String leadUrl = sales.getCurrentUrl();

			readTheBrief(sales, company);
			Browsers.screenshot(sales, "morning-04-lead-brief");
			readAndEditTheMatrix(sales, salesEmail);
			assertThat(sales.findElement(By.cssSelector(".lead-timeline")).getText()).contains("Routing",
					"Assigned to " + salesEmail + " by routing rule '" + rule + "'");

			// The minute passes: one email to the owner, the first check after it.
			List<MimeMessage> toOwner = mail.awaitTo(salesEmail, Duration.ofSeconds(90));
			assertThat(toOwner).as("the overdue email to the lead's owner").hasSize(1);
			MimeMessage overdue = toOwner.get(0);
			assertThat(overdue.getSubject()).startsWith("Lead waiting past the response target: co_managed");
			assertThat(GreenMailUtil.getBody(overdue)).contains("has waited longer than the response target",
					"Company: " + company, "/leads/");
			Platform.sleep(3000);
			assertThat(mail.to(salesEmail)).as("no second overdue email after three more checks").hasSize(1);
			sales.get(leadUrl);
			assertThat(sales.findElement(By.cssSelector(".lead-timeline")).getText()).containsOnlyOnce(
					"Past the response target (system:overdue-check) waited past the response target of 1 working minute; "
							+ salesEmail + " was told");

			sales.get(platform.gatewayUrl() + "/dashboard/leads?owner=me&overdue=true");
			WebElement flagged = leadRow(sales, company);
			assertThat(flagged.getAttribute("class")).contains("lead-row-overdue");
			assertThat(oneLine(flagged.findElement(By.cssSelector(".leads-response"))))
				.matches("\\W*Overdue waiting \\d+ min");
			Browsers.screenshot(sales, "morning-06-overdue-list");

			String before = responseCharts(sales);
			assertThat(sales.findElement(By.id("response-overdue")).getText()).isEqualTo("1");
			assertThat(before).contains("Nothing recorded in this period yet.");
			assertThat(sales.findElements(By.cssSelector("#chart-response-owners svg"))).isEmpty();
			Browsers.screenshot(sales, "morning-07-charts-before-contact");

			sales.get(leadUrl);
			sales.findElement(By.id("note"))
				.sendKeys("Called Dana: they want the workshop; matrix walked through, planning shared.");
			sales.findElement(By.cssSelector("label[for=note-kind-call]")).click();
			WebElement lead = sales.findElement(By.tagName("html"));
			sales.findElement(By.cssSelector("form[action$='/notes'] button[type=submit]")).click();
			Browsers.awaitNewPage(sales, lead);
			assertThat(sales.findElement(By.cssSelector(".dash-notice")).getText()).isEqualTo("Note added.");
			assertThat(sales.findElement(By.id("lead-first-contact")).getText()).contains("contacted in")
				.doesNotContain("Overdue");

			sales.get(platform.gatewayUrl() + "/dashboard/leads?owner=me");
			WebElement contacted = leadRow(sales, company);
			assertThat(contacted.getAttribute("class")).doesNotContain("lead-row-overdue");
			assertThat(oneLine(contacted.findElement(By.cssSelector(".leads-response"))))
				.matches("contacted in \\d+ min");
			Browsers.screenshot(sales, "morning-08-contacted-list");

			String after = responseCharts(sales);
			assertThat(sales.findElement(By.id("response-overdue")).getText()).isEqualTo("0");
			WebElement owners = sales.findElement(By.id("chart-response-owners"));
			owners.findElement(By.tagName("summary")).click();
			// the owner by name, the email on hover
			WebElement ownerRow = owners.findElement(By.xpath(".//tbody/tr[th[@title='" + salesEmail + "']]"));
			assertThat(ownerRow.getText()).matches("Sam Seller 1 \\d+ min \\d+ min");
			assertThat(owners.findElements(By.cssSelector("svg rect.overview-bar"))).hasSize(1);
			assertThat(after).isNotEqualTo(before).doesNotContain("Nothing recorded in this period yet.");
			scrollTo(sales, "speed-to-lead");
			Browsers.screenshot(sales, "morning-09-charts-after-contact");
		}
		finally {
			sales.quit();
		}
		assertThat(mail.to(salesEmail)).as("still one email to the owner").hasSize(1);
	}

	private static void createSalesAccount(WebDriver admin, String email, String password) {
		admin.get(platform.gatewayUrl() + "/dashboard/admin/staff");
		admin.findElement(By.id("new-email")).sendKeys(email);
		admin.findElement(By.id("new-name")).sendKeys("Sam Seller");
		WebElement sales = admin.findElement(By.id("new-role-SALES"));
		if (!sales.isSelected()) {
			sales.click();
		}
		admin.findElement(By.id("new-password")).sendKeys(password);
		submit(admin, "form[action$='/dashboard/admin/staff'] button[type=submit]");
		assertThat(admin.findElement(By.cssSelector(".dash-notice")).getText()).contains(email);
	}

	private static void createRoutingRule(WebDriver admin, String name, String owner) {
		admin.get(platform.gatewayUrl() + "/dashboard/admin/routing/rules/new");
		admin.findElement(By.id("field-name")).sendKeys(name);
		admin.findElement(By.cssSelector("label[for=rec-co_managed]")).click();
		new Select(admin.findElement(By.id("field-assignTo"))).selectByValue("owner:" + owner);
		submit(admin, "form.routing-rule button[type=submit]");
		assertThat(admin.getCurrentUrl()).endsWith("/dashboard/admin/routing");
		assertThat(admin.findElement(By.cssSelector(".dash-notice")).getText())
			.isEqualTo("The rule " + name + " was added at the end of the list.");
	}

	/**
	 * The prospect's run through the wizard, then who would own what on the public
	 * result.
	 */
	private static void takeTheAssessment(String company) {
		WebDriver prospect = Browsers.start(true, 1280, 2200);
		try {
			prospect.get(platform.gatewayUrl() + "/assessment");
			for (int step = 0; step < 10 && !prospect.getCurrentUrl().contains("/assessment/result/"); step++) {
				// Twice: a question shows once the answer it depends on is picked.
				for (int pass = 0; pass < 2; pass++) {
					ANSWERS.forEach((question, codes) -> codes.forEach((code) -> choose(prospect, question, code)));
				}
				Browsers.answerVisibleQuestions(prospect);
				if (!prospect.findElements(By.id("field-email")).isEmpty()) {
					prospect.findElement(By.id("field-name")).sendKeys("Dana Harbour");
					prospect.findElement(By.id("field-email")).sendKeys("dana@harbour-freight.example");
					prospect.findElement(By.id("field-company")).sendKeys(company);
					prospect.findElement(By.id("field-consent")).click();
				}
				submit(prospect, "button[value=next]");
			}
			assertThat(prospect.getCurrentUrl()).contains("/assessment/result/");
			assertThat(prospect.findElement(By.tagName("h1")).getText()).isEqualTo("We recommend co-managed IT");

			WebElement matrix = prospect.findElement(By.id("responsibility-matrix"));
			assertThat(matrix.findElement(By.tagName("h2")).getText())
				.isEqualTo("Who would own what under co-managed IT");
			assertThat(matrix.findElements(By.cssSelector("tbody tr"))).hasSize(12);
			assertThat(resultRow(matrix, "security_operations")).isEqualTo(
					"Security operations Provider Cybersecurity skills are missing, so the provider runs security operations.");
			assertThat(resultRow(matrix, "monitoring")).isEqualTo("Monitoring Provider 24/7 coverage is needed and the "
					+ "team works business hours, so out-of-hours monitoring goes to the provider.");
			assertThat(resultRow(matrix, "strategic_planning")).isEqualTo(
					"Strategic planning Your team You want to keep control, so strategic planning stays internal.");
			assertThat(matrix.findElement(By.cssSelector(".leadership-keeps")).getText())
				.isEqualTo("Setting business priorities for the IT team and the provider.");
			scrollTo(prospect, "responsibility-matrix");
			Browsers.screenshot(prospect, "morning-02-result-matrix");
		}
		finally {
			prospect.quit();
		}
	}

	private static void setResponseTargetToOneMinuteAllDay(WebDriver admin) {
		admin.get(platform.gatewayUrl() + "/dashboard/admin/response-target");
		WebElement minutes = admin.findElement(By.id("target-minutes"));
		minutes.clear();
		minutes.sendKeys("1");
		WebElement zone = admin.findElement(By.id("target-timeZone"));
		zone.clear();
		// No daylight saving there: a working day of 00:00 to 24:00 is 24 hours every
		// day.
		zone.sendKeys("Asia/Tokyo");
		for (WebElement day : admin.findElements(By.cssSelector("input[name=days]"))) {
			if (!day.isSelected()) {
				admin.findElement(By.cssSelector("label[for='" + day.getAttribute("id") + "']")).click();
			}
		}
		// The time fields show hours the browser's way (12 hours with AM/PM in en-US).
		admin.findElement(By.id("target-start")).sendKeys("1200AM");
		admin.findElement(By.id("target-end")).sendKeys("1200AM");
		assertThat(admin.findElement(By.id("target-start")).getAttribute("value")).isEqualTo("00:00");
		assertThat(admin.findElement(By.id("target-end")).getAttribute("value")).isEqualTo("00:00");
		submit(admin, "form.admin-response-target button[type=submit]");
		assertThat(admin.findElement(By.cssSelector(".dash-notice")).getText()).startsWith("Saved as version 2.");
		assertThat(admin.findElement(By.id("target-current")).getText())
			.isEqualTo("A new lead may wait 1 working minute for its first contact. "
					+ "Working hours run from 00:00 to 24:00, Asia/Tokyo time.");
		assertThat(admin.findElement(By.cssSelector("section")).getText()).contains(
				"Working days: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday.",
				"7 days a week, 00:00 to 24:00, Asia/Tokyo");
		Browsers.screenshot(admin, "morning-03-response-target");
	}

	/** The call-prep brief says something about this prospect in each of its parts. */
	private static void readTheBrief(WebDriver sales, String company) {
		WebElement brief = sales.findElement(By.id("call-prep"));
		assertThat(brief.findElement(By.tagName("h2")).getText()).isEqualTo("Call prep: " + company);
		List<WebElement> parts = brief.findElements(By.cssSelector(".call-prep-grid > section"));
		assertThat(parts).extracting((part) -> part.findElement(By.tagName("h3")).getText())
			.containsExactly("Strongest signals", "Pain points, in their words", "Likely objections",
					"Questions to ask next");
		List<WebElement> signals = parts.get(0).findElements(By.cssSelector("li"));
		assertThat(signals).hasSize(3)
			.allSatisfy(
					(signal) -> assertThat(signal.findElement(By.cssSelector(".brief-why")).getText()).isNotBlank());
		assertThat(parts.get(1).getText()).contains("the IT team is swamped and tickets pile up", "projects slip often",
				"people wait for help every week", "nobody really knows how safe we are",
				"nobody watches the systems at night or at weekends");
		assertThat(parts.get(2).getText()).contains("Fully managed means losing control.",
				"Co-managed means our IT team failed.");
		// Every question the guide asks before choosing is urgent here, with the answer
		// that made it so.
		assertThat(parts.get(3).findElements(By.cssSelector("li .brief-urgent"))).hasSize(7);
		assertThat(parts.get(3).getText()).contains(
				"Which projects slipped last year, and why?\nHow often do IT projects slip past their planned date? Often",
				"What has to keep running outside office hours, and who is called when it stops?\n"
						+ "When does IT need to be looked after? Around the clock, every day");
		assertThat(brief.findElement(By.cssSelector(".brief-cost")).getText())
			.matches("Cost: Yearly: today \\S+ [\\d,]+, co-managed \\S+ [\\d,]+, fully managed \\S+ [\\d,]+\\. .+");
		assertThat(brief.findElement(By.cssSelector(".brief-next")).getText())
			.startsWith("Next step: Offer a co-managed workshop with their IT staff");
	}

	/**
	 * The matrix on the lead as proposed, then one cell changed with a note: the proposal
	 * stays beside the change.
	 */
	private static void readAndEditTheMatrix(WebDriver sales, String salesEmail) {
		WebElement matrix = sales.findElement(By.id("responsibility-matrix"));
		assertThat(matrix.findElement(By.tagName("h2")).getText()).isEqualTo("Who owns what under Co-managed IT");
		assertThat(matrix.findElements(By.cssSelector("tbody tr"))).hasSize(12);
		assertThat(proposed(sales, "help_desk")).isEqualTo(
				"Provider The team is overloaded, so first-line help goes to the provider and the team keeps the hard cases.");
		assertThat(proposed(sales, "security_operations"))
			.isEqualTo("Provider Cybersecurity skills are missing, so the provider runs security operations.");
		assertThat(proposed(sales, "strategic_planning"))
			.isEqualTo("Your team You want to keep control, so strategic planning stays internal.");
		assertThat(sales.findElements(By.cssSelector("tr.matrix-edited"))).isEmpty();

		new Select(sales.findElement(By.id("owner-strategic_planning"))).selectByValue("shared");
		sales.findElement(By.id("note-strategic_planning"))
			.sendKeys("They asked for a quarterly roadmap review with us.");
		submit(sales, "#cell-strategic_planning button[type=submit]");
		assertThat(sales.findElement(By.cssSelector(".dash-notice")).getText())
			.isEqualTo("Saved who owns strategic planning.");
		WebElement edited = sales.findElement(By.id("cell-strategic_planning"));
		assertThat(edited.getAttribute("class")).contains("matrix-edited");
		assertThat(proposed(sales, "strategic_planning"))
			.isEqualTo("Your team You want to keep control, so strategic planning stays internal.");
		assertThat(oneLine(edited.findElement(By.xpath("td[2]"))))
			.matches("Shared They asked for a quarterly roadmap review with us\\. Version 1, by "
					+ salesEmail.replace(".", "\\.") + ", \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
		assertThat(sales.findElements(By.cssSelector("tr.matrix-edited"))).hasSize(1);
		scrollTo(sales, "responsibility-matrix");
		Browsers.screenshot(sales, "morning-05-lead-matrix-edited");
	}

	private static String proposed(WebDriver sales, String function) {
		return oneLine(sales.findElement(By.cssSelector("#cell-" + function + " td")));
	}

	/** An element's text with its lines joined by spaces. */
	private static String oneLine(WebElement element) {
		return element.getText().replaceAll("\\s+", " ");
	}

	private static String resultRow(WebElement matrix, String function) {
		return matrix.findElement(By.cssSelector("tr[data-function=" + function + "]")).getText();
	}

	/** The overview's speed-to-lead part as its reader sees it. */
	private static String responseCharts(WebDriver sales) {
		sales.get(platform.gatewayUrl() + "/dashboard");
		WebElement weeks = sales.findElement(By.id("chart-response-weeks"));
		WebElement owners = sales.findElement(By.id("chart-response-owners"));
		scrollTo(sales, "speed-to-lead");
		return weeks.getText() + "\n" + owners.getText();
	}

	private static WebElement leadRow(WebDriver browser, String company) {
		return browser
			.findElement(By.xpath("//table[contains(@class,'leads-table')]//tr[td[text()='" + company + "']]"));
	}

	private static void choose(WebDriver browser, String question, String code) {
		List<WebElement> input = browser.findElements(By.id("q-" + question + "-" + code));
		if (!input.isEmpty() && !input.get(0).isSelected()) {
			WebElement label = browser.findElement(By.cssSelector("label[for='q-" + question + "-" + code + "']"));
			if (label.isDisplayed()) {
				label.click();
			}
		}
	}

	/** Clicks a form's button and waits for the page it leads to. */
	private static void submit(WebDriver browser, String button) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector(button)).click();
		Browsers.awaitNewPage(browser, page);
	}

	private static void scrollTo(WebDriver browser, String id) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
	}

	private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
			Platform.sleep(250);
		}
	}

	private static long count(String sql) {
		return platform.count("assessment-service", sql);
	}

}
