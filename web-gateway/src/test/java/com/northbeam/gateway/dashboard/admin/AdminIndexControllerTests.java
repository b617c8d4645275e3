package com.northbeam.gateway.dashboard.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The admin start page, and the whole admin area's access rules: every route × every
 * role.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class AdminIndexControllerTests {

	static final List<String> GET_ROUTES = List.of("/dashboard/admin", "/dashboard/admin/prices",
			"/dashboard/admin/notifications", "/dashboard/admin/notifications?state=dead", "/dashboard/admin/audit",
			"/dashboard/admin/audit?actor=sam%40northbeam.test&from=2026-11-01", "/dashboard/admin/leads",
			"/dashboard/admin/leads?leadId=" + AdminFakes.LEAD, "/dashboard/admin/scoring",
			"/dashboard/admin/scoring/drafts/7", "/dashboard/admin/scoring/drafts/7/rules/skills_gaps",
			"/dashboard/admin/scoring/drafts/7/trial");

	static final List<String> POST_ROUTES = List.of("/dashboard/admin/prices", "/dashboard/admin/notifications",
			"/dashboard/admin/notifications/deliveries/17/retry",
			"/dashboard/admin/leads/" + AdminFakes.LEAD + "/export",
			"/dashboard/admin/leads/" + AdminFakes.LEAD + "/erase", "/dashboard/admin/scoring/drafts",
			"/dashboard/admin/scoring/drafts/7/definition", "/dashboard/admin/scoring/drafts/7/rules/skills_gaps",
			"/dashboard/admin/scoring/drafts/7/publish");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		AdminFakes.answerAll(assessment);
	}

	@Test
	void theStartPageLinksEveryAdminTaskAndTheNavigationShowsItToAdminsOnly() {
		assertThat(mvc.get().uri("/dashboard/admin").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("href=\"/dashboard/admin/prices\"", "href=\"/dashboard/admin/notifications\"",
					"href=\"/dashboard/admin/audit\"", "href=\"/dashboard/admin/leads\"",
					"href=\"/dashboard/admin/staff\"", "href=\"/dashboard/admin/scoring\"");
		assertThat(mvc.get().uri("/dashboard").with(user("s@northbeam.test").roles("SALES"))).bodyText()
			.doesNotContain("href=\"/dashboard/admin\"");
		assertThat(mvc.get().uri("/dashboard").with(AdminFakes.admin())).bodyText()
			.contains("href=\"/dashboard/admin\"");
	}

	@Test
	void anonymousVisitorsAreSentToSignInFromEveryAdminRoute() {
		for (String route : GET_ROUTES) {
			assertThat(mvc.get().uri(route)).as(route).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		}
		for (String route : POST_ROUTES) {
			assertThat(mvc.post().uri(route).with(csrf())).as(route)
				.hasStatus3xxRedirection()
				.redirectedUrl()
				.endsWith("/login");
		}
	}

	@Test
	void salesAndEditorsAreRefusedEveryAdminRoute() {
		int before = assessment.requests().size();
		for (String role : List.of("SALES", "EDITOR")) {
			for (String route : GET_ROUTES) {
				assertThat(mvc.get().uri(route).with(user(role.toLowerCase() + "@northbeam.test").roles(role)))
					.as(role + " " + route)
					.hasStatus(403);
			}
			for (String route : POST_ROUTES) {
				assertThat(mvc.post()
					.uri(route)
					.with(user(role.toLowerCase() + "@northbeam.test").roles(role))
					.with(csrf())).as(role + " " + route).hasStatus(403);
			}
		}
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.path().startsWith("/api/admin"));
	}

	@Test
	void adminsReachEveryAdminPage() {
		for (String route : GET_ROUTES) {
			assertThat(mvc.get().uri(route).with(AdminFakes.admin())).as(route).hasStatusOk();
		}
	}

	@Test
	void everyAdminFormNeedsTheCsrfToken() {
		int before = assessment.requests().size();
		for (String route : POST_ROUTES) {
			assertThat(mvc.post().uri(route).with(AdminFakes.admin()).param("confirm", "erase")).as(route)
				.hasStatus(403);
		}
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.path().startsWith("/api/admin"));
	}

	/**
	 * A service that refuses the gateway's token (401) is as unusable as one that is
	 * down; it is used here because a refusal does not count against the circuit breaker
	 * the other tests share.
	 */
	@Test
	void whenTheServiceCannotBeUsedEveryAdminPageSaysSoInsideTheDashboard() {
		for (String path : List.of("/api/admin/notifications/settings", "/api/admin/audit",
				"/api/admin/leads/" + AdminFakes.LEAD + "/export")) {
			assessment.respond("GET", path, AdminFakes.problem(401, "{\"status\":401}"));
		}

		assertThat(mvc.get().uri("/dashboard/admin/notifications").with(AdminFakes.admin())).hasStatus(503)
			.bodyText()
			.contains("This page cannot be shown right now", "Signed in as ada.admin@northbeam.test");
		assertThat(mvc.get().uri("/dashboard/admin/audit").with(AdminFakes.admin())).hasStatus(503)
			.bodyText()
			.contains("The assessment service did not answer");
		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/export")
			.with(AdminFakes.admin())
			.with(csrf())).hasStatus(503).bodyText().contains("This page cannot be shown right now");
	}

	@Test
	void everyMessageKeyTheAdminAndOverviewTemplatesUseIsInTheBundles() throws IOException {
		Properties bundle = new Properties();
		for (String name : List.of("messages", "dashboard", "content-editing", "dashboard-admin")) {
			try (InputStream in = getClass().getResourceAsStream("/messages/" + name + ".properties")) {
				bundle.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
			}
		}
		Path templates = Path.of("src/main/resources/templates/dashboard");
		List<Path> files = new ArrayList<>();
		try (Stream<Path> found = Files.walk(templates.resolve("admin"))) {
			found.filter((path) -> path.toString().endsWith(".html")).forEach(files::add);
		}
		files.add(templates.resolve("overview.html"));
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Path file : files) {
			Matcher matcher = key.matcher(Files.readString(file));
			while (matcher.find()) {
				found++;
				if (!bundle.containsKey(matcher.group(1))) {
					missing.add(file.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		// keys the overview builds from codes, and the ones the admin controllers resolve
		// themselves
		for (String code : List.of("overview.status.new", "overview.status.contacted", "overview.status.qualified",
				"overview.status.proposal", "overview.status.won", "overview.status.lost",
				"overview.recommendation.co_managed", "overview.recommendation.fully_managed",
				"overview.recommendation.hybrid", "overview.funnel.visits", "overview.funnel.starts",
				"overview.funnel.completions", "overview.funnel.leads", "overview.count", "overview.countShare",
				"overview.countDropOff", "overview.stepDropOff", "overview.source.direct", "admin.prices.saved",
				"admin.prices.error.currency", "admin.prices.error.whole", "admin.prices.error.amount",
				"admin.prices.error.share", "admin.prices.error.codes", "admin.prices.error.bands",
				"admin.notifications.saved", "admin.notifications.retried", "admin.notifications.retryRefused",
				"admin.notifications.error.salesInbox", "admin.notifications.error.maxAttempts",
				"admin.notifications.error.url", "admin.notifications.error.secret",
				"admin.notifications.error.tooMany", "admin.audit.error.date", "admin.audit.error.order",
				"admin.leads.erased", "admin.leads.error.id", "admin.leads.error.notFound", "admin.scoring.error.whole",
				"admin.scoring.error.json", "admin.scoring.draftCreated", "admin.scoring.saved",
				"admin.scoring.ruleSaved", "admin.scoring.published", "admin.delivery.state.pending",
				"admin.delivery.state.delivered", "admin.delivery.state.dead")) {
			if (!bundle.containsKey(code)) {
				missing.add(code);
			}
		}
		assertThat(found).isGreaterThan(80);
		assertThat(missing).isEmpty();
	}

}
