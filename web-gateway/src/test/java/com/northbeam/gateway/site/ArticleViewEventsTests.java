package com.northbeam.gateway.site;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.FunnelEvents;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article pages served are counted as views, and the gateway's counts reach
 * assessment-service anonymously with its own events token when they are flushed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ArticleViewEventsTests {

	private static final String ARTICLE = "/articles/counted-article";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RenderedPageCache renderedPages;

	@Autowired
	FunnelEvents events;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@Test
	void everyArticlePageServedCountsAsAViewAlsoFromTheRenderedPageCache() {
		renderedPages.evictAll();
		content.respond("GET", "/api" + ARTICLE, Response.json(Fixtures.guide()));
		assessment.respond("POST", "/api/events", new Response(202, "application/json", "", Duration.ZERO));

		assertThat(mvc.get().uri(ARTICLE).header(HttpHeaders.USER_AGENT, FIREFOX)).hasStatusOk();
		assertThat(mvc.get().uri(ARTICLE).header(HttpHeaders.USER_AGENT, FIREFOX)).hasStatusOk();
		assertThat(mvc.get().uri("/articles/no-such-article").header(HttpHeaders.USER_AGENT, FIREFOX)).hasStatus(404);
		// Load generators, crawlers and scripts are not people.
		assertThat(mvc.get().uri(ARTICLE)).hasStatusOk();
		for (String agent : List.of("wrk", "curl/8.5.0", "k6/0.49.0 (https://k6.io/)", "Go-http-client/1.1",
				"python-requests/2.31.0", "ApacheBench/2.3",
				"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36")) {
			assertThat(mvc.get().uri(ARTICLE).header(HttpHeaders.USER_AGENT, agent)).hasStatusOk();
		}

		// The views are counted by the time each page is served; the flush sends them.
		assertThat(flushUntilViewsSent(2)).isEqualTo(2);
		events.flush();
		assertThat(viewsSent()).isEqualTo(2);
		List<FakeHttpServer.Request> posts = viewPosts();
		FakeHttpServer.Request last = posts.get(posts.size() - 1);
		String token = last.headers().get("Authorization").get(0).substring("Bearer ".length());
		String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims).contains("\"sub\":\"gateway\"", "\"scope\":\"events:write\"");
		assertThat(last.headers()).doesNotContainKey("Cookie");
	}

	/**
	 * Only this test's article: the shared context's scheduled flush may have sent part
	 * of the count already.
	 */
	private List<FakeHttpServer.Request> viewPosts() {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/events") && request.body().contains("counted-article"))
			.toList();
	}

	private long viewsSent() {
		long views = 0;
		for (FakeHttpServer.Request post : viewPosts()) {
			JsonNode body = json.readTree(post.body());
			assertThat(body.get("type").asString()).isEqualTo("article_viewed");
			views += body.get("count").asLong();
		}
		return views;
	}

	/**
	 * Flushes until {@code expected} views have reached the fake service: a slow moment
	 * of a busy build machine can time out a post, or open the client's circuit for a few
	 * seconds.
	 */
	private long flushUntilViewsSent(long expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		events.flush();
		while (viewsSent() < expected && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			events.flush();
		}
		return viewsSent();
	}

}
