package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The wizard inside another site's frame, with two origins allowed to embed it. The same
 * setup as {@code system.PublicApiCorsTests}, so both share one context.
 */
@SpringBootTest(
		properties = "gateway.embed.allowed-origins=https://partner.example, https://tools.partner.example:8443")
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class EmbeddedWizardTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
	}

	@Test
	void onlyTheEmbeddedWizardMayBeFramedAndOnlyByTheAllowedOrigins() {
		MvcTestResult embedded = mvc.get().uri("/embed/assessment").exchange();
		assertThat(embedded).hasStatusOk().doesNotContainHeader("X-Frame-Options");
		assertThat(embedded.getResponse().getHeader("Content-Security-Policy"))
			.endsWith("; frame-ancestors 'self' https://partner.example https://tools.partner.example:8443");
		assertThat(embedded).bodyText()
			.contains("Step 1 of 6", "action=\"/embed/assessment\"", "noindex")
			.doesNotContain("site-header", "site-footer");

		for (String page : List.of("/assessment", "/assessment/received", "/api/v1/assessment")) {
			MvcTestResult other = mvc.get().uri(page).exchange();
			assertThat(other.getResponse().getHeader("X-Frame-Options")).as(page).isEqualTo("DENY");
			assertThat(other.getResponse().getHeader("Content-Security-Policy")).as(page)
				.endsWith("frame-ancestors 'none'");
		}
	}

	@Test
	void overTlsTheDraftAndCsrfCookiesReachTheFrameOfAnotherSite() {
		List<String> cookies = mvc.get()
			.uri("/embed/assessment")
			.secure(true)
			.exchange()
			.getResponse()
			.getHeaders("Set-Cookie");
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith(WizardController.COOKIE + "=")
			.contains("Path=/embed/assessment", "Secure", "HttpOnly", "SameSite=None", "Partitioned"));
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith("NB-EMBED-XSRF=")
			.contains("Path=/embed", "Secure", "SameSite=None", "Partitioned"));
	}

	@Test
	void theEmbeddedWizardChecksItsCsrfTokenAndValidatesLikeTheSite() {
		MvcTestResult first = mvc.get().uri("/embed/assessment").exchange();
		Cookie draft = first.getResponse().getCookie(WizardController.COOKIE);
		Cookie csrfCookie = first.getResponse().getCookie("NB-EMBED-XSRF");
		Matcher field = CSRF_FIELD.matcher(body(first));
		assertThat(field.find()).isTrue();

		assertThat(mvc.post().uri("/embed/assessment").cookie(draft).param("step", "0").param("action", "next"))
			.hasStatus(403);
		assertThat(mvc.post()
			.uri("/embed/assessment")
			.cookie(draft, csrfCookie)
			.param("_csrf", field.group(1))
			.param("step", "0")
			.param("action", "next")).hasStatus(422)
			.bodyText()
			.contains("Please choose one answer.", "action=\"/embed/assessment\"")
			.doesNotContain("site-header");
	}

	@Test
	void theWholeEmbeddedWizardEndsOnALinkToTheResultOutsideTheFrame() {
		Cookie draft = mvc.get().uri("/embed/assessment").exchange().getResponse().getCookie(WizardController.COOKIE);
		UUID id = jdbc.sql("SELECT submission_id FROM assessment_draft WHERE id = :id")
			.param("id", UUID.fromString(draft.getValue()))
			.query(UUID.class)
			.single();
		jdbc.sql("UPDATE assessment_draft SET started_at = :then WHERE id = :id")
			.param("then", OffsetDateTime.now().minusMinutes(5))
			.param("id", UUID.fromString(draft.getValue()))
			.update();
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));

		MvcTestResult result = null;
		for (int step = 0; step < WizardControllerTests.VALID_STEPS.size(); step++) {
			result = post(draft, step, WizardControllerTests.VALID_STEPS.get(step));
			if (step < WizardControllerTests.VALID_STEPS.size() - 1) {
				assertThat(result).hasRedirectedUrl("/embed/assessment");
			}
		}
		assertThat(result).hasRedirectedUrl("/embed/assessment/done/" + id);
		assertThat(assessment.requests())
			.filteredOn((request) -> request.method().equals("POST") && request.path().equals("/api/submissions")
					&& request.body().contains(id.toString()))
			.hasSize(1);

		MvcTestResult done = mvc.get().uri("/embed/assessment/done/" + id).exchange();
		assertThat(done).hasStatusOk().doesNotContainHeader("X-Frame-Options");
		assertThat(done).bodyText()
			.contains("/assessment/result/" + id + "\" target=\"_top\"")
			.doesNotContain("site-header");
	}

	private MvcTestResult post(Cookie draft, int step, Map<String, List<String>> fields) {
		var request = mvc.post()
			.uri("/embed/assessment")
			.with(csrf())
			.cookie(draft)
			.param("step", Integer.toString(step))
			.param("action", "next");
		fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		return request.exchange();
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
