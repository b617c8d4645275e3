package com.northbeam.content.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The curated related articles of each article, and the top-up from shared tags readers
 * see.
 */
@Repository
class RelatedLinkRepository {

	private static final String VISIBLE = ArticleRepository.VISIBLE;

	private final JdbcClient jdbc;

	RelatedLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void replaceRelated(long articleId, List<Long> relatedIds) {
		jdbc.sql("DELETE FROM related_link WHERE article_id = :id").param("id", articleId).update();
		for (int i = 0; i < relatedIds.size(); i++) {
			jdbc.sql("INSERT INTO related_link (article_id, related_id, position) VALUES (:id, :related, :position)")
				.param("id", articleId)
				.param("related", relatedIds.get(i))
				.param("position", i)
				.update();
		}
	}

	List<String> curatedSlugs(long articleId) {
		return jdbc.sql("""
				SELECT r.slug FROM related_link l JOIN article r ON r.id = l.related_id
				WHERE l.article_id = :id ORDER BY l.position""").param("id", articleId).query(String.class).list();
	}

	/**
	 * The visible curated related articles in order, topped up to {@code minimum} with
	 * visible articles sharing the most tags (newest first among equals).
	 */
	List<RelatedArticle> related(long articleId, int minimum, Instant now) {
		List<RelatedArticle> related = new ArrayList<>(jdbc.sql("""
				SELECT a.slug, a.title, a.summary, a.kind FROM related_link l JOIN article a ON a.id = l.related_id
				WHERE l.article_id = :id AND %s ORDER BY l.position""".formatted(VISIBLE))
			.param("id", articleId)
			.param("now", Times.param(now))
			.query(RelatedLinkRepository::relatedArticle)
			.list());
		if (related.size() < minimum) {
			related.addAll(jdbc.sql("""
					SELECT a.slug, a.title, a.summary, a.kind, COUNT(*) AS shared, MAX(a.publish_at) AS published
					FROM article_tag t
					JOIN article_tag rt ON rt.tag = t.tag AND rt.article_id <> t.article_id
					JOIN article a ON a.id = rt.article_id
					WHERE t.article_id = :id AND %s
					  AND a.id NOT IN (SELECT related_id FROM related_link WHERE article_id = :id)
					GROUP BY a.id, a.slug, a.title, a.summary, a.kind
					ORDER BY shared DESC, published DESC, a.slug
					LIMIT :limit""".formatted(VISIBLE))
				.param("id", articleId)
				.param("now", Times.param(now))
				.param("limit", minimum - related.size())
				.query(RelatedLinkRepository::relatedArticle)
				.list());
		}
		return related;
	}

	private static RelatedArticle relatedArticle(ResultSet rs, int row) throws SQLException {
		return new RelatedArticle(rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
				Kind.fromCode(rs.getString("kind")));
	}

}
