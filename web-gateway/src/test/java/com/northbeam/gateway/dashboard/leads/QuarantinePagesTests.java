package com.northbeam.gateway.dashboard.leads;

import java.util.UUID;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class QuarantinePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@Test
	void theQuarantineListsEachSubmissionWithItsReasonsAndAReleaseAndDiscardForm() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/leads/quarantine",
				Response
					.json("""
							[{"submissionId":"%s","reasons":["honeypot","disposable_email"],"name":"%s","email":"robin@mailinator.com",
							  "company":"Robot Works","phone":null,"role":null,"source":"direct","recommendation":"fully_managed",
							  "priority":40,"createdAt":"2026-12-01T10:00:00Z"}]"""
						.formatted(id, "<script>alert(1)<\\/script>")));

		MvcTestResult page = mvc.get()
			.uri("/dashboard/leads/quarantine")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange();

		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Quarantine", "robin@mailinator.com", "Robot Works",
					"Filled in the hidden field people never see", "Email at a throwaway inbox service",
					"/dashboard/leads/quarantine/" + id + "/release", "/dashboard/leads/quarantine/" + id + "/discard",
					"name=\"_csrf\"", "Fully managed")
			.doesNotContain("<script>alert(1)</script>");
		assertThat(TokenClaims.of(last("/api/leads/quarantine")).get("scope").toString()).contains("quarantine:read");
		assessment.respond("GET", "/api/leads", Response.json("{\"items\":[],\"nextCursor\":null}"));
		assertThat(mvc.get().uri("/dashboard/leads").with(user("sam@northbeam.test").roles("SALES"))).bodyText()
			.contains("href=\"/dashboard/leads/quarantine\"");
	}

	@Test
	void releasingCallsTheServiceOnceAsTheStaffMemberAndSaysSo() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/leads/quarantine", Response.json("[]"));
		assessment.respond("POST", "/api/leads/quarantine/" + id + "/release",
				Response.json("{\"submissionId\":\"%s\",\"status\":\"released\",\"leadId\":\"%s\"}".formatted(id,
						UUID.randomUUID())));

		MvcTestResult released = mvc.post()
			.uri("/dashboard/leads/quarantine/" + id + "/release")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())
			.exchange();

		assertThat(released).hasRedirectedUrl("/dashboard/leads/quarantine")
			.flash()
			.containsEntry("message", "quarantine.released");
		assertThat(assessment.requests()
			.stream()
			.filter((r) -> r.path().equals("/api/leads/quarantine/" + id + "/release"))
			.toList()).singleElement().satisfies((request) -> {
				assertThat(TokenClaims.of(request).get("sub").asString()).isEqualTo("sam@northbeam.test");
				assertThat(TokenClaims.of(request).get("scope").toString()).contains("quarantine:write");
			});
		assertThat(mvc.get().uri("/dashboard/leads/quarantine").with(user("sam@northbeam.test").roles("SALES")))
			.bodyText()
			.contains("Nothing is waiting in quarantine.");
	}

	@Test
	void aSecondClickOnADecidedSubmissionSaysItWasDecidedAlready() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/leads/quarantine/" + id + "/discard",
				new Response(409, "application/problem+json",
						"{\"status\":409,\"detail\":\"The submission was already released\","
								+ "\"errors\":[{\"field\":\"status\",\"message\":\"is released\"}]}",
						java.time.Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/leads/quarantine/" + id + "/discard")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasRedirectedUrl("/dashboard/leads/quarantine")
			.flash()
			.containsEntry("message", "quarantine.decidedAlready");
	}

	@Test
	void withoutCsrfOrAsAnEditorNothingIsDecided() {
		UUID id = UUID.randomUUID();
		assertThat(mvc.post()
			.uri("/dashboard/leads/quarantine/" + id + "/release")
			.with(user("sam@northbeam.test").roles("SALES"))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/dashboard/leads/quarantine/" + id + "/release")
			.with(user("eve@northbeam.test").roles("EDITOR"))
			.with(csrf())).hasStatus(403);
		assertThat(assessment.requests()).noneMatch((r) -> r.path().contains(id.toString()));
	}

	private FakeHttpServer.Request last(String path) {
		return assessment.requests().stream().filter((r) -> r.path().equals(path)).reduce((a, b) -> b).orElseThrow();
	}

}
