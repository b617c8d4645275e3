package com.northbeam.content.article;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ArticleRepository {

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Article> findBySlug(String slug) {
		return jdbc.sql("SELECT slug, title, summary, body_html AS html, updated_at FROM article WHERE slug = ?")
			.param(slug)
			.query(Article.class)
			.optional();
	}

}
