package com.northbeam.content.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Article rows and their tags as editors read and write them, whatever their status. */
@Repository
class ArticleRepository {

	/** Published, or scheduled and due: how readers see the status at {@code :now}. */
	static final String VISIBLE = "(a.status = 'published' OR (a.status = 'scheduled' AND a.publish_at <= :now))";

	private static final String COLUMNS = """
			a.id, a.slug, a.kind, a.title, a.summary, a.body_markdown, a.body_html, a.toc_json, a.reading_minutes,
			a.status, a.publish_at, a.author, a.seo_title, a.seo_description, a.created_at, a.updated_at, a.version""";

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredArticle> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id")
			.param("id", id)
			.query(ArticleRepository::article)
			.optional();
	}

	Optional<StoredArticle> findBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.slug = :slug")
			.param("slug", slug)
			.query(ArticleRepository::article)
			.optional();
	}

	Optional<Long> idOf(String slug) {
		return jdbc.sql("SELECT id FROM article WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	/** The slugs of the articles with these ids, whatever their status. */
	Map<Long, String> slugs(Collection<Long> ids) {
		return slugs(ids, "", null);
	}

	/** The slugs of those articles with these ids that are visible at {@code now}. */
	Map<Long, String> visibleSlugs(Collection<Long> ids, Instant now) {
		return slugs(ids, " AND " + VISIBLE, now);
	}

	private Map<Long, String> slugs(Collection<Long> ids, String filter, Instant now) {
		Map<Long, String> slugs = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return slugs;
		}
		jdbc.sql("SELECT a.id, a.slug FROM article a WHERE a.id IN (:ids)" + filter)
			.param("ids", ids)
			.param("now", Times.param(now))
			.query((rs) -> {
				slugs.put(rs.getLong("id"), rs.getString("slug"));
			});
		return slugs;
	}

	boolean slugTaken(String slug, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = :slug AND id <> :id")
			.param("slug", slug)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(StoredArticle article, String bodyText) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO article (slug, kind, title, summary, body_markdown, body_html, body_text, toc_json,
						    reading_minutes, status, publish_at, author, seo_title, seo_description, created_at, updated_at, version)
						VALUES (:slug, :kind, :title, :summary, :markdown, :html, :text, :toc, :minutes, :status, :publishAt,
						    :author, :seoTitle, :seoDescription, :now, :now, 1)""")
			.params(params(article))
			.param("text", bodyText)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * Writes {@code article} if the stored version is still {@code article.version()};
	 * bumps it.
	 */
	boolean update(StoredArticle article, String bodyText) {
		return jdbc.sql("""
				UPDATE article SET slug = :slug, kind = :kind, title = :title, summary = :summary,
				    body_markdown = :markdown, body_html = :html, body_text = :text, toc_json = :toc,
				    reading_minutes = :minutes, status = :status, publish_at = :publishAt, author = :author,
				    seo_title = :seoTitle, seo_description = :seoDescription, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(params(article))
			.param("text", bodyText)
			.param("id", article.id())
			.param("version", article.version())
			.update() == 1;
	}

	/**
	 * The named parameters of an article's content, shared with the revision that copies
	 * it.
	 */
	static Map<String, Object> params(StoredArticle article) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("slug", article.slug());
		params.put("kind", article.kind().code());
		params.put("title", article.title());
		params.put("summary", article.summary());
		params.put("markdown", article.bodyMarkdown());
		params.put("html", article.bodyHtml());
		params.put("toc", article.tocJson());
		params.put("minutes", article.readingMinutes());
		params.put("status", article.status().code());
		params.put("publishAt", Times.param(article.publishAt()));
		params.put("author", article.author());
		params.put("seoTitle", article.seoTitle());
		params.put("seoDescription", article.seoDescription());
		params.put("now", Times.param(article.updatedAt()));
		return params;
	}

	List<EditorArticleSummary> all(Status status, Instant now) {
		String where = (status == null) ? "" : switch (status) {
			case PUBLISHED -> "WHERE " + VISIBLE;
			case SCHEDULED -> "WHERE a.status = 'scheduled' AND a.publish_at > :now";
			default -> "WHERE a.status = :status";
		};
		return jdbc.sql("""
				SELECT a.id, a.slug, a.kind, a.title, a.status, a.publish_at, a.updated_at, a.version
				FROM article a %s ORDER BY a.updated_at DESC, a.id DESC""".formatted(where))
			.param("now", Times.param(now))
			.param("status", (status != null) ? status.code() : null)
			.query((rs, row) -> {
				Status stored = Status.fromCode(rs.getString("status"));
				Instant publishAt = Times.get(rs, "publish_at");
				Status effective = (stored == Status.SCHEDULED && !publishAt.isAfter(now)) ? Status.PUBLISHED : stored;
				return new EditorArticleSummary(rs.getLong("id"), rs.getString("slug"),
						Kind.fromCode(rs.getString("kind")), rs.getString("title"), effective, publishAt,
						Times.get(rs, "updated_at"), rs.getInt("version"));
			})
			.list();
	}

	// Tags

	List<String> tags(long articleId) {
		return jdbc.sql("SELECT tag FROM article_tag WHERE article_id = :id ORDER BY position")
			.param("id", articleId)
			.query(String.class)
			.list();
	}

	Map<Long, List<String>> tags(Collection<Long> articleIds) {
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return tags;
		}
		jdbc.sql("SELECT article_id, tag FROM article_tag WHERE article_id IN (:ids) ORDER BY article_id, position")
			.param("ids", articleIds)
			.query((rs) -> {
				tags.computeIfAbsent(rs.getLong("article_id"), (id) -> new ArrayList<>()).add(rs.getString("tag"));
			});
		return tags;
	}

	void replaceTags(long articleId, List<String> tags) {
		jdbc.sql("DELETE FROM article_tag WHERE article_id = :id").param("id", articleId).update();
		for (int i = 0; i < tags.size(); i++) {
			jdbc.sql("INSERT INTO article_tag (article_id, tag, position) VALUES (:id, :tag, :position)")
				.param("id", articleId)
				.param("tag", tags.get(i))
				.param("position", i)
				.update();
		}
	}

	private static StoredArticle article(ResultSet rs, int row) throws SQLException {
		return new StoredArticle(rs.getLong("id"), rs.getString("slug"), Kind.fromCode(rs.getString("kind")),
				rs.getString("title"), rs.getString("summary"), rs.getString("body_markdown"),
				rs.getString("body_html"), rs.getString("toc_json"), rs.getInt("reading_minutes"),
				Status.fromCode(rs.getString("status")), Times.get(rs, "publish_at"), rs.getString("author"),
				rs.getString("seo_title"), rs.getString("seo_description"), Times.get(rs, "created_at"),
				Times.get(rs, "updated_at"), rs.getInt("version"));
	}

}
