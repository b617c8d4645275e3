package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.FunnelEvents;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class AssessmentApiControllerTests {

	static final String BODY = """
			{"id":"%s","answers":{"employees":"11-50","internal_it":"it_person","growth":"fast","workload":"overloaded",
			 "skills_gaps":["cybersecurity"],"project_delays":"sometimes","support_wait":"often","coverage":"extended_hours",
			 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
			 "hiring":"somewhat_hard","predictability":"medium"},
			 "contact":{"name":"Dana","email":"dana@example.com","company":"Acme"},
			 "consent":{"accepted":true,"textVersion":"2026-11-v1"},"attribution":{"utm_source":"newsletter"}}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	FunnelEvents events;

	@Autowired
	StartTokens startTokens;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
	}

	@Test
	void servesTheQuestionnaireWithItsConsentText() {
		assertThat(mvc.get().uri("/api/v1/assessment")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.consent.version")
			.isEqualTo("2026-11-v1");
	}

	@Test
	void aValidSubmissionReturnsTheResultWithItsUrl() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));

		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY.formatted(id)))
			.hasStatus(201)
			.satisfies((result) -> assertThat(assessment.requests()
				.stream()
				.filter((request) -> request.body().contains(id.toString()))
				.findFirst()
				.orElseThrow()
				.body()).contains("\"consent\":{\"accepted\":true,\"textVersion\":\"2026-11-v1\"}",
						"\"utm_source\":\"newsletter\"", "\"email\":\"dana@example.com\""))
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.recommendation").isEqualTo("co_managed");
				assertThat(json).extractingPath("$.resultUrl")
					.isEqualTo("http://localhost:8080/assessment/result/" + id);
				assertThat(json).extractingPath("$.fit.co_managed").isEqualTo(78.0);
			});
	}

	@Test
	void aSubmissionOverTheRateLimitGetsTheSameAnswerAndIsSentForQuarantine() throws Exception {
		UUID clean = UUID.randomUUID();
		UUID over = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(clean), Duration.ZERO));

		MvcTestResult first = mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(started(BODY.formatted(clean), startedAMinuteAgo()))
			.exchange();
		MvcTestResult second = mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.requestAttr(PostRateLimit.OVER_LIMIT, true)
			.content(started(BODY.formatted(over), startedAMinuteAgo()))
			.exchange();

		assertThat(second).hasStatus(201);
		assertThat(second.getResponse().getContentAsString().replace(over.toString(), clean.toString()))
			.isEqualTo(first.getResponse().getContentAsString());
		assertThat(sent(over)).contains("\"screening\":{\"reasons\":[\"rate_limit\"]}");
		assertThat(sent(clean)).doesNotContain("screening");
	}

	/** A start token of a person who started a minute ago. */
	private String startedAMinuteAgo() {
		return startTokens.sign(UUID.randomUUID(), Instant.now().minus(Duration.ofMinutes(1)));
	}

	/** The body with its start token. */
	static String started(String body, String token) {
		return body.substring(0, body.lastIndexOf('}')) + ",\"startToken\":\"" + token + "\"}";
	}

	private String sent(UUID id) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/submissions") && request.body().contains(id.toString()))
			.findFirst()
			.orElseThrow()
			.body();
	}

	@Test
	void aSubmissionThroughTheApiIsCountedAsSuchForTheFunnel() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		assessment.respond("POST", "/api/events", new Response(202, "application/json", "", Duration.ZERO));
		int before = assessment.requests().size();

		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY.formatted(id))).hasStatus(201);
		events.flush();

		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.filteredOn((request) -> request.path().equals("/api/events"))
			.extracting(FakeHttpServer.Request::body)
			.anySatisfy((body) -> assertThat(body).contains("\"type\":\"api_submitted\""));
	}

	@Test
	void badInputNamesEveryOffendingFieldAndNothingIsSent() {
		int before = assessment.requests().size();

		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"answers\":{\"employees\":\"lots\"},\"contact\":{\"email\":\"nope\"},\"consent\":{\"accepted\":false}}"))
			.hasStatus(400)
			.hasContentType("application/problem+json")
			.bodyText()
			.contains("\"answers.employees\"", "\"answers.internal_it\"", "\"contact.email\"", "\"contact.name\"",
					"\"consent.accepted\"", "\"consent.textVersion\"");
		// The shared context's scheduled flushes and queue forwarding post too: nothing
		// of
		// this input may be among them.
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneSatisfy((r) -> assertThat(r.body()).contains("\"lots\""));
	}

	@Test
	void whenTheServiceIsDownTheSubmissionIsAcceptedAndPending() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions", Response.status(503));

		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY.formatted(id))).hasStatus(202).bodyJson().extractingPath("$.status").isEqualTo("pending");
		assertThat(mvc.get().uri("/api/v1/assessment/submissions/" + id)).hasStatus(202);
	}

}
