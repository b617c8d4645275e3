package com.northbeam.gateway.dashboard.content;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import com.northbeam.gateway.client.ContentEditingClient.Article;
import com.northbeam.gateway.client.ContentEditingClient.ArticleInput;
import com.northbeam.gateway.client.ContentEditingClient.Faq;
import com.northbeam.gateway.client.ContentEditingClient.FaqInput;

/**
 * What the content pages bind: never content-service's types, never an id (that comes
 * from the path).
 */
final class ContentForms {

	static final List<String> KINDS = List.of("article", "guide", "page");

	static final List<String> STATUSES = List.of("draft", "scheduled", "published", "archived");

	private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private ContentForms() {
	}

	/**
	 * An article as typed; {@code tags} comma-separated, {@code version} the one the
	 * editor started from.
	 */
	record ArticleForm(String slug, String kind, String title, String summary, String body, String tags, String author,
			String seoTitle, String seoDescription, Integer version) {

		static ArticleForm empty() {
			return new ArticleForm("", "article", "", "", "", "", "", "", "", null);
		}

		static ArticleForm of(Article article) {
			return new ArticleForm(article.slug(), article.kind(), article.title(), article.summary(), article.body(),
					String.join(", ", article.tags()), orEmpty(article.author()), orEmpty(article.seoTitle()),
					orEmpty(article.seoDescription()), article.version());
		}

		ArticleForm withVersion(int newVersion) {
			return new ArticleForm(slug, kind, title, summary, body, tags, author, seoTitle, seoDescription,
					newVersion);
		}

		ArticleInput toInput() {
			return new ArticleInput(strip(slug), strip(kind), orEmpty(title), orEmpty(summary), orEmpty(body),
					splitTags(tags), strip(author), strip(seoTitle), strip(seoDescription), version);
		}

	}

	/** An FAQ as typed; {@code articleSlug} empty when it belongs to no article. */
	record FaqForm(String question, String answer, Integer position, String articleSlug, Integer version) {

		static FaqForm empty(int nextPosition) {
			return new FaqForm("", "", nextPosition, "", null);
		}

		static FaqForm of(Faq faq) {
			return new FaqForm(faq.question(), faq.answer(), faq.position(), orEmpty(faq.articleSlug()), faq.version());
		}

		FaqForm withVersion(int newVersion) {
			return new FaqForm(question, answer, position, articleSlug, newVersion);
		}

		FaqInput toInput() {
			String slug = strip(articleSlug);
			return new FaqInput(orEmpty(question), orEmpty(answer), position,
					(slug == null || slug.isEmpty()) ? null : slug, version);
		}

	}

	/** The related articles as typed: one slug per line, in reading order. */
	static List<String> relatedSlugs(String lines) {
		if (lines == null) {
			return List.of();
		}
		return Arrays.stream(lines.split("[\\r\\n,]+")).map(String::strip).filter((slug) -> !slug.isEmpty()).toList();
	}

	/**
	 * A {@code datetime-local} value, read as UTC; {@code null} when blank or unreadable.
	 */
	static Instant utc(String localDateTime) {
		if (localDateTime == null || localDateTime.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(localDateTime.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** An instant as a {@code datetime-local} value in UTC. */
	static String localValue(Instant instant) {
		return (instant != null)
				? LOCAL_MINUTES.format(instant.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC)) : "";
	}

	private static List<String> splitTags(String tags) {
		if (tags == null) {
			return List.of();
		}
		return Arrays.stream(tags.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).distinct().toList();
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
