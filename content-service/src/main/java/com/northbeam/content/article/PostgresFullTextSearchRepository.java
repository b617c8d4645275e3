package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL full-text search over the generated {@code article.search_vector} (title
 * weighted A, summary B, body C): {@code websearch_to_tsquery} for what people type,
 * {@code ts_rank} to order, {@code ts_headline} for the snippet, computed only for the
 * hits returned.
 */
class PostgresFullTextSearchRepository implements ArticleSearch {

	private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP
			+ ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

	private static final String SQL = """
			WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
			hits AS (
			    SELECT a.slug, a.kind, a.title, a.summary, a.body_text, a.publish_at,
			        ts_rank(a.search_vector, q.query) AS rank
			    FROM article a, q
			    WHERE a.search_vector @@ q.query
			      AND %s
			    ORDER BY rank DESC, a.publish_at DESC
			    LIMIT :limit)
			SELECT h.slug, h.kind, h.title, h.summary, h.rank,
			    ts_headline('english', h.body_text, q.query, :options) AS snippet
			FROM hits h, q
			ORDER BY h.rank DESC, h.publish_at DESC""".formatted(ArticleRepository.VISIBLE);

	private final JdbcClient jdbc;

	PostgresFullTextSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ArticleMatch> search(String query, int limit, Instant now) {
		return jdbc.sql(SQL)
			.param("query", query)
			.param("now", Times.param(now))
			.param("limit", limit)
			.param("options", HEADLINE_OPTIONS)
			.query((rs, row) -> new ArticleMatch(rs.getString("slug"), Kind.fromCode(rs.getString("kind")),
					rs.getString("title"), rs.getString("summary"), Snippets.toHtml(rs.getString("snippet")),
					rs.getDouble("rank")))
			.list();
	}

}
