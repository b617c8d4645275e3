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

/** FAQs in their order; the articles they are attached to are the article feature's. */
@Repository
class FaqRepository {

	private static final String SELECT = """
			SELECT f.id, f.question, f.answer_markdown, f.answer_html, f.position, f.article_id, f.updated_at, f.version
			FROM faq f""";

	private final JdbcClient jdbc;

	FaqRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredFaq> all() {
		return jdbc.sql(SELECT + " ORDER BY f.position, f.id").query(FaqRepository::faq).list();
	}

	List<StoredFaq> forArticle(long articleId) {
		return jdbc.sql(SELECT + " WHERE f.article_id = :articleId ORDER BY f.position, f.id")
			.param("articleId", articleId)
			.query(FaqRepository::faq)
			.list();
	}

	Optional<StoredFaq> find(long id) {
		return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", id).query(FaqRepository::faq).optional();
	}

	Optional<Instant> lastModified() {
		return jdbc.sql("SELECT MAX(updated_at) FROM faq")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
				.map(OffsetDateTime::toInstant))
			.single();
	}

	long insert(String question, String answer, String answerHtml, int position, Long articleId, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
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

	private static StoredFaq faq(ResultSet rs, int row) throws SQLException {
		return new StoredFaq(rs.getLong("id"), rs.getString("question"), rs.getString("answer_markdown"),
				rs.getString("answer_html"), rs.getInt("position"), rs.getObject("article_id", Long.class),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
