package com.northbeam.content.article;

import java.time.Instant;

/** An article row as stored. */
record StoredArticle(long id, String slug, Kind kind, String title, String summary, String bodyMarkdown,
		String bodyHtml, String tocJson, int readingMinutes, Status status, Instant publishAt, String author,
		String seoTitle, String seoDescription, Instant createdAt, Instant updatedAt, int version) {

	boolean isVisibleAt(Instant now) {
		return status == Status.PUBLISHED
				|| (status == Status.SCHEDULED && publishAt != null && !publishAt.isAfter(now));
	}

	/**
	 * The status as readers experience it: a scheduled article whose time has come is
	 * published.
	 */
	Status effectiveStatus(Instant now) {
		return (status == Status.SCHEDULED && isVisibleAt(now)) ? Status.PUBLISHED : status;
	}

}
