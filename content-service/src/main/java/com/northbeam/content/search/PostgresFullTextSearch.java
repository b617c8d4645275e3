package com.northbeam.content.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL full-text search over the generated {@code article.search_vector} (title weighted A,
 * summary B, body C): {@code websearch_to_tsquery} for what people type, {@code ts_rank} to order,
 * {@code ts_headline} for the snippet, computed only for the hits returned.
 */
class PostgresFullTextSearch implements SearchEngine {

	private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP
			+ ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

	private final JdbcClient jdbc;

	PostgresFullTextSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<SearchResult> search(String query, int limit, Instant now) {
		return jdbc.sql("""
				WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
				hits AS (
				    SELECT a.slug, a.kind, a.title, a.summary, a.body_text, a.publish_at,
				        ts_rank(a.search_vector, q.query) AS rank
				    FROM article a, q
				    WHERE a.search_vector @@ q.query
				      AND (a.status = 'published' OR (a.status = 'scheduled' AND a.publish_at <= :now))
				    ORDER BY rank DESC, a.publish_at DESC
				    LIMIT :limit)
				SELECT h.slug, h.kind, h.title, h.summary, h.rank,
				    ts_headline('english', h.body_text, q.query, :options) AS snippet
				FROM hits h, q
				ORDER BY h.rank DESC, h.publish_at DESC""")
			.param("query", query)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("limit", limit)
			.param("options", HEADLINE_OPTIONS)
			.query((rs, row) -> new SearchResult(rs.getString("slug"), rs.getString("kind"), rs.getString("title"),
					rs.getString("summary"), Snippets.toHtml(rs.getString("snippet")), rs.getDouble("rank")))
			.list();
	}

}
