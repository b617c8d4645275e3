package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The slugs articles were published under before, so that old links keep leading
 * somewhere.
 */
@Repository
class SlugHistoryRepository {

	private final JdbcClient jdbc;

	SlugHistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where an old slug now leads, and since when. */
	record Moved(String slug, Instant since) {
	}

	/** The current slug of the visible article that once had {@code oldSlug}. */
	Optional<Moved> currentSlugOfOldSlug(String oldSlug, Instant now) {
		return jdbc.sql("""
				SELECT a.slug, h.retired_at FROM article_slug_history h JOIN article a ON a.id = h.article_id
				WHERE h.old_slug = :slug AND %s""".formatted(ArticleRepository.VISIBLE))
			.param("slug", oldSlug)
			.param("now", Times.param(now))
			.query((rs, row) -> new Moved(rs.getString("slug"), Times.get(rs, "retired_at")))
			.optional();
	}

	void retireSlug(String oldSlug, long articleId, Instant now) {
		reviveSlug(oldSlug);
		jdbc.sql("INSERT INTO article_slug_history (old_slug, article_id, retired_at) VALUES (:slug, :id, :now)")
			.param("slug", oldSlug)
			.param("id", articleId)
			.param("now", Times.param(now))
			.update();
	}

	/** A slug in use again is no longer an old slug of anything. */
	void reviveSlug(String slug) {
		jdbc.sql("DELETE FROM article_slug_history WHERE old_slug = :slug").param("slug", slug).update();
	}

	List<String> previousSlugs(long articleId) {
		return jdbc
			.sql("SELECT old_slug FROM article_slug_history WHERE article_id = :id ORDER BY retired_at, old_slug")
			.param("id", articleId)
			.query(String.class)
			.list();
	}

}
