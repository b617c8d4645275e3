package com.northbeam.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff at work in a real browser. A salesperson's day: the first admin (from the
 * gateway's environment) creates a SALES account, which signs in, finds a new lead with
 * the filters, opens it, moves it on in the pipeline, adds a note and exports the view as
 * CSV. An editor's day: the first admin (from the gateway's environment) creates an
 * EDITOR account; the editor signs in, writes a draft with the live preview, publishes it
 * and sees it on the public site at once, then edits the published article and sees the
 * change. Screenshots land in {@code e2e-tests/target/screenshots}.
 */
class DashboardBrowserTests {

	private static Platform platform;

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
			assertThat(browser.findElement(By.tagName("table")).getText())
				.contains("Co-Managed IT vs Fully Managed IT");
			screenshot(browser, "content-02-list");

			// A new draft is not on the public site.
			browser.findElement(By.linkText("New article")).click();
			browser.findElement(By.id("article-title")).sendKeys("Patching without downtime " + marker);
			browser.findElement(By.id("article-slug")).sendKeys(slug);
			browser.findElement(By.id("article-summary")).sendKeys("How small teams keep systems patched.");
			browser.findElement(By.id("article-body"))
				.sendKeys(
						"## Why patching slips\n\nBusy teams **postpone** updates.\n\n- test first\n- then roll out\n");
			browser.findElement(By.id("article-tags")).sendKeys("security, operations");
			browser.findElement(By.id("article-save")).click();
			expectNotice(browser, "Draft created");
			String editUrl = browser.getCurrentUrl();
			browser.get(platform.gatewayUrl() + "/articles/" + slug);
			assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain(marker);

			// The preview follows the text as the editor types (the page's script),
			// before saving.
			browser.get(editUrl);
			browser.findElement(By.id("article-body")).sendKeys("\nReaders see " + marker + " in *this* paragraph.");
			waitUntil(browser,
					(b) -> b.findElement(By.id("content-preview")).getText().contains("Readers see " + marker));
			assertThat(browser.findElement(By.cssSelector("#content-preview em")).getText()).isEqualTo("this");
			screenshot(browser, "content-03-live-preview");
			// The Preview button renders on the server (how it works without JavaScript),
			// keeping the input.
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

			// Readers see it at once, although the site had cached that there was no such
			// article.
			browser.findElement(By.linkText("View on the site")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/articles/" + slug));
			assertThat(browser.findElement(By.tagName("h1")).getText())
				.isEqualTo("Patching without downtime " + marker);
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

	@Test
	void aSalespersonFindsAndWorksALeadAndExportsTheView() throws Exception {
		String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
		String company = "Harbour Logistics " + marker;
		submitLead("Dana Prospect", company);
		String salesEmail = "sam-" + marker + "@e2e.northbeam.test";
		String salesPassword = "sales password " + UUID.randomUUID();

		WebDriver admin = browser();
		try {
			signIn(admin, Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
			admin.get(platform.gatewayUrl() + "/dashboard/admin/staff");
			admin.findElement(By.id("new-email")).sendKeys(salesEmail);
			admin.findElement(By.id("new-name")).sendKeys("Sam Seller");
			WebElement sales = admin.findElement(By.id("new-role-SALES"));
			if (!sales.isSelected()) {
				sales.click();
			}
			admin.findElement(By.id("new-password")).sendKeys(salesPassword);
			admin.findElement(By.cssSelector("form[action$='/dashboard/admin/staff'] button[type=submit]")).click();
			expectNotice(admin, salesEmail);
			screenshot(admin, "sales-01-admin-created-sales");
		}
		finally {
			admin.quit();
		}

		WebDriver browser = browser();
		try {
			signIn(browser, salesEmail, salesPassword);
			assertThat(browser.findElements(By.linkText("Content"))).as("no content editing for sales").isEmpty();
			browser.findElement(By.linkText("Leads")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().endsWith("/dashboard/leads"));
			browser.findElement(By.id("q")).sendKeys(marker);
			browser.findElement(By.cssSelector("form.leads-filters button[type=submit]")).click();
			waitUntil(browser, (b) -> b.getCurrentUrl().contains("q=" + marker));
			WebElement table = browser.findElement(By.cssSelector("table.leads-table"));
			assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(1);
			assertThat(table.getText()).contains("Dana Prospect", company);
			screenshot(browser, "sales-02-filtered-list");
			String exportHref = browser.findElement(By.cssSelector("a.leads-export")).getAttribute("href");

			browser.findElement(By.linkText("Dana Prospect")).click();
			waitUntil(browser, (b) -> b.findElement(By.tagName("h1")).getText().contains(company));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Why this recommendation",
					"Cost comparison", "Timeline");
			new Select(browser.findElement(By.id("status"))).selectByValue("contacted");
			browser.findElement(By.cssSelector("form[action$='/status'] button[type=submit]")).click();
			expectNotice(browser, "Status changed.");
			assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText())
				.isEqualTo("Contacted");
			browser.findElement(By.id("note")).sendKeys("Called " + marker + "; wants a proposal next week.");
			browser.findElement(By.cssSelector("form[action$='/notes'] button[type=submit]")).click();
			expectNotice(browser, "Note added.");
			assertThat(browser.findElement(By.cssSelector(".lead-timeline")).getText()).contains("Called " + marker,
					salesEmail);
			screenshot(browser, "sales-03-lead-worked");

			// The CSV of the filtered view, fetched with the salesperson's own session.
			String session = browser.manage().getCookieNamed("SESSION").getValue();
			HttpResponse<String> csv = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(exportHref)).header("Cookie", "SESSION=" + session).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment"));
			assertThat(csv.body().lines()).hasSize(2);
			assertThat(csv.body()).contains(company, "contacted");
		}
		catch (RuntimeException | AssertionError ex) {
			failure(browser);
			throw ex;
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * A prospect's submission through the public JSON API, as another website would send
	 * it.
	 */
	private static void submitLead(String name, String company) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		String consentVersion = platform.consentVersion();
		String body = """
				{"id":"%s","answers":{"employees":"51-200","internal_it":"it_team","growth":"fast","workload":"overloaded",
				 "skills_gaps":["cybersecurity"],"project_delays":"often","support_wait":"sometimes","coverage":"24x7",
				 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
				 "hiring":"somewhat_hard","predictability":"medium"},
				 "contact":{"name":"%s","email":"dana@harbour.example","company":"%s"},
				 "consent":{"accepted":true,"textVersion":"%s"},"attribution":{"utm_source":"e2e"}}"""
			.formatted(UUID.randomUUID(), name, company, consentVersion);
		body = Platform.started(body, platform.startToken());
		Platform.sleep(Platform.PERSON_TIME.toMillis());
		HttpResponse<String> created = http
			.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/assessment/submissions"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	/** Waits for the page after a form post: its flash message. */
	private static void expectNotice(WebDriver browser, String text) {
		waitUntil(browser, (b) -> b.findElement(By.cssSelector(".dash-notice")).getText().contains(text));
	}

	/** What the browser showed when a step failed, to look at afterwards. */
	private static void failure(WebDriver browser) {
		try {
			screenshot(browser, "dashboard-failure");
			Files.writeString(screenshots.resolve("dashboard-failure.html"),
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
		return Browsers.start(true, 1400, 1600);
	}

	private static void screenshot(WebDriver browser, String name) {
		Browsers.screenshot(browser, name);
	}

}
