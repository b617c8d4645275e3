package com.northbeam.gateway.site;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
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

	private static final String GUIDE_IMAGE = "/articles/co-managed-vs-fully-managed-it/og.png";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SiteContent siteContent;

	@Autowired
	RenderedPageCache renderedPages;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@Autowired
	CurrentQuestionnaire questionnaire;

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
	void theGuidesSectionsAboutAQuestionEndInvitingTheReaderToAnswerItAsPartOfTheCachedPage() throws IOException {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		String sections = "<h2 id=\\\"when-co-managed-it-makes-sense\\\">When</h2><p>Four situations.</p>"
				+ "<h3 id=\\\"internal-team-overloaded\\\">Overloaded</h3><p>Tickets pile up.</p>"
				+ "<h3 id=\\\"limited-coverage\\\">Coverage</h3><p>Nights and weekends.</p>"
				+ "<h2 id=\\\"cost-considerations\\\">Cost</h2>";
		String guide = Fixtures.guide().replace("\"html\":\"", "\"html\":\"" + sections);
		content.respond("GET", GUIDE_PATH, Response.json(guide));
		content.respond("GET", "/api/articles/another-article", Response
			.json(guide.replace("\"slug\":\"co-managed-vs-fully-managed-it\"", "\"slug\":\"another-article\"")));

		String page = mvc.get()
			.uri("/articles/co-managed-vs-fully-managed-it")
			.exchange()
			.getResponse()
			.getContentAsString();
		assessment.respond("GET", "/api/questionnaires/current", Response.status(503));
		questionnaire.evict();
		String cached = mvc.get()
			.uri("/articles/co-managed-vs-fully-managed-it")
			.exchange()
			.getResponse()
			.getContentAsString();

		assertThat(cached).isEqualTo(page);
		assertThat(page).containsSubsequence("Tickets pile up.</p>",
				"<aside class=\"applies\" id=\"applies-workload\" aria-label=\"Does this apply to you?\">",
				"<strong>Does this apply to you?</strong>", "<a href=\"/assessment/questions/workload\">Answer \u201c",
				"\u201d in the self-assessment</a>", "<h3 id=\"limited-coverage\">", "Nights and weekends.</p>",
				"href=\"/assessment/questions/coverage\"", "<h2 id=\"cost-considerations\">");
		assertThat(page).doesNotContain("applies-control_preference");
		assertThat(mvc.get().uri("/articles/another-article")).hasStatusOk()
			.bodyText()
			.contains("Tickets pile up.")
			.doesNotContain("Does this apply to you?");
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
	void theGuideNamesItsShareImageToLinkPreviewsAndSearchEngines() {
		String image = "http://localhost:8080/articles/co-managed-vs-fully-managed-it/og.png";
		assertThat(mvc.get().uri("/articles/co-managed-vs-fully-managed-it")).hasStatusOk()
			.bodyText()
			.contains("<meta property=\"og:title\" content=\"Co-Managed IT vs Fully Managed IT | Northbeam IT\">",
					"<meta property=\"og:description\" content=\"How much of your IT should stay in-house?\">",
					"<meta property=\"og:type\" content=\"article\">",
					"<meta property=\"og:url\" content=\"http://localhost:8080/articles/co-managed-vs-fully-managed-it\">",
					"<meta property=\"og:image\" content=\"" + image + "\">",
					"<meta property=\"og:image:width\" content=\"1200\">",
					"<meta property=\"og:image:height\" content=\"630\">",
					"<meta property=\"og:image:alt\" content=\"Co-Managed IT vs Fully Managed IT | Northbeam IT\">",
					"<meta name=\"twitter:card\" content=\"summary_large_image\">",
					"<meta name=\"twitter:title\" content=\"Co-Managed IT vs Fully Managed IT | Northbeam IT\">",
					"<meta name=\"twitter:description\" content=\"How much of your IT should stay in-house?\">",
					"<meta name=\"twitter:image\" content=\"" + image + "\">",
					"\"image\":{\"@type\":\"ImageObject\",\"url\":\"" + image + "\",\"width\":1200,\"height\":630}");
	}

	@Test
	void theGuidesShareImageIsAPngOf1200By630ThatCachesMayKeep() throws IOException {
		var response = mvc.get().uri(GUIDE_IMAGE).exchange();

		assertThat(response).hasStatusOk()
			.hasContentType("image/png")
			.hasHeader("Cache-Control", "max-age=3600, public")
			.headers()
			.containsHeaders("ETag", "Content-Security-Policy", "X-Content-Type-Options");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getResponse().getContentAsByteArray()));
		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(630);

		String etag = response.getResponse().getHeader("ETag");
		assertThat(mvc.get().uri(GUIDE_IMAGE).header("If-None-Match", etag)).hasStatus(304);
	}

	@Test
	void aLongTitleStaysInsideTheShareImage() throws IOException {
		content.respond("GET", "/api/articles/a-long-title",
				Response.json(Fixtures.guide()
					.replace("\"slug\":\"co-managed-vs-fully-managed-it\"", "\"slug\":\"a-long-title\"")
					.replace("\"title\":\"Co-Managed IT vs Fully Managed IT\"",
							"\"title\":\"" + "Unbreakable".repeat(12)
									+ " and then a great many more words than four lines can hold "
									+ "at any size, so that the picture has to end the title with an ellipsis\"")));

		var response = mvc.get().uri("/articles/a-long-title/og.png").exchange();

		assertThat(response).hasStatusOk();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getResponse().getContentAsByteArray()));
		assertThat(ShareCardTests.textNearTheRightEdge(image)).isZero();
	}

	@Test
	void anUnknownArticleHasNoShareImage() {
		assertThat(mvc.get().uri("/articles/no-such-article/og.png")).hasStatus(404);
	}

	@Test
	void aShareImageUrlWithoutAValidSlugNeverReachesContentService() {
		assertThat(mvc.get().uri("/articles/{slug}/og.png", "Not A Slug")).hasStatus(404);
		assertThat(mvc.get().uri("/articles/{slug}/og.png", "{x}")).hasStatus(404);

		assertThat(content.requests()).noneMatch((request) -> request.path().contains("Not")
				|| request.path().contains("{") || request.path().contains("%7B"));
	}

	@Test
	void aMovedArticlesShareImageRedirectsToTheNewOne() {
		content.respond("GET", "/api/articles/old-guide",
				new Response(301, "application/json", "{\"slug\":\"co-managed-vs-fully-managed-it\"}", Duration.ZERO));

		assertThat(mvc.get().uri("/articles/old-guide/og.png")).hasStatus(301).hasHeader("Location", GUIDE_IMAGE);
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
