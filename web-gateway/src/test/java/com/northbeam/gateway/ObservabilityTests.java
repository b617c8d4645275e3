package com.northbeam.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics only on the management port, W3C trace context from the gateway to the
 * services, trace ids on error pages and in log lines, and no personal data in the logs:
 * over real HTTP, with fake services behind the gateway.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" })
@Import(PostgresTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	private static final Pattern TRACE_ID_ON_PAGE = Pattern.compile("Trace id ([0-9a-f]{32})");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	// Static, with properties registered before the context starts: the web server starts
	// (and builds the service clients) before a DynamicPropertyRegistrar bean would run.
	static final FakeHttpServer content = new FakeHttpServer();

	static final FakeHttpServer assessment = new FakeHttpServer();

	@DynamicPropertySource
	static void fakeServices(DynamicPropertyRegistry registry) {
		registry.add("gateway.services.content.base-url", content::baseUrl);
		registry.add("gateway.services.assessment.base-url", assessment::baseUrl);
		registry.add("gateway.services.content.read-timeout", () -> "1500ms");
		registry.add("gateway.services.assessment.read-timeout", () -> "1500ms");
	}

	@AfterAll
	static void stopFakeServices() {
		content.close();
		assessment.close();
	}

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	PropagatingReceiverTracingObservationHandler<?> receiverTracing;

	@Test
	void thePublicPortNeverServesTheActuator() throws Exception {
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/actuator").statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusOnTheManagementPortListsTheBusinessMetrics() throws Exception {
		this.questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		assessment.respond("POST", "/api/submissions", Response.status(503));
		assertThat(submit(body(UUID.randomUUID(), "dana@example.com")).statusCode()).isEqualTo(202);

		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).containsPattern("gateway_submissions_queued [1-9]")
			.contains("gateway_site_stale_served_total ", "gateway_signin_failures_total ",
					"gateway_signin_throttled_total ", "http_server_requests_seconds_count{",
					"http_client_requests_seconds_count{", "jvm_memory_used_bytes{", "hikaricp_connections_active{");
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void theTraceGoesToTheServiceAndShowsOnTheErrorPageAndInTheLog(CapturedOutput output) throws Exception {
		content.respond("GET", "/api/articles/observed-article", Response.status(500));

		HttpResponse<String> page = get(this.port, "/articles/observed-article");

		assertThat(page.statusCode()).isEqualTo(503);
		Matcher onPage = TRACE_ID_ON_PAGE.matcher(page.body());
		assertThat(onPage.find()).as("trace id on the error page").isTrue();
		String traceId = onPage.group(1);
		String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
		String traceparent = content.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/articles/observed-article"))
			.reduce((first, second) -> second)
			.map(ObservabilityTests::traceparent)
			.orElseThrow();
		assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
		assertThat(output).contains("[" + traceId + ",").contains("," + requestId + "]");
	}

	@Test
	void pagesRenderedOnTheErrorDispatchShowTheTraceIdToo() throws Exception {
		HttpResponse<String> page = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/no-such-page-here"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(TRACE_ID_ON_PAGE.matcher(page.body()).find()).as("trace id on the 404 page").isTrue();
	}

	@Test
	void pagesServedFromTheRenderedPageCacheAreMeasuredButNotTraced() throws Exception {
		String slug = "cached-" + UUID.randomUUID().toString().substring(0, 8);
		content.respond("GET", "/api/articles/" + slug,
				Response.json(Fixtures.guide().replace("co-managed-vs-fully-managed-it", slug)));
		String metric = "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
				+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/articles/{slug}\"}";
		double before = counter(metric);

		assertThat(get(this.port, "/articles/" + slug).statusCode()).isEqualTo(200);
		MockHttpServletRequest again = new MockHttpServletRequest("GET", "/articles/" + slug);
		assertThat(this.receiverTracing.supportsContext(observed(again))).as("a cached page opens no span").isFalse();
		assertThat(this.receiverTracing.supportsContext(observed(new MockHttpServletRequest("GET", "/articles/other"))))
			.as("a page still to render is traced")
			.isTrue();
		assertThat(get(this.port, "/articles/" + slug).statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/articles/" + slug).statusCode()).isEqualTo(200);

		assertThat(content.requests().stream().filter((request) -> request.path().endsWith(slug))).hasSize(1);
		assertThat(counter(metric) - before).isEqualTo(3);
	}

	@Test
	void noEmailNameOrPhoneReachesALogLineEvenOnErrors(CapturedOutput output) throws Exception {
		this.questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		String email = "zebedee.quill@observe.example";

		assessment.respond("POST", "/api/submissions", Response.status(500));
		HttpResponse<String> downstreamError = submit(body(UUID.randomUUID(), email));
		assessment.respond("POST", "/api/submissions",
				new Response(422, "application/problem+json",
						"{\"status\":422,\"errors\":[{\"field\":\"contact.email\",\"message\":\"is not accepted\"}]}",
						java.time.Duration.ZERO));
		HttpResponse<String> refusedDownstream = submit(body(UUID.randomUUID(), email));
		HttpResponse<String> invalid = submit(body(UUID.randomUUID(), "zebedee.quill@@observe.example"));
		HttpResponse<String> malformed = submit(body(UUID.randomUUID(), email).replace("\"answers\"", "\"answers\":"));

		assertThat(downstreamError.statusCode()).isIn(202, 503);
		assertThat(refusedDownstream.statusCode()).isEqualTo(400);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).containsPattern("\"traceId\":\"[0-9a-f]{32}\"");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(output).doesNotContain("zebedee", "Zebedee", "Quillfeather", "observe.example", "7946 0917");
	}

	private static ServerRequestObservationContext observed(MockHttpServletRequest request) {
		return new ServerRequestObservationContext(request, new MockHttpServletResponse());
	}

	private double counter(String series) throws Exception {
		return get(this.managementPort, "/actuator/prometheus").body()
			.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElse(0);
	}

	private static String body(UUID id, String email) {
		return """
				{"id":"%s","answers":{"employees":"11-50","internal_it":"it_person","growth":"fast","workload":"overloaded",
				 "skills_gaps":["cybersecurity"],"project_delays":"sometimes","support_wait":"often","coverage":"extended_hours",
				 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
				 "hiring":"somewhat_hard","predictability":"medium"},
				 "contact":{"name":"Zebedee Quillfeather","email":"%s","company":"Acme","phone":"+44 20 7946 0917"},
				 "consent":{"accepted":true,"textVersion":"2026-11-v1"}}"""
			.formatted(id, email);
	}

	private static String traceparent(FakeHttpServer.Request request) {
		return request.headers()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("traceparent"))
			.map(Map.Entry::getValue)
			.map((List<String> values) -> values.get(0))
			.findFirst()
			.orElse("(none)");
	}

	private HttpResponse<String> submit(String body) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/assessment/submissions"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
