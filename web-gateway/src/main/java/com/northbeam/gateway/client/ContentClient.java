package com.northbeam.gateway.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of content-service: published articles, FAQs, search, sitemap and
 * feed.
 */
@Component
public class ContentClient {

	private final ContentApi content;

	ContentClient(ContentApi content) {
		this.content = content;
	}

	/** A published article, where it moved to, or that there is none under that slug. */
	public ArticleLookup article(String slug) {
		ResponseEntity<Article> response;
		try {
			response = content.article(slug);
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND, HttpStatus.GONE)) {
				return new ArticleLookup.NotFound(slug);
			}
			throw new ServiceUnavailableException(refusal.service(), refusal);
		}
		HttpStatusCode status = response.getStatusCode();
		if (status.isSameCodeAs(HttpStatus.MOVED_PERMANENTLY) || status.isSameCodeAs(HttpStatus.PERMANENT_REDIRECT)) {
			return new ArticleLookup.Moved(slugFromLocation(response.getHeaders().getLocation(), response.getBody()));
		}
		if (status.is2xxSuccessful() && response.getBody() != null) {
			return new ArticleLookup.Found(response.getBody());
		}
		throw new ServiceUnavailableException(ServiceClientConfiguration.CONTENT,
				new IllegalStateException("content-service answered " + status + " for " + slug));
	}

	/** One page of the published articles, optionally of one kind or tag. */
	public ArticlePage articles(String kind, String tag, int page, int size) {
		return content.articles(page, size, kind, tag);
	}

	public List<Faq> faqs() {
		return orEmpty(content.faqs());
	}

	public SearchResults search(String query, int limit) {
		return content.search(query, limit);
	}

	public List<SitemapEntry> sitemap() {
		return orEmpty(content.sitemap());
	}

	public List<FeedEntry> feed() {
		return orEmpty(content.feed());
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	private static String slugFromLocation(URI location, Article moved) {
		if (moved != null && moved.slug() != null && !moved.slug().isBlank()) {
			return moved.slug();
		}
		if (location != null && location.getPath() != null) {
			String path = location.getPath();
			return path.substring(path.lastIndexOf('/') + 1);
		}
		throw new ServiceUnavailableException(ServiceClientConfiguration.CONTENT,
				new IllegalStateException("content-service answered 301 without a new slug"));
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
