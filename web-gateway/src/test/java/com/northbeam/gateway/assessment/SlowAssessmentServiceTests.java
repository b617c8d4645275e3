package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * assessment-service slower than the gateway's read timeout (1.5 s) while a prospect
 * submits: the prospect is answered at once that the submission is accepted, the gateway
 * queues it, and forwards it exactly once when the service answers in time again, under
 * the same id, so the slow first attempt (which the service may well have stored) makes
 * no second submission. The scheduled forwarder is held back (a round an hour) so the
 * test drives each round; its own context, so other tests' failures do not open the
 * client's circuit breaker here.
 */
@SpringBootTest(properties = "gateway.assessment.forwarder.interval=1h")
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class SlowAssessmentServiceTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	OutboundForwarder forwarder;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
	}

	@Test
	void aSubmissionTheServiceIsTooSlowToAnswerIsAcceptedQueuedAndForwardedExactlyOnce() {
		UUID id = UUID.randomUUID();
		// Far past the read timeout, so the answer shows the gateway did not wait for it
		// even on a busy build machine.
		Duration slow = Duration.ofSeconds(10);
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), slow));
		assertThat(mvc.get().uri("/api/v1/assessment")).hasStatusOk();

		long started = System.nanoTime();
		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(AssessmentApiControllerTests.BODY.formatted(id))).hasStatus(202)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("pending");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(slow);
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("Your result is on its way");
		assertThat(postsOf(id)).isEqualTo(1);

		// Still slow: the forwarder's attempt times out too and the request stays queued.
		dueNow(id);
		assertThat(forwarder.forwardDue()).isZero();
		assertThat(postsOf(id)).isEqualTo(2);
		assertThat(queued(id)).isEqualTo(1);

		// In time again; the service had stored the slow attempt, so it answers with the
		// stored result.
		assessment.respond("POST", "/api/submissions", Response.json(Fixtures.result(id)));
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));
		dueNow(id);
		assertThat(forwarder.forwardDue()).isEqualTo(1);
		dueNow(id);
		assertThat(forwarder.forwardDue()).isZero();

		assertThat(postsOf(id)).isEqualTo(3);
		assertThat(queued(id)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE id = :id AND delivered_at IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("We recommend co-managed IT");
	}

	/** Posts of this submission that reached the service, answered in time or not. */
	private long postsOf(UUID id) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.method().equals("POST") && request.path().equals("/api/submissions")
					&& request.body().contains(id.toString()))
			.count();
	}

	private long queued(UUID id) {
		return jdbc
			.sql("SELECT COUNT(*) FROM outbound_request WHERE id = :id AND delivered_at IS NULL AND failed_at IS NULL")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private void dueNow(UUID id) {
		jdbc.sql("UPDATE outbound_request SET next_attempt_at = :now WHERE id = :id")
			.param("now", OffsetDateTime.now().minusSeconds(1))
			.param("id", id)
			.update();
	}

}
