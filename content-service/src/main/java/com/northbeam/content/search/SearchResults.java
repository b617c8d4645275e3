package com.northbeam.content.search;

import java.util.List;

/** The hits for a query, best first. */
public record SearchResults(String query, List<SearchResult> results) {
}
