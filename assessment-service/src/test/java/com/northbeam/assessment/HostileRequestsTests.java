package com.northbeam.assessment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.RawHttp;
import com.northbeam.testsupport.TestTokenIssuer;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per attack on the service's API over real HTTP, sent as the gateway would with
 * a valid token: each gets a clear 4xx as {@code application/problem+json} (never a 5xx)
 * and stores nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
class HostileRequestsTests {

	static final List<String> TABLES = List.of("submission", "submission_result", "consent_record", "lead",
			"lead_event", "lead_consultation", "outbox_event", "funnel_event");

	static final String ANSWERS = """
			{"employees":"51-200","internal_it":"it_team","growth":"fast","workload":"overloaded",
			 "skills_gaps":["cybersecurity"],"project_delays":"often","support_wait":"sometimes",
			 "coverage":"extended_hours","security_complexity":"complex","tech_footprint":["cloud"],
			 "control_preference":"keep_control","hiring":"somewhat_hard","predictability":"medium"}""";

	static final String CONTACT = "{\"name\":\"Dana\",\"email\":\"dana@prospect.example\",\"company\":\"PW\"}";

	static final String CONSENT = "{\"accepted\":true,\"textVersion\":\"2026-11-v1\"}";

	@LocalServerPort
	int port;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	/** A submission body with one member replaced. */
	static String submission(String member, String json) {
		Map<String, String> members = new LinkedHashMap<>();
		members.put("answers", ANSWERS);
		members.put("contact", CONTACT);
		members.put("consent", CONSENT);
		members.put(member, json);
		StringBuilder body = new StringBuilder("{");
		members.forEach((name, value) -> body.append(body.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":")
			.append(value));
		return body.append('}').toString();
	}

	static String contact(String name, String email) {
		return "{\"name\":" + name + ",\"email\":" + email + ",\"company\":\"PW\"}";
	}

	static Arguments post(String attack, String contentType, byte[] body) {
		return Arguments.of(attack, "POST", "/api/submissions".getBytes(StandardCharsets.UTF_8),
				Map.of("Content-Type", contentType), body);
	}

