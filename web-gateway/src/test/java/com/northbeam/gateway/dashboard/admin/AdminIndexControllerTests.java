package com.northbeam.gateway.dashboard.admin;

import java.util.List;

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

/** The admin start page, and the whole admin area's access rules: every route × every role. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class AdminIndexControllerTests {

	static final List<String> GET_ROUTES = List.of("/dashboard/admin", "/dashboard/admin/prices",
			"/dashboard/admin/notifications", "/dashboard/admin/notifications?state=dead",
			"/dashboard/admin/audit", "/dashboard/admin/audit?actor=sam%40northbeam.test&from=2026-11-01",
			"/dashboard/admin/leads", "/dashboard/admin/leads?leadId=" + AdminFakes.LEAD);

	static final List<String> POST_ROUTES = List.of("/dashboard/admin/prices", "/dashboard/admin/notifications",
			"/dashboard/admin/notifications/deliveries/17/retry", "/dashboard/admin/leads/" + AdminFakes.LEAD + "/export",
			"/dashboard/admin/leads/" + AdminFakes.LEAD + "/erase");

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
					"href=\"/dashboard/admin/audit\"", "href=\"/dashboard/admin/leads\"", "href=\"/dashboard/admin/staff\"");
		assertThat(mvc.get().uri("/dashboard").with(user("s@northbeam.test").roles("SALES"))).bodyText()
			.doesNotContain("href=\"/dashboard/admin\"");
		assertThat(mvc.get().uri("/dashboard").with(AdminFakes.admin())).bodyText().contains("href=\"/dashboard/admin\"");
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
				assertThat(mvc.post().uri(route).with(user(role.toLowerCase() + "@northbeam.test").roles(role)).with(csrf()))
					.as(role + " " + route)
					.hasStatus(403);
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
			assertThat(mvc.post().uri(route).with(AdminFakes.admin()).param("confirm", "erase")).as(route).hasStatus(403);
		}
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.path().startsWith("/api/admin"));
	}

}
