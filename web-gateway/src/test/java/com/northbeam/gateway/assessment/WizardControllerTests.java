package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.FakeHttpServer;
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

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class WizardControllerTests {

	static final List<Map<String, List<String>>> VALID_STEPS = List.of(
			Map.of("employees", List.of("11-50"), "growth", List.of("fast"), "tech_footprint",
					List.of("cloud", "remote_work")),
			Map.of("internal_it", List.of("it_person"), "workload", List.of("overloaded"), "support_wait",
					List.of("often"), "project_delays", List.of("sometimes")),
			Map.of("skills_gaps", List.of("cybersecurity"), "coverage", List.of("extended_hours"),
					"security_complexity", List.of("growing")),
			Map.of("control_preference", List.of("keep_control"), "hiring", List.of("somewhat_hard"), "predictability",
					List.of("medium")),
			Map.of("internal_it_staff", List.of("1"), "average_loaded_salary", List.of("95,000")),
			Map.of("name", List.of("Dana Prospect"), "email", List.of("dana@example.com"), "company",
					List.of("Acme Ltd"), "consent", List.of("true")));

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
	void showsTheFirstStepWithProgressAndRemembersTheVisitor() {
		MvcTestResult first = mvc.get().uri("/assessment").exchange();

		assertThat(first).hasStatusOk()
			.bodyText()
			.contains("Your company", "Step 1 of 6", "<progress", "name=\"employees\"", "value=\"1-10\"",
					"name=\"submissionId\"", "name=\"website\"");
		assertThat(first.getResponse().getCookie(WizardController.COOKIE)).isNotNull();
	}

	@Test
	void aMissingAnswerIsShownNextToTheQuestionAndTheOtherAnswersAreKept() {
		Cookie draft = start();

		MvcTestResult result = post(draft, 0, Map.of("employees", List.of("11-50"), "growth", List.of("fast")));

		assertThat(result).hasStatus(422)
			.bodyText()
			.contains("Please check your answers", "Please choose at least one answer",
					"value=\"11-50\" checked=\"checked\"", "value=\"fast\" checked=\"checked\"",
					"href=\"#field-tech_footprint\"");
	}

	@Test
	void backAndNextKeepEveryAnswerAndAReloadResumes() {
		Cookie draft = start();
		assertThat(post(draft, 0, VALID_STEPS.get(0))).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText().contains("Step 2 of 6");

		Map<String, List<String>> form = new LinkedHashMap<>(Map.of("internal_it", List.of("it_team")));
		form.put("action", List.of("back"));
		assertThat(post(draft, 1, form)).hasStatus3xxRedirection();

		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText()
			.contains("Step 1 of 6", "value=\"11-50\" checked=\"checked\"", "value=\"cloud\" checked=\"checked\"");
		assertThat(post(draft, 0, VALID_STEPS.get(0))).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText()
			.contains("Step 2 of 6", "value=\"it_team\" checked=\"checked\"");
	}

	@Test
	void aQuestionHiddenByAnEarlierAnswerIsNotRequired() {
		Cookie draft = start();
		post(draft, 0, VALID_STEPS.get(0));

		assertThat(post(draft, 1, Map.of("internal_it", List.of("none"), "support_wait", List.of("often"),
				"project_delays", List.of("rarely"))))
			.hasStatus3xxRedirection();
	}

	@Test
	void aGuideSectionsQuestionOpensTheWizardAtItsStepWithEveryAnswerKept() {
		Cookie draft = start();
		post(draft, 0, VALID_STEPS.get(0));

		MvcTestResult opened = mvc.get().uri("/assessment/questions/hiring").cookie(draft).exchange();

		assertThat(opened).hasRedirectedUrl("/assessment#field-hiring");
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText()
			.contains("Step 4 of 6", "name=\"hiring\"", "name=\"step\" value=\"3\"");
		assertThat(post(draft, 3, VALID_STEPS.get(3))).hasRedirectedUrl("/assessment");
		assertThat(mvc.get().uri("/assessment?step=0").cookie(draft)).bodyText()
			.contains("Step 1 of 6", "value=\"11-50\" checked=\"checked\"");
		assertThat(mvc.get().uri("/assessment/questions/workload").cookie(draft))
			.hasRedirectedUrl("/assessment#field-workload");
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText().contains("Step 2 of 6", "name=\"workload\"");
		post(draft, 1, VALID_STEPS.get(1));
		post(draft, 2, VALID_STEPS.get(2));
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText()
			.contains("Step 4 of 6", "value=\"keep_control\" checked=\"checked\"");
	}

	@Test
	void aGuideSectionsQuestionStartsAnAssessmentForANewVisitorAndAnUnknownOneIsNotFound() {
		MvcTestResult opened = mvc.get().uri("/assessment/questions/coverage").exchange();
		Cookie draft = opened.getResponse().getCookie(WizardController.COOKIE);

		assertThat(opened).hasRedirectedUrl("/assessment#field-coverage");
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText().contains("Step 3 of 6", "name=\"coverage\"");
		assertThat(mvc.get().uri("/assessment/questions/no_such_question")).hasStatus(404);
	}

	@Test
	void theWholeWizardCreatesOneSubmissionAndShowsTheResult() {
		Cookie draft = start();
		UUID id = submissionId(draft);
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));

		MvcTestResult last = completeAll(draft);
		assertThat(last).hasStatus3xxRedirection().hasRedirectedUrl("/assessment/result/" + id);
		assertThat(mvc.post()
			.uri("/assessment")
			.with(csrf())
			.cookie(draft)
			.param("submissionId", id.toString())
			.param("step", "5")).hasRedirectedUrl("/assessment/result/" + id);

		assertThat(assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.body().contains(id.toString()))
			.toList()).hasSize(1).first().satisfies((request) -> {
				assertThat(request.headers().get("Authorization")).first().asString().startsWith("Bearer ");
				assertThat(request.body()).contains("\"id\":\"" + id + "\"", "\"employees\":\"11-50\"",
						"\"skills_gaps\":[\"cybersecurity\"]", "\"average_loaded_salary\":95000",
						"\"email\":\"dana@example.com\"", "\"textVersion\":\"2026-11-v1\"", "\"accepted\":true",
						"\"utm_source\":\"newsletter\"", "\"utm_campaign\":\"winter\"",
						"\"referrer\":\"https://search.example/?q=it\"");
			});

		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("We recommend co-managed IT", "overloaded, so adding a partner", "<svg", "role=\"img\"",
					"Fit out of 100: co-managed IT 78, fully managed IT 41, hybrid 30.",
					"/articles/co-managed-vs-fully-managed-it#internal-team-overloaded", "$120,000",
					"Salaries and benefits", "/articles/cybersecurity-guide-for-small-businesses",
					"name=\"preferredTimes\"", "noindex");

		MvcTestResult pdf = mvc.get().uri("/assessment/result/" + id + "/report.pdf").exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5,
				java.nio.charset.StandardCharsets.ISO_8859_1))
			.isEqualTo("%PDF-");
	}

	@Test
	void aConsultationRequestIsKeptEvenWhileTheServiceCannotTakeItYet() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));

		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/consultation")
			.with(csrf())
			.param("preferredTimes", "")
			.param("message", "x")).hasStatusOk().bodyText().contains("Please tell us when suits you.");
		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/consultation")
			.with(csrf())
			.param("preferredTimes", "Tuesday mornings")
			.param("message", "About after-hours cover"))
			.hasRedirectedUrl("/assessment/result/" + id + "?consultation=sent#consultation");
		assertThat(mvc.get().uri("/assessment/result/" + id + "?consultation=sent")).bodyText()
			.contains("We will be in touch");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE kind = 'CONSULTATION' AND submission_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aConsultationRequestWithTheHoneypotFilledIsSentMarkedAndTheVisitorSeesTheUsualConfirmation() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));
		assessment.respond("POST", "/api/submissions/" + id + "/consultation",
				new Response(201, "application/json", "{}", Duration.ZERO));

		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/consultation")
			.with(csrf())
			.param("preferredTimes", "Tuesday mornings")
			.param("website", "https://autofill.example"))
			.hasRedirectedUrl("/assessment/result/" + id + "?consultation=sent#consultation");

		assertThat(assessment.requests()).filteredOn((r) -> r.path().equals("/api/submissions/" + id + "/consultation"))
			.singleElement()
			.satisfies((request) -> assertThat(request.body()).contains("\"preferredTimes\":\"Tuesday mornings\"",
					"\"screening\":{\"reasons\":[\"honeypot\"]}"));
	}

	@Test
	void whenAssessmentServiceIsDownTheSubmissionIsKeptAndForwardedLaterWithTheSameId() {
		Cookie draft = start();
		UUID id = submissionId(draft);
		assessment.respond("POST", "/api/submissions", Response.status(503));

		assertThat(completeAll(draft)).hasRedirectedUrl("/assessment/result/" + id);
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("Your result is on its way");

		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));
		jdbc.sql("UPDATE outbound_request SET next_attempt_at = :now")
			.param("now", OffsetDateTime.now().minusSeconds(1))
			.update();
		forwarder.forwardDue();

		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("We recommend co-managed IT");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE id = :id AND delivered_at IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFilledHoneypotChangesNothingTheVisitorSeesAndTheSubmissionSaysSo() {
		Cookie draft = start();
		UUID id = submissionId(draft);
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));
		Map<String, List<String>> first = new LinkedHashMap<>(VALID_STEPS.get(0));
		first.put("website", List.of("http://spam.example"));

		MvcTestResult firstStep = post(draft, 0, first);
		assertThat(firstStep).hasRedirectedUrl("/assessment");
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText().contains("Step 2 of 6");
		MvcTestResult last = completeAll(draft);

		assertThat(last).hasRedirectedUrl("/assessment/result/" + id);
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("We recommend co-managed IT");
		assertThat(submitted(id)).contains("\"screening\":{\"reasons\":[\"honeypot\"]}");
	}

	@Test
	void aWizardFinishedFasterThanAPersonCanReachesItsResultAndTheSubmissionSaysSo() {
		Cookie draft = start();
		UUID id = submissionId(draft);
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		MvcTestResult result = null;
		for (int i = 0; i < VALID_STEPS.size(); i++) {
			result = post(draft, i, VALID_STEPS.get(i));
		}

		assertThat(result).hasRedirectedUrl("/assessment/result/" + id);
		assertThat(submitted(id)).contains("\"screening\":{\"reasons\":[\"too_fast\"]}");
	}

	@Test
	void aCleanRunSendsNoScreening() {
		Cookie draft = start();
		UUID id = submissionId(draft);
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));

		assertThat(completeAll(draft)).hasRedirectedUrl("/assessment/result/" + id);
		assertThat(submitted(id)).doesNotContain("screening");
	}

	@Test
	void aPostOverTheRateLimitIsTakenAndTheSubmissionSaysSo() {
		Cookie draft = start();
		UUID id = submissionId(draft);
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		jdbc.sql("UPDATE assessment_draft SET started_at = :then WHERE id = :id")
			.param("then", OffsetDateTime.now().minusMinutes(5))
			.param("id", UUID.fromString(draft.getValue()))
			.update();
		for (int i = 0; i < VALID_STEPS.size(); i++) {
			var request = mvc.post()
				.uri("/assessment")
				.with(csrf())
				.cookie(draft)
				.param("step", Integer.toString(i))
				.param("action", "next")
				.requestAttr(PostRateLimit.OVER_LIMIT, i == 2);
			VALID_STEPS.get(i).forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
			assertThat(request).hasStatus3xxRedirection();
		}

		assertThat(submitted(id)).contains("\"screening\":{\"reasons\":[\"rate_limit\"]}");
	}

	/** The one body the gateway posted to assessment-service for the submission. */
	private String submitted(UUID id) {
		return assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.path().equals("/api/submissions")
					&& r.body().contains(id.toString()))
			.toList()
			.get(0)
			.body();
	}

	@Autowired
	OutboundForwarder forwarder;

	private Cookie start() {
		MvcTestResult landing = mvc.get()
			.uri("/articles/no-such-page?utm_source=newsletter&utm_campaign=winter")
			.header("Referer", "https://search.example/?q=it")
			.exchange();
		Cookie attribution = landing.getResponse().getCookie(AttributionCookie.NAME);
		assertThat(attribution).isNotNull();
		return mvc.get()
			.uri("/assessment")
			.cookie(attribution)
			.exchange()
			.getResponse()
			.getCookie(WizardController.COOKIE);
	}

	private UUID submissionId(Cookie draft) {
		return jdbc.sql("SELECT submission_id FROM assessment_draft WHERE id = :id")
			.param("id", UUID.fromString(draft.getValue()))
			.query(UUID.class)
			.single();
	}

	private MvcTestResult completeAll(Cookie draft) {
		jdbc.sql("UPDATE assessment_draft SET started_at = :then WHERE id = :id")
			.param("then", OffsetDateTime.now().minusMinutes(5))
			.param("id", UUID.fromString(draft.getValue()))
			.update();
		MvcTestResult result = null;
		for (int i = 0; i < VALID_STEPS.size(); i++) {
			result = post(draft, i, VALID_STEPS.get(i));
			assertThat(result).hasStatus3xxRedirection();
		}
		return result;
	}

	private MvcTestResult post(Cookie draft, int step, Map<String, List<String>> fields) {
		var request = mvc.post().uri("/assessment").with(csrf()).cookie(draft).param("step", Integer.toString(step));
		fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		if (!fields.containsKey("action")) {
			request.param("action", "next");
		}
		return request.exchange();
	}

}