	static Arguments json(String attack, String body) {
		return post(attack, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	static Arguments get(String attack, String target, Map<String, String> headers) {
		return Arguments.of(attack, "GET", target.getBytes(StandardCharsets.ISO_8859_1), headers, null);
	}

	static Stream<Arguments> attacks() {
		byte[] invalidUtf8 = submission("contact", contact("\"Dana \u0001\"", "\"d@x.example\""))
			.replace("\\u0001", "\u0001")
			.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < invalidUtf8.length; i++) {
			if (invalidUtf8[i] == 1) {
				invalidUtf8[i] = (byte) 0xC3;
				invalidUtf8[i + 1] = (byte) 0x28;
			}
		}
		return Stream.of(json("malformed JSON", "{\"answers\":{\"employees\":"),
				json("JSON that is not an object", "[1,2,3]"), json("empty body", ""),
				post("text/plain", "text/plain", submission("id", "null").getBytes(StandardCharsets.UTF_8)),
				post("XML", "application/xml", "<submission/>".getBytes(StandardCharsets.UTF_8)),
				post("multipart without a boundary", "multipart/form-data", "--x\r\n".getBytes(StandardCharsets.UTF_8)),
				post("form-encoded", "application/x-www-form-urlencoded", "answers=x".getBytes(StandardCharsets.UTF_8)),
				post("a charset that does not exist", "application/json;charset=no-such-charset",
						"{}".getBytes(StandardCharsets.UTF_8)),
				post("huge body", "application/json",
						submission("attribution", "{\"referrer\":\"" + "r".repeat(2_000_000) + "\"}")
							.getBytes(StandardCharsets.UTF_8)),
				json("deep nesting", submission("answers", "[".repeat(5000) + "]".repeat(5000))),
				post("invalid UTF-8 in a name", "application/json", invalidUtf8),
				json("NUL in a name", submission("contact", contact("\"Da\\u0000na\"", "\"d@x.example\""))),
				json("NUL in an attribution", submission("attribution", "{\"utm_source\":\"a\\u0000b\"}")),
				json("CR/LF in a name",
						submission("contact", contact("\"Eve\\r\\nBcc: all@x.example\"", "\"e@x.example\""))),
				json("CR/LF in an email",
						submission("contact", contact("\"Eve\"", "\"e@x.example\\r\\nBcc: all@x.example\""))),
				json("CR/LF in a referrer",
						submission("attribution", "{\"referrer\":\"https://x.example/\\r\\nX: 1\"}")),
				json("SQL metacharacters as an answer code",
						submission("answers", ANSWERS.replace("\"51-200\"", "\"51-200' OR '1'='1\""))),
				json("template metacharacters as an answer code",
						submission("answers", ANSWERS.replace("\"51-200\"", "\"${7*7}{x}[[${x}]]\""))),
				json("an unknown question", submission("answers", ANSWERS.replace("\"growth\"", "\"../growth\""))),
				json("an unknown code", submission("answers", ANSWERS.replace("\"fast\"", "\"warp\""))),
				json("an unknown questionnaire version", submission("questionnaireVersion", "99")),
				json("a questionnaire version that is not a number", submission("questionnaireVersion", "\"1; --\"")),
				json("a negative cost", submission("costs", "{\"tools_spend\":-1}")),
				json("a huge cost", submission("costs", "{\"average_loaded_salary\":1e308}")),
				json("an infinite cost", submission("costs", "{\"tools_spend\":1e999}")),
				json("a cost that is text", submission("costs", "{\"tools_spend\":\"lots\"}")),
				json("an id that is not a UUID", submission("id", "\"../../etc/passwd\"")),
				json("a reading date past any calendar",
						submission("readingHistory",
								"[{\"slug\":\"a\",\"title\":\"A\",\"viewedAt\":\"+999999999-12-31T23:59:59Z\"}]")),
				json("a reading date before any calendar",
						submission("readingHistory",
								"[{\"slug\":\"a\",\"title\":\"A\",\"viewedAt\":\"-20000-01-01T00:00:00Z\"}]")),
				json("consent not given", submission("consent", "{\"accepted\":false,\"textVersion\":\"2026-11-v1\"}")),
				json("an unknown consent text", submission("consent", "{\"accepted\":true,\"textVersion\":\"{x}\"}")),
				get("path traversal in a submission id", "/api/submissions/..%2f..%2fetc%2fpasswd", Map.of()),
				get("template metacharacters in a submission id", "/api/submissions/%7Bx%7D", Map.of()),
				get("invalid UTF-8 in the path", "/api/submissions/%C3%28", Map.of()),
				get("NUL in a lead search", "/api/leads?q=a%00b", Map.of()),
				get("SQL metacharacters as a lead sort", "/api/leads?sort=priority%3B%20DROP%20TABLE%20lead", Map.of()),
				get("a huge limit", "/api/leads?limit=99999999999", Map.of()),
				get("a negative limit", "/api/leads?limit=-1", Map.of()),
				get("a date that is not one", "/api/leads?createdFrom=%24%7B7*7%7D", Map.of()),
				get("a date past any calendar", "/api/leads?createdFrom=%2B999999999-12-31T23:59:59Z", Map.of()),
				get("an unknown lead status", "/api/leads?status=%27%20OR%201%3D1", Map.of()),
				get("a huge header", "/api/leads", Map.of("X-Padding", "p".repeat(70_000))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void isRefusedWithAClearProblemAndStoresNothing(String attack, String method, byte[] target,
			Map<String, String> headers, byte[] body) {
		Map<String, Long> before = counts();
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Authorization",
				"Bearer " + tokens.token("gateway", "submissions:write", "submissions:read", "leads:read"));
		RawHttp.Response response = RawHttp.send(URI.create("http://127.0.0.1:" + port), method, target, all, body);

		assertThat(response.status()).as("%s answered %s", attack, response.text()).isBetween(400, 499);
		if (response.status() != 400 || response.body().length > 0) {
			assertThat(response.header("Content-Type")).as("%s answered %s", attack, response.text())
				.startsWith("application/problem+json");
		}
		assertThat(counts()).as("rows after %s", attack).isEqualTo(before);
	}

	Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

}
