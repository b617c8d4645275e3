package com.northbeam.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics on the management port and trace context from the caller, over real HTTP as the
 * gateway and a scraper reach the service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" })
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void prometheusListsRequestJvmAndPoolMetricsOnTheManagementPortOnly() throws Exception {
		assertThat(get(this.port, "/api/articles/co-managed-vs-fully-managed-it").statusCode()).isEqualTo(200);

		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("uri=\"/api/articles/{slug}\"", "http_server_requests_seconds_count{",
				"jvm_memory_used_bytes{", "hikaricp_connections_active{");
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
	}

	@Test
	void aRequestKeepsTheCallersTraceInItsLogLinesAndProblem(CapturedOutput output) throws Exception {
		HttpResponse<String> missing = get(this.port, "/api/articles/no-such-article");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("\"traceId\":\"" + TRACE_ID + "\"");
		assertThat(output).contains("[" + TRACE_ID + ",");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
