package com.northbeam.content.article;

import java.time.Instant;

/** One entry of an article's revision history. */
public record RevisionSummary(int revision, int articleVersion, String slug, String title, Status status,
		Instant savedAt, String savedBy) {
}
