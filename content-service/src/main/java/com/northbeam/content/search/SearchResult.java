package com.northbeam.content.search;

/**
 * One hit. {@code snippetHtml} is escaped text in which only {@code <mark>} tags (around
 * the matched words) are markup; {@code rank} is higher for better matches.
 */
public record SearchResult(String slug, String kind, String title, String summary, String snippetHtml, double rank) {
}
