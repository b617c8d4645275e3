package com.northbeam.content.search;

import java.time.Instant;
import java.util.List;

/** Finds published articles matching a query, best first. */
interface SearchEngine {

	List<SearchResult> search(String query, int limit, Instant now);

}
