package com.northbeam.content.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What readers see of the article table: set-based lists (index, sitemap, feed) and when
 * they change.
 */
@Repository
class PublishedArticleRepository {

	private static final String VISIBLE = ArticleRepository.VISIBLE;

	private final JdbcClient jdbc;

	PublishedArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String slug, Kind kind, String title, String summary, int readingMinutes, Instant publishAt,
			Instant updatedAt, String author) {
	}

	long countVisible(Kind kind, String tag, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + listFilter(kind, tag))
			.param("now", Times.param(now))
			.param("kind", (kind != null) ? kind.code() : null)
			.param("tag", tag)
			.query(Long.class)
			.single();
	}

	List<Row> visible(Kind kind, String tag, Instant now, int offset, int limit) {
		return jdbc.sql("""
				SELECT a.id, a.slug, a.kind, a.title, a.summary, a.reading_minutes, a.publish_at, a.updated_at, a.author
				FROM article a WHERE %s
				ORDER BY a.publish_at DESC, a.id DESC
				LIMIT :limit OFFSET :offset""".formatted(listFilter(kind, tag)))
			.param("now", Times.param(now))
			.param("kind", (kind != null) ? kind.code() : null)
			.param("tag", tag)
			.param("limit", limit)
			.param("offset", offset)
			.query(PublishedArticleRepository::row)
			.list();
	}

	private static String listFilter(Kind kind, String tag) {
		StringBuilder filter = new StringBuilder(VISIBLE);
		if (kind != null) {
			filter.append(" AND a.kind = :kind");
		}
		if (tag != null) {
			filter.append(" AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag = :tag)");
		}
		return filter.toString();
	}

	/**
	 * The instant of the last change that can alter a list: any save (unpublishing
	 * included) or a scheduled publication that has come due.
	 */
	Optional<Instant> lastVisibleChange(Instant now) {
		return jdbc
			.sql("SELECT MAX(CASE WHEN " + VISIBLE + " AND a.publish_at > a.updated_at THEN a.publish_at "
					+ "ELSE a.updated_at END) AS last_change FROM article a")
			.param("now", Times.param(now))
			.query((rs, row) -> Optional.ofNullable(Times.get(rs, "last_change")))
			.single();
	}

	Optional<Instant> nextScheduled(Instant now) {
		return jdbc
			.sql("SELECT MIN(publish_at) AS next_at FROM article WHERE status = 'scheduled' AND publish_at > :now")
			.param("now", Times.param(now))
			.query((rs, row) -> Optional.ofNullable(Times.get(rs, "next_at")))
			.single();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), Kind.fromCode(rs.getString("kind")),
				rs.getString("title"), rs.getString("summary"), rs.getInt("reading_minutes"),
				Times.get(rs, "publish_at"), Times.get(rs, "updated_at"), rs.getString("author"));
	}

}
