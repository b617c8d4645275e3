package com.northbeam.gateway.site;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Funnel events reach assessment-service anonymously, with the gateway's own events token. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ArticleViewEventsTests {

	private static final String ARTICLE = "/articles/counted-article";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RenderedPageCache renderedPages;

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
		long before = events().size();

		assertThat(mvc.get().uri(ARTICLE)).hasStatusOk();
		assertThat(mvc.get().uri(ARTICLE)).hasStatusOk();
		assertThat(mvc.get().uri("/articles/no-such-article")).hasStatus(404);

		List<FakeHttpServer.Request> views = awaitEvents(before + 2);
		assertThat(views).hasSize((int) before + 2);
		FakeHttpServer.Request last = views.get(views.size() - 1);
		assertThat(last.body()).isEqualTo("{\"type\":\"article_viewed\",\"article\":\"counted-article\"}");
		String token = last.headers().get("Authorization").get(0).substring("Bearer ".length());
		String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims).contains("\"sub\":\"gateway\"", "\"scope\":\"events:write\"");
		assertThat(last.headers()).doesNotContainKey("Cookie");
	}

	private List<FakeHttpServer.Request> events() {
		// Only this test's article: other tests' events arrive in the background too.
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/events") && request.body().contains("counted-article"))
			.toList();
	}

	private List<FakeHttpServer.Request> awaitEvents(long count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (events().size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			// Time for a wrongly counted extra view (the 404) to arrive, so the size check means something.
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return events();
	}

}
