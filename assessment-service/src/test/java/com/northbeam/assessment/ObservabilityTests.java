package com.northbeam.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.TestTokenIssuer;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics on the management port, trace context from the caller, and log lines free of
 * personal data: over real HTTP, as the gateway and a scraper reach the service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" })
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	TestTokenIssuer tokens;

	@Test
	void prometheusListsTheBusinessMetricsOnTheManagementPortOnly() throws Exception {
		UUID id = UUID.randomUUID();
		assertThat(submit(SubmissionBodies.valid(id)).statusCode()).isEqualTo(201);
		assertThat(submit(SubmissionBodies.valid(id)).statusCode()).isEqualTo(200);
		assertThat(
				submit(SubmissionBodies.valid(id).replace("\"questionnaireVersion\":1", "\"questionnaireVersion\":99"))
					.statusCode())
			.isEqualTo(400);

		HttpResponse<String> metrics = get("http://localhost:" + this.managementPort + "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).containsPattern("assessment_submissions_total\\{outcome=\"new\"\\} [1-9]")
			.containsPattern("assessment_submissions_total\\{outcome=\"repeated\"\\} [1-9]")
			.containsPattern("assessment_submissions_total\\{outcome=\"refused\"\\} [1-9]")
			.containsPattern("assessment_leads_total\\{recommendation=\"[a-z_-]+\"\\} [1-9]")
			.contains("assessment_outbox_backlog ", "assessment_outbox_oldest_pending_age_seconds ",
					"assessment_outbox_deliveries_failed_total ", "assessment_outbox_deliveries_dead_total ",
					"http_server_requests_seconds_count{", "jvm_memory_used_bytes{", "hikaricp_connections_active{");
		assertThat(get("http://localhost:" + this.managementPort + "/actuator/health/readiness").statusCode())
			.isEqualTo(200);
		assertThat(get("http://localhost:" + this.port + "/readyz").statusCode()).isEqualTo(200);
		assertThat(get("http://localhost:" + this.port + "/actuator/prometheus").statusCode()).isNotEqualTo(200);
	}

	@Test
	void aRequestKeepsTheCallersTraceInItsLogLinesAndProblemAndNoPersonalData(CapturedOutput output) throws Exception {
		UUID id = UUID.randomUUID();
		String body = SubmissionBodies.valid(id)
			.replace("Dana Prospect", "Zebedee Quillfeather")
			.replace("dana@prospect.example", "zebedee.quill@observe.example")
			.replace(SubmissionBodies.phone(id), "+44 20 7946 0917");
		String invalid = body.replace("\"questionnaireVersion\":1", "\"questionnaireVersion\":99");

		HttpResponse<String> refused = submit(invalid);
		HttpResponse<String> accepted = submit(body);
		HttpResponse<String> malformed = submit(body.replace("\"company\"", "\"unknownField\""));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"traceId\":\"" + TRACE_ID + "\"");
		assertThat(accepted.statusCode()).isEqualTo(201);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(output).contains("[" + TRACE_ID + ",")
			.doesNotContain("Zebedee", "Quillfeather", "zebedee.quill", "observe.example", "7946 0917");
	}

	private HttpResponse<String> submit(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/submissions"))
			.header("Authorization",
					"Bearer " + this.tokens.token("gateway", "submissions:write", "submissions:read", "events:write"))
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
