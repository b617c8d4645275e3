package com.northbeam.gateway.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.FunnelEvents;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.northbeam.gateway.assessment.AssessmentApiControllerTests.BODY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API's timing check on the gateway's PostgreSQL, with assessment-service faked:
 * what each submission is sent with, and that its client is answered the same whatever
 * the check found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ApiStartsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	StartTokens tokens;

	@Autowired
	ResumeTokens resumeTokens;

	@Autowired
	AssessmentProperties properties;

	@Autowired
	ApiStarts starts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FunnelEvents events;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(UUID.randomUUID()), Duration.ZERO));
	}

	@Test
	void aStartHandsOutATokenWithItsExpiryHoldingNothingPersonalAndStoringNothing() {
		int stored = startsStored();
		Instant before = Instant.now();

		MvcTestResult start = mvc.post().uri("/api/v1/assessment/starts").exchange();

		assertThat(start).hasStatusOk().hasHeader("Cache-Control", "no-store");
		String token = JsonPath.read(body(start), "$.startToken");
		assertThat(token).matches("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(token.substring(0, 32))).as("a random id and a time").hasSize(24);
		assertThat(Instant.parse(JsonPath.read(body(start), "$.expiresAt")))
			.isBetween(before.plus(properties.draftLifetime()), Instant.now().plus(properties.draftLifetime()));
		assertThat(startsStored()).isEqualTo(stored);
	}

	@Test
	void eachStartTokenIssuedCountsOneStartThroughTheApiAndASubmissionSentAgainNoMore() {
		assessment.respond("POST", "/api/events", Response.status(202));
		events.flush();
		int before = assessment.requests().size();

		String token = JsonPath.read(body(mvc.post().uri("/api/v1/assessment/starts").exchange()), "$.startToken");
		UUID id = UUID.randomUUID();
		String body = AssessmentApiControllerTests.started(BODY.formatted(id), token);
		assertThat(
				mvc.post().uri("/api/v1/assessment/submissions").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(201);
		assertThat(
				mvc.post().uri("/api/v1/assessment/submissions").contentType(MediaType.APPLICATION_JSON).content(body))
			.as("sent again")
			.hasStatus(201);
		events.flush();

		assertThat(counted(before, "api_started")).isOne();
		assertThat(counted(before, FunnelEvents.ASSESSMENT_STARTED)).as("not one of the wizard's").isZero();
	}

	/**
	 * How many times the gateway told the service {@code type} happened since
	 * {@code from}.
	 */
	private int counted(int from, String type) {
		return assessment.requests()
			.subList(from, assessment.requests().size())
			.stream()
			.filter((request) -> request.path().equals("/api/events")
					&& type.equals(JsonPath.read(request.body(), "$.type")))
			.mapToInt((request) -> JsonPath.<Integer>read(request.body(), "$.count"))
			.sum();
	}

	@Test
	void aSubmissionSentSoonerAfterItsStartThanAPersonCanIsSentForQuarantineAndAnsweredAsUsual() {
		UUID person = UUID.randomUUID();
		UUID bot = UUID.randomUUID();
		String token = JsonPath.read(body(mvc.post().uri("/api/v1/assessment/starts").exchange()), "$.startToken");

		MvcTestResult fast = submit(bot, token);
		MvcTestResult slow = submit(person, startedAgo(properties.minimumFillTime().plusSeconds(1)));

		assertThat(sent(bot)).contains("\"screening\":{\"reasons\":[\"too_fast\"]}");
		assertThat(sent(person)).doesNotContain("screening");
		assertThat(fast).hasStatus(201);
		assertThat(body(fast).replace(bot.toString(), "ID")).isEqualTo(body(slow).replace(person.toString(), "ID"));
	}

	@Test
	void aSubmissionWithoutAStartOfItsOwnIsSentForQuarantineAsNoStart() {
		String good = startedAgo(Duration.ofMinutes(3));
		String otherKey = new StartTokens(
				new SigningKey(new ResumeProperties(Base64.getEncoder().encodeToString(new byte[32]), null, 3)),
				properties)
			.sign(UUID.randomUUID(), Instant.now().minus(Duration.ofMinutes(3)));
		String[] noStart = { null, "", good.substring(0, 5) + (good.charAt(5) == 'A' ? 'B' : 'A') + good.substring(6),
				otherKey, startedAgo(properties.draftLifetime().plusMinutes(1)),
				resumeTokens.sign(UUID.randomUUID(), Instant.now().plusSeconds(3600)), "not a token" };

		for (String token : noStart) {
			UUID id = UUID.randomUUID();
			assertThat(submit(id, token)).as(String.valueOf(token)).hasStatus(201);
			assertThat(sent(id)).as(String.valueOf(token)).contains("\"screening\":{\"reasons\":[\"no_start\"]}");
		}
	}

	@Test
	void aStartServesOneSubmissionWhichMaySendItAgain() {
		String token = startedAgo(Duration.ofMinutes(2));
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		assertThat(submit(first, token)).hasStatus(201);
		assertThat(submit(first, token)).as("the same submission again").hasStatus(201);
		assertThat(submit(second, token)).hasStatus(201);

		assertThat(assessment.requests()).filteredOn((r) -> r.body().contains(first.toString()))
			.hasSize(2)
			.allSatisfy((r) -> assertThat(r.body()).doesNotContain("screening"));
		assertThat(sent(second)).contains("\"screening\":{\"reasons\":[\"no_start\"]}");
	}

	@Test
	void aSubmissionTheServiceRefusesGivesItsStartBack() {
		String token = startedAgo(Duration.ofMinutes(2));
		UUID refused = UUID.randomUUID();
		UUID corrected = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions", new Response(400, "application/problem+json", """
				{"status":400,"detail":"The submission has invalid fields.",
				 "errors":[{"field":"questionnaireVersion","message":"is no longer current"}]}""", Duration.ZERO));

		assertThat(submit(refused, token)).hasStatus(400);
		serviceAnswers();
		assertThat(submit(corrected, token)).hasStatus(201);

		assertThat(sent(corrected)).doesNotContain("screening");
	}

	@Test
	void expiredStartsAreForgotten() {
		UUID id = UUID.randomUUID();
		assertThat(submit(id, startedAgo(Duration.ofMinutes(1)))).hasStatus(201);
		jdbc.sql("UPDATE api_start SET expires_at = :past WHERE submission_id = :id")
			.param("past", java.time.OffsetDateTime.now().minusMinutes(1))
			.param("id", id)
			.update();

		starts.forgetExpired();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_start WHERE submission_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
	}

	private String startedAgo(Duration ago) {
		return tokens.sign(UUID.randomUUID(), Instant.now().minus(ago));
	}

	private MvcTestResult submit(UUID id, String token) {
		String body = BODY.formatted(id);
		return mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content((token != null) ? AssessmentApiControllerTests.started(body, token) : body)
			.exchange();
	}

	private String sent(UUID id) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/submissions") && request.body().contains(id.toString()))
			.reduce((first, last) -> last)
			.orElseThrow()
			.body();
	}

	private int startsStored() {
		return jdbc.sql("SELECT COUNT(*) FROM api_start").query(Integer.class).single();
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
