package com.northbeam.gateway.site;

import com.northbeam.gateway.FakeServicesConfiguration;
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
class PagesControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SiteContent siteContent;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@BeforeEach
	void contentAnswers() {
		siteContent.evictAll();
		content.respond("GET", "/api/faqs", Response.json("""
				[{"id":"keep-team","question":"Can we keep our internal IT team?","answerHtml":"<p>Yes.</p>",
				  "articleSlug":"co-managed-vs-fully-managed-it"}]"""));
		content.respond("GET", "/api/search", Response
			.json("""
					{"query":"security","results":[{"slug":"cybersecurity-guide-for-small-businesses","kind":"article",
					 "title":"Cybersecurity guide","summary":"s","snippetHtml":"basic <mark>security</mark> steps","rank":0.9}]}"""));
		content.respond("GET", "/api/sitemap", Response.json("""
				[{"slug":"co-managed-vs-fully-managed-it","kind":"guide","updatedAt":"2026-11-20T09:00:00Z"}]"""));
		content.respond("GET", "/api/feed", Response
			.json("""
					[{"slug":"co-managed-vs-fully-managed-it","title":"Co-Managed & Fully Managed","summary":"Which fits?",
					  "publishedAt":"2026-11-01T09:00:00Z","updatedAt":"2026-11-20T09:00:00Z","author":"Northbeam IT"}]"""));
	}

	@Test
	void theFaqPageExpandsWithoutJavaScriptAndCarriesFaqStructuredData() {
		assertThat(mvc.get().uri("/faq")).hasStatusOk()
			.bodyText()
			.contains("<details", "<summary>Can we keep our internal IT team?</summary>", "\"@type\":\"FAQPage\"");
	}

	@Test
	void searchShowsHighlightedSnippetsAndIsNotIndexed() {
		assertThat(mvc.get().uri("/search?q=security")).hasStatusOk()
			.bodyText()
			.contains("basic <mark>security</mark> steps", "One result", "noindex");
	}

	@Test
	void searchTextIsSentAsTextNeverAsAUriTemplate() {
		assertThat(mvc.get().uri("/search").param("q", "{x}")).hasStatusOk().bodyText().contains("One result");

		FakeHttpServer.Request sent = content.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/search"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(sent.query()).startsWith("q=%7Bx%7D&");
	}

	@Test
	void robotsKeepsCrawlersOutOfTheDashboardAndResults() {
		assertThat(mvc.get().uri("/robots.txt")).hasStatusOk()
			.bodyText()
			.contains("Disallow: /dashboard", "Disallow: /assessment/result/",
					"Sitemap: http://localhost:8080/sitemap.xml");
	}

	@Test
	void theSitemapListsPagesAndArticles() {
		assertThat(mvc.get().uri("/sitemap.xml")).hasStatusOk()
			.bodyText()
			.contains(
					"<loc>http://localhost:8080/articles/co-managed-vs-fully-managed-it</loc><lastmod>2026-11-20</lastmod>",
					"<loc>http://localhost:8080/faq</loc>");
	}

	@Test
	void theFeedIsAtomWithEscapedTitles() {
		assertThat(mvc.get().uri("/feed.xml")).hasStatusOk()
			.bodyText()
			.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<title>Co-Managed &amp; Fully Managed</title>",
					"<updated>2026-11-20T09:00:00Z</updated>");
	}

	@Test
	void aStraySlashRedirectsToThePage() {
		assertThat(mvc.get().uri("/faq/?x=1")).hasStatus(301).hasHeader("Location", "/faq?x=1");
	}

	@Test
	void thePrivacyPageSaysWhatIsCollected() {
		assertThat(mvc.get().uri("/privacy")).hasStatusOk().bodyText().contains("What we collect", "Cookies");
	}

}
