package com.northbeam.content;

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
 * One row per attack on the service's public and editor API over real HTTP (editor
 * requests with a valid {@code content:write} token, as the gateway sends them): each
 * gets a clear 4xx as {@code application/problem+json}, never a 5xx, and stores nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class, TestClock.Configuration.class })
class HostileRequestsTests {

	static final List<String> TABLES = List.of("article", "article_tag", "article_slug_history", "article_revision",
			"related_link", "faq");

	@LocalServerPort
	int port;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	static String article(String slug, String title, String body) {
		return "{\"slug\":" + slug + ",\"kind\":\"article\",\"title\":" + title + ",\"summary\":\"A summary\",\"body\":"
				+ body + "}";
	}

	static Arguments get(String attack, String target) {
		return Arguments.of(attack, "GET", target, Map.of(), null);
	}

	static Arguments send(String attack, String method, String target, String contentType, byte[] body) {
		return Arguments.of(attack, method, target, Map.of("Content-Type", contentType), body);
	}

	static Arguments json(String attack, String target, String body) {
		return send(attack, "POST", target, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	static Stream<Arguments> attacks() {
		String articles = "/api/editor/articles";
		return Stream.of(get("NUL in a search", "/api/search?q=a%00b"), get("an empty search", "/api/search?q=%20"),
				get("a huge search", "/api/search?q=" + "w".repeat(5000)),
				get("a huge search limit", "/api/search?q=it&limit=99999999999"),
				get("a negative search limit", "/api/search?q=it&limit=-1"),
				get("path traversal in a slug", "/api/articles/..%2f..%2fetc%2fpasswd"),
				get("dot segments in a slug", "/api/articles/%2e%2e"),
				get("template metacharacters in a slug", "/api/articles/%7Bx%7D%24%7B7*7%7D"),
				get("SQL metacharacters in a slug", "/api/articles/x'%20OR%20'1'%3D'1"),
				get("invalid UTF-8 in a slug", "/api/articles/%C3%28"),
				get("a huge slug", "/api/articles/" + "s".repeat(5000)),
				get("an unknown article kind", "/api/articles?kind=%27%3B--"),
				get("NUL in a tag", "/api/articles?tag=a%00"),
				send("multipart without a boundary", "POST", "/api/editor/articles", "multipart/form-data",
						"--x".getBytes(StandardCharsets.UTF_8)),
				json("malformed JSON", articles, "{\"slug\":"),
				send("text/plain", "POST", articles, "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
				send("XML", "POST", articles, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)),
				json("deep nesting", articles, "{\"tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
				json("NUL in a title", articles, article("\"nul-title\"", "\"a\\u0000b\"", "\"Body\"")),
				json("NUL in a body", articles, article("\"nul-body\"", "\"Title\"", "\"a\\u0000b\"")),
				json("path traversal as a new slug", articles, article("\"../../etc\"", "\"Title\"", "\"Body\"")),
				json("template metacharacters as a new slug", articles, article("\"{x}\"", "\"Title\"", "\"Body\"")),
				json("an unknown kind", articles,
						"{\"slug\":\"k\",\"kind\":\"${x}\",\"title\":\"T\",\"summary\":\"S\",\"body\":\"B\"}"),
				json("a huge body", articles, article("\"huge\"", "\"Title\"", "\"" + "b".repeat(3_000_000) + "\"")),
				send("invalid UTF-8 in a title", "POST", articles, "application/json",
						invalidUtf8(article("\"bad-utf8\"", "\"T\u0001\"", "\"Body\""))),
				json("NUL in an FAQ", "/api/editor/faqs",
						"{\"question\":\"Q\\u0000\",\"answer\":\"A\",\"position\":0}"),
				json("a negative FAQ position", "/api/editor/faqs",
						"{\"question\":\"Q\",\"answer\":\"A\",\"position\":-1}"),
				get("an unknown editor status", articles + "?status=%7Bx%7D"),
				get("an editor id that is not a number", articles + "/%24%7B7*7%7D"));
	}

	static byte[] invalidUtf8(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 1) {
				bytes[i] = (byte) 0xC3;
				bytes[i + 1] = (byte) 0x28;
			}
		}
		return bytes;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void isRefusedWithAClearProblemAndStoresNothing(String attack, String method, String target,
			Map<String, String> headers, byte[] body) {
		Map<String, Long> before = counts();
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Authorization", "Bearer " + tokens.token("editor@northbeam.test", "content:write"));
		RawHttp.Response response = RawHttp.send(URI.create("http://127.0.0.1:" + port), method, target, all, body);

		assertThat(response.status()).as("%s answered %s", attack, response.text()).isBetween(400, 499);
		if (response.body().length > 0) {
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
