package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;

/**
 * Finds the articles readers can see at {@code now} that match a query, best first. It
 * runs on the article table (PostgreSQL's full-text search over its generated
 * {@code search_vector}), so it lives with the articles; the search feature offers it to
 * readers.
 */
public interface ArticleSearch {

	List<ArticleMatch> search(String query, int limit, Instant now);

}
