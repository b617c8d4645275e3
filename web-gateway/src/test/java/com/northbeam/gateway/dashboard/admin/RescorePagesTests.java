package com.northbeam.gateway.dashboard.admin;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
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

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class RescorePagesTests {

	static final String SUBMISSION = "11111111-2222-4333-8444-555555555555";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@Test
	void anAdminRescoresALeadsSubmissionAndReturnsToTheLead() {
		assessment.respond("POST", "/api/admin/submissions/" + SUBMISSION + "/rescore", Response.json("""
				{"id":"%s","rulesVersion":3,"recommendation":"hybrid","confidenceLabel":"close"}"""
			.formatted(SUBMISSION)));

		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/rescore")
			.param("submissionId", SUBMISSION)
			.with(AdminFakes.admin())
			.with(csrf())).hasStatus3xxRedirection()
			.hasRedirectedUrl("/dashboard/leads/" + AdminFakes.LEAD)
			.flash()
			.containsEntry("message", "leads.saved.rescored")
			.containsEntry("messageArgument", 3);
		assertThat(TokenClaims.subjects(assessment, "/api/admin/submissions/" + SUBMISSION + "/rescore")).last()
			.isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void onlyAdminsMayRescore() {
		int before = assessment.requests().size();
		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/rescore")
			.param("submissionId", SUBMISSION)
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatus(403);
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.path().contains("/rescore"));
	}

}
