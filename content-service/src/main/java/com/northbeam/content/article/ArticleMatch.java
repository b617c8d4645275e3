package com.northbeam.content.article;

/**
 * One article matching a search. {@code snippetHtml} is escaped text in which only
 * {@code <mark>} tags (around the matched words) are markup; {@code rank} is higher for
 * better matches.
 */
public record ArticleMatch(String slug, Kind kind, String title, String summary, String snippetHtml, double rank) {
}
