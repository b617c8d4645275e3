package com.northbeam.content.article;

import java.time.Instant;

/** One item of the article feed. */
public record FeedEntry(String slug, String title, String summary, Instant publishedAt, Instant updatedAt,
		String author) {
}
