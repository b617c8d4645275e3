package com.northbeam.gateway.site;

import java.time.Duration;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ArticleControllerTests {

	private static final String GUIDE_PATH = "/api/articles/co-managed-vs-fully-managed-it";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SiteContent siteContent;

	@Autowired
	RenderedPageCache renderedPages;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@BeforeEach
	void freshCache() {
		siteContent.evictAll();
		renderedPages.evictAll();
		content.respond("GET", GUIDE_PATH, Response.json(Fixtures.guide()));
	}

	@Test
	void theGuideShowsTocBodyFaqRelatedAndACallToAction() {
		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it")).hasStatusOk()
			.bodyText()
			.contains("<h1>Co-Managed IT vs Fully Managed IT</h1>", "9 min read", "20 November 2026",
					"href=\"#what-is-co-managed-it\"", "<td>Remains in place</td>",
					"<summary>Is co-managed IT cheaper than fully managed IT?</summary>",
					"href=\"/articles/signs-you-have-outgrown-internal-it\"", "href=\"/assessment\"");
	}

	@Test
	void theGuideTellsSearchEnginesWhatItIs() {
		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it")).hasStatusOk()
			.bodyText()
			.contains("<link rel=\"canonical\" href=\"http://localhost:8080/articles/co-managed-vs-fully-managed-it\">",
					"<meta property=\"og:type\" content=\"article\">", "\"@type\":\"Article\"", "\"@type\":\"FAQPage\"",
					"\"@type\":\"BreadcrumbList\"", "\"@type\":\"Organization\"",
					"<title>Co-Managed IT vs Fully Managed IT | Northbeam IT</title>")
			.doesNotContain("noindex");
	}

	@Test
	void aRenderedGuideIsServedGzippedFromTheRenderedPageCacheWithEveryHeader() {
		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it")).hasStatusOk();
		content.respond("GET", GUIDE_PATH, Response.status(500));
		siteContent.evictAll();

		var second = mvc.get()
			.uri("/articles/co-managed-vs-fully-managed-it")
			.header("Accept-Encoding", "gzip")
			.exchange();
		assertThat(second).hasStatusOk()
			.hasHeader("Content-Encoding", "gzip")
			.headers()
			.containsHeaders("Content-Security-Policy", "X-Request-Id", "Vary");
	}

	@Test
	void aTrailingSlashRedirectsToThePage() {
		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it/")).hasStatus(301)
			.hasHeader("Location", "/articles/co-managed-vs-fully-managed-it");
	}

	@Test
	void anOldSlugRedirectsPermanentlyToTheNewOne() {
		content.respond("GET", "/api/articles/old-guide",
				new Response(301, "application/json", "{\"slug\":\"co-managed-vs-fully-managed-it\"}", Duration.ZERO));

		assertThat(mvc.get().uri("/articles/old-guide")).hasStatus(301)
			.hasHeader("Location", "/articles/co-managed-vs-fully-managed-it");
	}

	@Test
	void anUnknownArticleIsAFriendly404WithARequestId() {
		assertThat(mvc.get().uri("/articles/no-such-article")).hasStatus(404)
			.bodyText()
			.contains("We could not find that page", "request id")
			.doesNotContain("Exception", "Whitelabel");
	}

	@Test
	void theGuideIsServedFromCacheWhileContentServiceIsDown() {
		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it")).hasStatusOk();
		content.respond("GET", GUIDE_PATH, Response.status(503));

		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it")).hasStatusOk()
			.bodyText()
			.contains("Co-Managed IT vs Fully Managed IT");
	}

	@Test
	void anArticleNeverFetchedWhileContentServiceIsDownIsAFriendly503() {
		content.respond("GET", "/api/articles/never-seen", Response.status(503));

		assertThat(mvc.get().uri("/articles/never-seen")).hasStatus(503)
			.bodyText()
			.contains("briefly unavailable", "request id");
	}

}
