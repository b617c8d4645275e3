package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;

/**
 * The state an article had before a save. {@code revision} numbers count from 1 per
 * article; {@code articleVersion} is the version the article had then.
 */
public record Revision(int revision, int articleVersion, String slug, Kind kind, String title, String summary,
		String body, List<String> tags, Status status, Instant publishAt, String author, String seoTitle,
		String seoDescription, Instant savedAt, String savedBy) {
}
