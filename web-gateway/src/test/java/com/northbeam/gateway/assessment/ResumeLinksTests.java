package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * "Email me a link to finish later" against a fake assessment-service: the form on each
 * step, the request the service gets (address, signed link, expiry; nothing else), and
 * the link opened in a browser with no cookie of the draft.
 */
@SpringBootTest(properties = "gateway.site.public-url=https://www.northbeam.example")
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ResumeLinksTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	ResumeTokens tokens;

	@Autowired
	DraftRepository drafts;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	/** Requests to the fake service that earlier tests made. */
	int earlier;

	@BeforeEach
	void serviceAnswers() {
		earlier = sentRequests().size();
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		assessment.respond("POST", "/api/resume-links",
				new Response(202, "application/json", "{\"id\":\"" + UUID.randomUUID() + "\"}", Duration.ZERO));
	}

	@Test
	void everyStepOffersTheLinkWithoutJavaScript() {
		Cookie draft = start();
		assertThat(mvc.get().uri("/assessment").cookie(draft)).hasStatusOk()
			.bodyText()
			.contains("<details class=\"resume\" id=\"resume\">", "Email me a link to finish later",
					"name=\"resumeEmail\"", "name=\"resumeConsent\"", "name=\"action\" value=\"resume\"");
		step(draft, 0, WizardControllerTests.VALID_STEPS.get(0));
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText()
			.contains("Step 2 of 6", "Email me a link to finish later");
	}

	@Test
	void theLinkRestoresTheAnswersInAnotherBrowserAsOftenAsItIsOpened() throws Exception {
		Cookie draft = start();
		step(draft, 0, WizardControllerTests.VALID_STEPS.get(0));
		MultiValueMap<String, String> form = form(
				Map.of("internal_it", List.of("it_team"), "workload", List.of("stretched"), "resumeEmail",
						List.of(" sam@harbour.example "), "resumeConsent", List.of("true")));

		MvcTestResult sent = post(draft, 1, form);

		assertThat(sent).hasRedirectedUrl("/assessment/link-sent");
		assertThat(mvc.get().uri("/assessment/link-sent").cookie(draft)).hasStatusOk()
			.bodyText()
			.contains("Check your inbox", "within 7 days");
		JsonNode request = json.readTree(sentRequests().get(0).body());
		assertThat(request.propertyNames()).containsExactlyInAnyOrder("email", "link", "expiresAt");
		assertThat(request.get("email").asString()).isEqualTo("sam@harbour.example");
		String link = request.get("link").asString();
		assertThat(link).startsWith("https://www.northbeam.example/assessment/resume/")
			.doesNotContain("sam", "harbour");
		assertThat(Instant.parse(request.get("expiresAt").asString()))
			.isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
		assertThat(keepUntil(draft)).as("kept as long as the link works").isNotNull();
		assertThat(jdbc.sql("SELECT data FROM assessment_draft WHERE id = :id")
			.param("id", UUID.fromString(draft.getValue()))
			.query(String.class)
			.single()).as("the step's answers are kept; the address is not")
			.contains("stretched")
			.doesNotContain("sam");

		String path = link.substring("https://www.northbeam.example".length());
		for (int use = 0; use < 2; use++) {
			MvcTestResult opened = mvc.get().uri(path).exchange();
			assertThat(opened).hasRedirectedUrl("/assessment");
			Cookie restored = opened.getResponse().getCookie(WizardController.COOKIE);
			assertThat(restored).isNotNull();
			assertThat(restored.getValue()).isNotEqualTo(draft.getValue());
			assertThat(mvc.get().uri("/assessment").cookie(restored)).bodyText()
				.contains("Step 2 of 6", "value=\"it_team\" checked=\"checked\"",
						"value=\"stretched\" checked=\"checked\"");
			assertThat(mvc.get().uri("/assessment?step=0").cookie(restored)).bodyText()
				.contains("value=\"11-50\" checked=\"checked\"", "value=\"cloud\" checked=\"checked\"");
		}
		assertThat(mvc.get().uri(path).cookie(draft)).as("opened where it was asked for")
			.hasRedirectedUrl("/assessment");
	}

	@Test
	void anAddressAndTheAgreementAreNeededAndNothingIsSentWithout() {
		Cookie draft = start();
		MvcTestResult noConsent = post(draft, 0,
				form(Map.of("employees", List.of("11-50"), "resumeEmail", List.of("not-an-address"))));

		assertThat(noConsent).hasStatus(422)
			.bodyText()
			.contains("<details class=\"resume\" id=\"resume\" open=\"open\">",
					"Enter an email address like name@company.com.", "Tick the box to agree to this one email",
					"href=\"#field-resumeEmail\"", "value=\"not-an-address\"", "value=\"11-50\" checked=\"checked\"");
		assertThat(post(draft, 0, form(Map.of("resumeConsent", List.of("true"))))).hasStatus(422)
			.bodyText()
			.contains("Enter the email address the link should go to.");
		assertThat(sentRequests()).isEmpty();
		assertThat(keepUntil(draft)).isNull();
	}

	@Test
	void aDraftGetsAFewLinksAtMost() {
		Cookie draft = start();
		MultiValueMap<String, String> form = form(
				Map.of("resumeEmail", List.of("sam@harbour.example"), "resumeConsent", List.of("true")));
		for (int i = 0; i < 3; i++) {
			assertThat(post(draft, 0, form)).hasRedirectedUrl("/assessment/link-sent");
		}
		assertThat(post(draft, 0, form)).hasStatus(429).bodyText().contains("We have already sent 3 links");
		assertThat(sentRequests()).hasSize(3);
	}

	@Test
	void whenTheServiceIsDownTheVisitorIsToldAndTheAnswersStay() {
		assessment.respond("POST", "/api/resume-links", Response.status(503));
		Cookie draft = start();
		assertThat(post(draft, 0,
				form(Map.of("employees", List.of("51-200"), "resumeEmail", List.of("sam@harbour.example"),
						"resumeConsent", List.of("true")))))
			.hasStatus(503)
			.bodyText()
			.contains("We could not send the email just now", "value=\"51-200\" checked=\"checked\"");
	}

	@Test
	void aChangedLinkIsRefusedWithAFreshStart() {
		Cookie draft = start();
		String token = tokens.sign(UUID.fromString(draft.getValue()), Instant.now().plus(Duration.ofDays(7)));
		String changed = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);

		for (String path : List.of("/assessment/resume/" + changed, "/assessment/resume/nonsense",
				"/assessment/resume/" + token.substring(0, token.length() - 2))) {
			assertThat(mvc.get().uri(path)).as(path)
				.hasStatus(400)
				.bodyText()
				.contains("This link does not work", "action=\"/assessment/restart\"", "Start afresh");
		}
	}

	@Test
	void anExpiredLinkIsGoneAndOffersAFreshStart() {
		Cookie draft = start();
		String expired = tokens.sign(UUID.fromString(draft.getValue()), Instant.now().minusSeconds(1));

		MvcTestResult opened = mvc.get().uri("/assessment/resume/" + expired).exchange();

		assertThat(opened).hasStatus(410).bodyText().contains("This link has expired", "Start afresh");
		assertThat(opened.getResponse().getCookie(WizardController.COOKIE)).isNull();
	}

	@Test
	void aLinkToAFinishedOrDeletedAssessmentIsGone() {
		Cookie draft = start();
		UUID id = UUID.fromString(draft.getValue());
		String token = tokens.sign(id, Instant.now().plus(Duration.ofDays(7)));
		drafts.markSubmitted(id, Instant.now());
		assertThat(mvc.get().uri("/assessment/resume/" + token)).hasStatus(410)
			.bodyText()
			.contains("This assessment is no longer open");
		assertThat(mvc.get().uri("/assessment/resume/" + tokens.sign(UUID.randomUUID(), Instant.now().plusSeconds(60))))
			.hasStatus(410);
	}

	@Test
	void startAfreshGivesTheBrowserANewEmptyAssessment() {
		Cookie draft = start();
		step(draft, 0, WizardControllerTests.VALID_STEPS.get(0));
		MvcTestResult restarted = mvc.post().uri("/assessment/restart").with(csrf()).cookie(draft).exchange();
		assertThat(restarted).hasRedirectedUrl("/assessment");
		Cookie fresh = restarted.getResponse().getCookie(WizardController.COOKIE);
		assertThat(fresh.getValue()).isNotEqualTo(draft.getValue());
		assertThat(mvc.get().uri("/assessment").cookie(fresh)).bodyText()
			.contains("Step 1 of 6")
			.doesNotContain("checked=\"checked\"");
	}

	@Test
	void aDraftWithAWorkingLinkOutlivesTheUsualLifetime() {
		Cookie kept = start();
		Cookie abandoned = start();
		assertThat(post(kept, 0,
				form(Map.of("resumeEmail", List.of("sam@harbour.example"), "resumeConsent", List.of("true")))))
			.hasRedirectedUrl("/assessment/link-sent");
		jdbc.sql("UPDATE assessment_draft SET updated_at = :then WHERE id IN (:ids)")
			.param("then", OffsetDateTime.now().minusDays(2))
			.param("ids", List.of(UUID.fromString(kept.getValue()), UUID.fromString(abandoned.getValue())))
			.update();

		drafts.deleteNotUpdatedSince(Instant.now().minus(Duration.ofDays(1)), Instant.now());
		assertThat(drafts.find(UUID.fromString(kept.getValue()))).isPresent();
		assertThat(drafts.find(UUID.fromString(abandoned.getValue()))).isEmpty();

		drafts.deleteNotUpdatedSince(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(8)));
		assertThat(drafts.find(UUID.fromString(kept.getValue()))).as("gone once the link has expired").isEmpty();
	}

	private Cookie start() {
		return mvc.get().uri("/assessment").exchange().getResponse().getCookie(WizardController.COOKIE);
	}

	private void step(Cookie draft, int step, Map<String, List<String>> fields) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
		form.add("action", "next");
		assertThat(post(draft, step, form)).hasStatus3xxRedirection();
	}

	private static MultiValueMap<String, String> form(Map<String, List<String>> fields) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
		if (!form.containsKey("action")) {
			form.add("action", ResumeLinks.ACTION);
		}
		return form;
	}

	private MvcTestResult post(Cookie draft, int step, MultiValueMap<String, String> form) {
		return mvc.post()
			.uri("/assessment")
			.with(csrf())
			.cookie(draft)
			.param("step", Integer.toString(step))
			.params(form)
			.exchange();
	}

	private List<FakeHttpServer.Request> sentRequests() {
		List<FakeHttpServer.Request> all = assessment.requests()
			.stream()
			.filter((r) -> r.path().equals("/api/resume-links"))
			.toList();
		return all.subList(Math.min(earlier, all.size()), all.size());
	}

	private OffsetDateTime keepUntil(Cookie draft) {
		return jdbc.sql("SELECT keep_until FROM assessment_draft WHERE id = :id")
			.param("id", UUID.fromString(draft.getValue()))
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single()
			.orElse(null);
	}

}
