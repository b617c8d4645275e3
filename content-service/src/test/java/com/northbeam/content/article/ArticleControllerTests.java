package com.northbeam.content.article;

import java.util.List;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.content.Editor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class ArticleControllerTests {

	static final String GUIDE = "/api/articles/co-managed-vs-fully-managed-it";

	@Autowired
	MockMvcTester mvc;

	@Test
	void anArticleCarriesEverythingThePageNeeds() {
		MvcTestResult result = mvc.get().uri(GUIDE).exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		JsonNode guide = Editor.json(result);
		assertThat(guide.get("slug").asString()).isEqualTo("co-managed-vs-fully-managed-it");
		assertThat(guide.get("kind").asString()).isEqualTo("guide");
		assertThat(guide.get("title").asString()).isEqualTo("Co-Managed IT vs Fully Managed IT");
		assertThat(guide.get("summary").asString()).isNotBlank();
		assertThat(guide.get("html").asString()).startsWith("<p>");
		assertThat(guide.get("toc").get(0).get("id").asString()).isEqualTo("why-the-support-model-matters");
		assertThat(guide.get("toc").get(0).get("level").asInt()).isEqualTo(2);
		assertThat(guide.get("faqs").size()).isEqualTo(5);
		assertThat(guide.get("faqs").get(0).get("articleSlug").asString()).isEqualTo("co-managed-vs-fully-managed-it");
		assertThat(guide.get("related").size()).isEqualTo(6);
		assertThat(guide.get("related").get(0).get("kind").asString()).isEqualTo("article");
		assertThat(guide.get("tags").size()).isPositive();
		assertThat(guide.get("readingMinutes").asInt()).isBetween(8, 20);
		assertThat(guide.get("publishedAt").asString()).isNotBlank();
		assertThat(guide.get("updatedAt").asString()).isNotBlank();
		assertThat(guide.get("author").asString()).isNotBlank();
		assertThat(guide.get("seoTitle").asString()).contains("Co-Managed IT vs Fully Managed IT");
		assertThat(guide.get("seoDescription").asString()).isNotBlank();
	}

	@Test
	void publicReadsAreCacheableAndRevalidateWithNotModified() {
		for (String uri : List.of(GUIDE, "/api/articles", "/api/faqs", "/api/search?q=cost", "/api/sitemap",
				"/api/feed")) {
			MvcTestResult first = mvc.get().uri(uri).exchange();
			assertThat(first).as(uri).hasStatusOk();
			String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
			String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
			assertThat(etag).as(uri).isNotBlank();
			assertThat(lastModified).as(uri).isNotBlank();
			assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).as(uri)
				.contains("public", "max-age=60", "s-maxage=300", "stale-while-revalidate=60");

			MvcTestResult byEtag = mvc.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag).exchange();
			assertThat(byEtag).as(uri).hasStatus(304).hasHeader(HttpHeaders.ETAG, etag);
			assertThat(byEtag.getResponse().getContentAsByteArray()).isEmpty();
			assertThat(mvc.get().uri(uri).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)).as(uri).hasStatus(304);
			assertThat(mvc.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, "W/\"something-else\"")).as(uri)
				.hasStatusOk();
		}
	}

	@Test
	void anUnknownSlugIsAProblem() {
		assertThat(mvc.get().uri("/api/articles/no-such-article")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("no-such-article");
	}

	@Test
	void theIndexIsPagedNewestFirstAndFiltersByKindAndTag() {
		JsonNode firstPage = Editor.json(mvc.get().uri("/api/articles?page=0&size=2").exchange());
		assertThat(firstPage.get("items").size()).isEqualTo(2);
		assertThat(firstPage.get("page").asInt()).isZero();
		assertThat(firstPage.get("size").asInt()).isEqualTo(2);
		long total = firstPage.get("totalItems").asLong();
		assertThat(total).isGreaterThanOrEqualTo(7);
		assertThat(firstPage.get("totalPages").asInt()).isEqualTo((int) ((total + 1) / 2));
		JsonNode item = firstPage.get("items").get(0);
		assertThat(item.has("tags") && item.has("readingMinutes") && item.has("publishedAt") && item.has("updatedAt")
				&& item.has("summary") && item.has("kind"))
			.isTrue();
		assertThat(item.get("publishedAt").asString())
			.isGreaterThanOrEqualTo(firstPage.get("items").get(1).get("publishedAt").asString());

		JsonNode guides = Editor.json(mvc.get().uri("/api/articles?kind=guide").exchange());
		assertThat(guides.get("items"))
			.allSatisfy((guide) -> assertThat(guide.get("kind").asString()).isEqualTo("guide"));
		assertThat(ArticleEditorControllerTests.slugs(guides.get("items"))).contains("co-managed-vs-fully-managed-it");

		JsonNode tagged = Editor.json(mvc.get().uri("/api/articles?tag=cybersecurity").exchange());
		assertThat(ArticleEditorControllerTests.slugs(tagged.get("items")))
			.containsExactly("cybersecurity-guide-for-small-businesses");
	}

	@Test
	void badListParametersAreProblemsNamingTheField() {
		assertThat(ArticleEditorControllerTests.fields(mvc.get().uri("/api/articles?page=-1&size=0").exchange()))
			.containsExactly("page", "size");
		assertThat(ArticleEditorControllerTests.fields(mvc.get().uri("/api/articles?kind=newsletter").exchange()))
			.containsExactly("kind");
		assertThat(ArticleEditorControllerTests.fields(mvc.get().uri("/api/articles?page=first").exchange()))
			.containsExactly("page");
	}

	@Test
	void sitemapAndFeedListPublishedArticles() {
		JsonNode sitemap = Editor.json(mvc.get().uri("/api/sitemap").exchange());
		assertThat(ArticleEditorControllerTests.slugs(sitemap)).contains("co-managed-vs-fully-managed-it",
				"it-services");
		assertThat(sitemap.get(0).has("kind") && sitemap.get(0).has("updatedAt")).isTrue();
		JsonNode feed = Editor.json(mvc.get().uri("/api/feed").exchange());
		assertThat(feed.size()).isBetween(1, 20);
		assertThat(feed.get(0).has("title") && feed.get(0).has("summary") && feed.get(0).has("publishedAt")
				&& feed.get(0).has("updatedAt") && feed.get(0).has("author"))
			.isTrue();
	}

}
