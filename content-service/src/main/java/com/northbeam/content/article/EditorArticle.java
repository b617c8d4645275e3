package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;

import com.northbeam.content.rendering.TocEntry;

/**
 * An article as an editor sees it, whatever its status. {@code status} is the effective
 * status (a scheduled article whose time has come reads as published);
 * {@code storedStatus} is what was set.
 */
public record EditorArticle(long id, String slug, Kind kind, String title, String summary, String body, String html,
		List<TocEntry> toc, List<String> tags, List<String> related, List<String> previousSlugs, Status status,
		Status storedStatus, Instant publishAt, String author, String seoTitle, String seoDescription,
		int readingMinutes, Instant createdAt, Instant updatedAt, int version) {
}
