package com.northbeam.content.faq;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** FAQs; the article an FAQ belongs to is resolved by slug against the article table. */
@Repository
class FaqRepository {

	private static final String VISIBLE = "(a.status = 'published' OR (a.status = 'scheduled' AND a.publish_at <= :now))";

	private final JdbcClient jdbc;

	FaqRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Faq> published(Instant now) {
		return jdbc.sql("""
				SELECT f.id, f.question, f.answer_html, a.slug AS article_slug
				FROM faq f LEFT JOIN article a ON a.id = f.article_id AND %s
				ORDER BY f.position, f.id""".formatted(VISIBLE))
			.param("now", at(now))
			.query(Faq.class)
			.list();
	}

	List<Faq> forArticle(long articleId) {
		return jdbc.sql("""
				SELECT f.id, f.question, f.answer_html, a.slug AS article_slug
				FROM faq f JOIN article a ON a.id = f.article_id
				WHERE f.article_id = :articleId
				ORDER BY f.position, f.id""")
			.param("articleId", articleId)
			.query(Faq.class)
			.list();
	}

	Optional<Instant> lastModified() {
		return jdbc.sql("SELECT MAX(updated_at) FROM faq")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.single();
	}

	List<EditorFaq> all() {
		return jdbc.sql(EDITOR_SELECT + " ORDER BY f.position, f.id").query(FaqRepository::editorFaq).list();
	}

	Optional<EditorFaq> find(long id) {
		return jdbc.sql(EDITOR_SELECT + " WHERE f.id = :id").param("id", id).query(FaqRepository::editorFaq).optional();
	}

	Optional<Long> articleId(String slug) {
		return jdbc.sql("SELECT id FROM article WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	long insert(String question, String answer, String answerHtml, int position, Long articleId, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO faq (question, answer_markdown, answer_html, position, article_id, created_at, updated_at, version)
				VALUES (:question, :answer, :html, :position, :articleId, :now, :now, 1)""")
			.param("question", question)
			.param("answer", answer)
			.param("html", answerHtml)
			.param("position", position)
			.param("articleId", articleId)
			.param("now", at(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean update(long id, int version, String question, String answer, String answerHtml, int position,
			Long articleId, Instant now) {
		return jdbc.sql("""
				UPDATE faq SET question = :question, answer_markdown = :answer, answer_html = :html,
				    position = :position, article_id = :articleId, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("question", question)
			.param("answer", answer)
			.param("html", answerHtml)
			.param("position", position)
			.param("articleId", articleId)
			.param("now", at(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("DELETE FROM faq WHERE id = :id").param("id", id).update() == 1;
	}

	private static final String EDITOR_SELECT = """
			SELECT f.id, f.question, f.answer_markdown, f.answer_html, f.position, a.slug AS article_slug,
			    f.updated_at, f.version
			FROM faq f LEFT JOIN article a ON a.id = f.article_id""";

	private static EditorFaq editorFaq(ResultSet rs, int row) throws SQLException {
		return new EditorFaq(rs.getLong("id"), rs.getString("question"), rs.getString("answer_markdown"),
				rs.getString("answer_html"), rs.getInt("position"), rs.getString("article_slug"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
