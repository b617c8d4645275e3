package com.northbeam.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per attack on the gateway over real HTTP, with fake services behind it that
 * refuse what the real ones refuse: each gets a clear 4xx (a problem for the JSON API, an
 * error page for pages), never a 5xx; nothing is stored or queued, and input the gateway
 * must refuse itself never reaches assessment-service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
class HostileRequestsTests {

	static final List<String> TABLES = List.of("assessment_draft", "outbound_request", "reading_pick", "staff_account",
			"sign_in_attempt", "spring_session");

	static final String API = "/api/v1/assessment/submissions";

	static final String SUBMISSION = """
			{"answers":{"employees":"11-50","internal_it":"it_person","growth":"fast","workload":"overloaded",
			 "skills_gaps":["cybersecurity"],"project_delays":"sometimes","support_wait":"often","coverage":"extended_hours",
			 "security_complexity":"growing","tech_footprint":["cloud"],"control_preference":"keep_control",
			 "hiring":"somewhat_hard","predictability":"medium"},
			 "contact":{"name":"%s","email":"%s","company":"Acme"},
			 "consent":{"accepted":true,"textVersion":"2026-11-v1"}}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	/**
	 * Made here rather than taken from {@link FakeServicesConfiguration}: with a real
	 * server the filters, and with them the service clients, are built before its
	 * registrar has registered the fakes' addresses.
	 */
	static final FakeHttpServer assessment = new FakeHttpServer();

	static final FakeHttpServer content = new FakeHttpServer();

	@DynamicPropertySource
	static void fakeServices(DynamicPropertyRegistry registry) {
		registry.add("gateway.services.content.base-url", content::baseUrl);
		registry.add("gateway.services.content.read-timeout", () -> "5s");
		registry.add("gateway.services.assessment.base-url", assessment::baseUrl);
		registry.add("gateway.services.assessment.read-timeout", () -> "5s");
		registry.add("gateway.assessment.rate-limit.capacity", () -> "10000");
	}

	@AfterAll
	static void stopFakes() {
		assessment.close();
		content.close();
	}

	@BeforeEach
	void servicesRefuseWhatTheRealOnesRefuse() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		assessment.respond("POST", "/api/submissions", new Response(400, "application/problem+json",
				"{\"status\":400,\"title\":\"Invalid input\",\"errors\":[{\"field\":\"contact.name\",\"message\":\"must not contain control characters\"}]}",
				java.time.Duration.ZERO));
		content.respond("GET", "/api/search", new Response(400, "application/problem+json",
				"{\"status\":400,\"errors\":[{\"field\":\"q\",\"message\":\"must not contain the NUL character\"}]}",
				java.time.Duration.ZERO));
	}

	/** What the gateway must refuse by itself, before asking a service. */
	static Arguments refusedHere(String attack, String method, String target, Map<String, String> headers,
			String body) {
		return Arguments.of(attack, method, target, headers,
				(body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, true);
	}

	/** What a service refuses, and the gateway passes on as a 4xx without queueing it. */
	static Arguments refusedThere(String attack, String body) {
		return Arguments.of(attack, "POST", API, Map.of("Content-Type", "application/json"),
				body.getBytes(StandardCharsets.UTF_8), false);
	}

	static Arguments page(String attack, String target) {
		return Arguments.of(attack, "GET", target, Map.of("Accept", "text/html"), null, true);
	}

	static Stream<Arguments> attacks() {
		Map<String, String> json = Map.of("Content-Type", "application/json");
		return Stream.of(refusedHere("malformed JSON", "POST", API, json, "{\"answers\":"),
				refusedHere("JSON that is not an object", "POST", API, json, "[]"),
				refusedHere("text/plain", "POST", API, Map.of("Content-Type", "text/plain"), "hello"),
				refusedHere("XML", "POST", API, Map.of("Content-Type", "application/xml"), "<a/>"),
				refusedHere("multipart without a boundary", "POST", API, Map.of("Content-Type", "multipart/form-data"),
						"--x"),
				refusedHere("a charset that does not exist", "POST", API,
						Map.of("Content-Type", "application/json;charset=no-such"), "{}"),
				refusedHere("deep nesting", "POST", API, json,
						"{\"answers\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
				refusedHere("huge body", "POST", API, json,
						SUBMISSION.formatted("n".repeat(3_000_000), "dana@example.com")),
				refusedHere("an id that is not a UUID", "POST", API, json, "{\"id\":\"../../x\"}"),
				refusedHere("a huge header", "GET", "/", Map.of("X-Padding", "p".repeat(70_000)), null),
				refusedHere("a result id that is not a UUID", "GET", "/api/v1/assessment/submissions/%7Bx%7D", Map.of(),
						null),
				refusedThere("CR/LF in a name", SUBMISSION.formatted("Eve\\r\\nBcc: all@x.example", "eve@example.com")),
				refusedThere("CR/LF in an email",
						SUBMISSION.formatted("Eve", "eve@example.com\\r\\nBcc: all@x.example")),
				refusedThere("NUL in a name", SUBMISSION.formatted("Da\\u0000na", "dana@example.com")),
				refusedThere("SQL and template metacharacters in a name",
						SUBMISSION.formatted("x'); DROP TABLE lead;-- ${7*7} {x}", "dana@example.com")),
				page("path traversal in a slug", "/articles/..%2f..%2fetc%2fpasswd"),
				page("template metacharacters in a slug", "/articles/%7Bx%7D"),
				page("an unknown slug", "/articles/no-such-article"),
				page("a share image of an odd slug", "/articles/%24%7B7*7%7D/og.png"),
				page("a result id that is not a UUID", "/assessment/result/..%2f..%2fx"),
				page("a report of an id that is not a UUID", "/assessment/result/%7Bx%7D/report.pdf"),
				page("a page number that is not a number", "/articles?page=%27%20OR%201%3D1"),
				page("a huge page number", "/articles?page=99999999999"),
				page("a step that is not a number", "/assessment?step=%24%7B7*7%7D"),
				page("a forged link to finish later",
						"/assessment/resume/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA"),
				page("template metacharacters in a link to finish later", "/assessment/resume/%24%7B7*7%7D"),
				page("a guide question that is not asked", "/assessment/questions/%7Bx%7D"),
				page("NUL in a search", "/search?q=a%00b"), page("invalid UTF-8 in the path", "/articles/%C3%28"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void isRefusedClearlyAndStoresNothing(String attack, String method, String target, Map<String, String> headers,
			byte[] body, boolean refusedHere) {
		Map<String, Long> before = counts();
		long forwarded = forwardedSubmissions();
		RawHttp.Response response = RawHttp.send(URI.create("http://127.0.0.1:" + port), method, target,
				new LinkedHashMap<>(headers), body);

		assertThat(response.status())
			.as("%s answered %s; assessment-service was asked %s", attack, response.text(), assessment.requests())
			.isBetween(400, 499);
		if (target.startsWith("/api/") && response.body().length > 0) {
			assertThat(response.header("Content-Type")).as("%s answered %s", attack, response.text())
				.startsWith("application/problem+json");
		}
		else if (response.body().length > 0) {
			assertThat(response.header("Content-Type")).as(attack).startsWith("text/html");
			assertThat(response.text()).as(attack).contains("<html").doesNotContain("Whitelabel", "Exception");
		}
		assertThat(counts()).as("rows after %s", attack).isEqualTo(before);
		if (refusedHere) {
			assertThat(forwardedSubmissions()).as("submissions forwarded for %s", attack).isEqualTo(forwarded);
		}
	}

	long forwardedSubmissions() {
		return assessment.requests().stream().filter((request) -> request.path().equals("/api/submissions")).count();
	}

	Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

}
