package com.northbeam.content.article;

import java.time.Instant;

/** One line of the editor's article list (drafts included). */
public record EditorArticleSummary(long id, String slug, Kind kind, String title, Status status, Instant publishAt,
		Instant updatedAt, int version) {
}
