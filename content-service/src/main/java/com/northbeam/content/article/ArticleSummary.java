package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;

/** One entry of the public article index. */
public record ArticleSummary(String slug, Kind kind, String title, String summary, List<String> tags,
		int readingMinutes, Instant publishedAt, Instant updatedAt) {
}
