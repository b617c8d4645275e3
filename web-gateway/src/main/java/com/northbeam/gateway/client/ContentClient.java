package com.northbeam.gateway.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/** The gateway's view of content-service: published articles, FAQs, search, sitemap and feed. */
@Component
public class ContentClient {

	private static final ParameterizedTypeReference<List<Faq>> FAQS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<SitemapEntry>> SITEMAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<FeedEntry>> FEED = new ParameterizedTypeReference<>() {
	};

	private final ServiceCall content;

	ContentClient(ServiceClientProperties properties, RestClient.Builder builder) {
		this.content = new ServiceCall("content-service", properties.content(), builder);
	}

	/** A published article, where it moved to, or that there is none under that slug. */
	public ArticleLookup article(String slug) {
		return content.call(() -> content.rest().get().uri("/api/articles/{slug}", slug).exchange((request, response) -> {
			HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
			if (status == HttpStatus.NOT_FOUND || status == HttpStatus.GONE) {
				return new ArticleLookup.NotFound(slug);
			}
			if (status == HttpStatus.MOVED_PERMANENTLY || status == HttpStatus.PERMANENT_REDIRECT) {
				return new ArticleLookup.Moved(slugFromLocation(response.getHeaders().getLocation(), response.bodyTo(Moved.class)));
			}
			if (response.getStatusCode().is2xxSuccessful()) {
				Article article = response.bodyTo(Article.class);
				if (article == null) {
					throw new RestClientException("Empty article body for " + slug);
				}
				return new ArticleLookup.Found(article);
			}
			throw new RestClientException("content-service answered " + response.getStatusCode() + " for " + slug);
		}));
	}

	/** One page of the published articles, optionally of one kind or tag. */
	public ArticlePage articles(String kind, String tag, int page, int size) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/articles").queryParam("page", page).queryParam("size", size);
		if (kind != null) {
			uri.queryParam("kind", kind);
		}
		if (tag != null) {
			uri.queryParam("tag", tag);
		}
		String path = uri.build().encode().toUriString();
		return content.call(() -> content.rest().get().uri(path).retrieve().body(ArticlePage.class));
	}

	public List<Faq> faqs() {
		return orEmpty(content.call(() -> content.rest().get().uri("/api/faqs").retrieve().body(FAQS)));
	}

	public SearchResults search(String query, int limit) {
		return content.call(() -> content.rest()
			.get()
			.uri((uri) -> uri.path("/api/search").queryParam("q", query).queryParam("limit", limit).build())
			.retrieve()
			.body(SearchResults.class));
	}

	public List<SitemapEntry> sitemap() {
		return orEmpty(content.call(() -> content.rest().get().uri("/api/sitemap").retrieve().body(SITEMAP)));
	}

	public List<FeedEntry> feed() {
		return orEmpty(content.call(() -> content.rest().get().uri("/api/feed").retrieve().body(FEED)));
	}

	CircuitBreaker.State circuitState() {
		return content.state();
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	private static String slugFromLocation(URI location, Moved body) {
		if (body != null && body.slug() != null && !body.slug().isBlank()) {
			return body.slug();
		}
		if (location != null && location.getPath() != null) {
			String path = location.getPath();
			return path.substring(path.lastIndexOf('/') + 1);
		}
		throw new RestClientException("content-service answered 301 without a new slug");
	}

	private record Moved(String slug) {
	}

	/** What looking an article up can find. */
	public sealed interface ArticleLookup {

		record Found(Article article) implements ArticleLookup {
		}

		record Moved(String slug) implements ArticleLookup {
		}

		record NotFound(String slug) implements ArticleLookup {
		}

	}

	/** A published article as the site shows it. */
	public record Article(String slug, String kind, String title, String summary, String html, List<TocEntry> toc,
			List<ArticleFaq> faqs, List<RelatedArticle> related, List<String> tags, Integer readingMinutes,
			Instant publishedAt, Instant updatedAt, String author, String seoTitle, String seoDescription) {

		public Article {
			toc = (toc != null) ? List.copyOf(toc) : List.of();
			faqs = (faqs != null) ? List.copyOf(faqs) : List.of();
			related = (related != null) ? List.copyOf(related) : List.of();
			tags = (tags != null) ? List.copyOf(tags) : List.of();
		}

	}

	public record TocEntry(String id, String text, int level) {
	}

	public record ArticleFaq(String id, String question, String answerHtml) {
	}

	public record RelatedArticle(String slug, String title, String summary, String kind) {
	}

	public record ArticleSummary(String slug, String kind, String title, String summary, List<String> tags,
			Integer readingMinutes, Instant publishedAt, Instant updatedAt) {

		public ArticleSummary {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
		}

	}

	public record ArticlePage(List<ArticleSummary> items, int page, int size, long totalItems, int totalPages) {

		public ArticlePage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	public record Faq(String id, String question, String answerHtml, String articleSlug) {
	}

	public record SearchResults(String query, List<SearchHit> results) {

		public SearchResults {
			results = (results != null) ? List.copyOf(results) : List.of();
		}

	}

	public record SearchHit(String slug, String kind, String title, String summary, String snippetHtml, Double rank) {
	}

	public record SitemapEntry(String slug, String kind, Instant updatedAt) {
	}

	public record FeedEntry(String slug, String title, String summary, Instant publishedAt, Instant updatedAt,
			String author) {
	}

}
