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

/** Articles with their tags, slug history, revisions and related links; set-based queries for lists. */
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

	/** Where an old slug now leads, and since when. */
	record Moved(String slug, Instant since) {
	}

	/** The current slug of the visible article that once had {@code oldSlug}. */
	Optional<Moved> currentSlugOfOldSlug(String oldSlug, Instant now) {
		return jdbc.sql("""
				SELECT a.slug, h.retired_at FROM article_slug_history h JOIN article a ON a.id = h.article_id
				WHERE h.old_slug = :slug AND %s""".formatted(VISIBLE))
			.param("slug", oldSlug)
			.param("now", Times.param(now))
			.query((rs, row) -> new Moved(rs.getString("slug"), Times.get(rs, "retired_at")))
			.optional();
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
		jdbc.sql("""
				INSERT INTO article (slug, kind, title, summary, body_markdown, body_html, body_text, toc_json,
				    reading_minutes, status, publish_at, author, seo_title, seo_description, created_at, updated_at, version)
				VALUES (:slug, :kind, :title, :summary, :markdown, :html, :text, :toc, :minutes, :status, :publishAt,
				    :author, :seoTitle, :seoDescription, :now, :now, 1)""")
			.params(params(article))
			.param("text", bodyText)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Writes {@code article} if the stored version is still {@code article.version()}; bumps it. */
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

	private static Map<String, Object> params(StoredArticle article) {
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

	// Slug history

	void retireSlug(String oldSlug, long articleId, Instant now) {
		jdbc.sql("DELETE FROM article_slug_history WHERE old_slug = :slug").param("slug", oldSlug).update();
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
		return jdbc.sql("SELECT old_slug FROM article_slug_history WHERE article_id = :id ORDER BY retired_at, old_slug")
			.param("id", articleId)
			.query(String.class)
			.list();
	}

	// Revisions

	void saveRevision(StoredArticle before, List<String> tags, Instant savedAt, String savedBy) {
		jdbc.sql("""
				INSERT INTO article_revision (article_id, revision, article_version, slug, kind, title, summary,
				    body_markdown, tags, status, publish_at, author, seo_title, seo_description, saved_at, saved_by)
				SELECT :id, COALESCE(MAX(revision), 0) + 1, :version, :slug, :kind, :title, :summary, :markdown, :tags,
				    :status, :publishAt, :author, :seoTitle, :seoDescription, :savedAt, :savedBy
				FROM article_revision WHERE article_id = :id""")
			.params(params(before))
			.param("id", before.id())
			.param("version", before.version())
			.param("tags", String.join(",", tags))
			.param("savedAt", Times.param(savedAt))
			.param("savedBy", savedBy)
			.update();
	}

	List<RevisionSummary> revisions(long articleId) {
		return jdbc.sql("""
				SELECT revision, article_version, slug, title, status, saved_at, saved_by
				FROM article_revision WHERE article_id = :id ORDER BY revision DESC""")
			.param("id", articleId)
			.query((rs, row) -> new RevisionSummary(rs.getInt("revision"), rs.getInt("article_version"),
					rs.getString("slug"), rs.getString("title"), Status.fromCode(rs.getString("status")),
					Times.get(rs, "saved_at"), rs.getString("saved_by")))
			.list();
	}

	Optional<Revision> revision(long articleId, int revision) {
		return jdbc.sql("SELECT * FROM article_revision WHERE article_id = :id AND revision = :revision")
			.param("id", articleId)
			.param("revision", revision)
			.query((rs, row) -> new Revision(rs.getInt("revision"), rs.getInt("article_version"), rs.getString("slug"),
					Kind.fromCode(rs.getString("kind")), rs.getString("title"), rs.getString("summary"),
					rs.getString("body_markdown"), splitTags(rs.getString("tags")),
					Status.fromCode(rs.getString("status")), Times.get(rs, "publish_at"), rs.getString("author"),
					rs.getString("seo_title"), rs.getString("seo_description"), Times.get(rs, "saved_at"),
					rs.getString("saved_by")))
			.optional();
	}

	private static List<String> splitTags(String tags) {
		return tags.isEmpty() ? List.of() : List.of(tags.split(","));
	}

	// Related links

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
				WHERE l.article_id = :id ORDER BY l.position""")
			.param("id", articleId)
			.query(String.class)
			.list();
	}

	/**
	 * The visible curated related articles in order, topped up to {@code minimum} with visible
	 * articles sharing the most tags (newest first among equals).
	 */
	List<RelatedArticle> related(long articleId, int minimum, Instant now) {
		List<RelatedArticle> related = new ArrayList<>(jdbc.sql("""
				SELECT a.slug, a.title, a.summary, a.kind FROM related_link l JOIN article a ON a.id = l.related_id
				WHERE l.article_id = :id AND %s ORDER BY l.position""".formatted(VISIBLE))
			.param("id", articleId)
			.param("now", Times.param(now))
			.query(ArticleRepository::relatedArticle)
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
				.query(ArticleRepository::relatedArticle)
				.list());
		}
		return related;
	}

	// Lists

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
			.query(ArticleRepository::row)
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
	 * The instant of the last change that can alter a list: any save (unpublishing included) or a
	 * scheduled publication that has come due.
	 */
	Optional<Instant> lastVisibleChange(Instant now) {
		return jdbc.sql("SELECT MAX(CASE WHEN " + VISIBLE + " AND a.publish_at > a.updated_at THEN a.publish_at "
				+ "ELSE a.updated_at END) AS last_change FROM article a")
			.param("now", Times.param(now))
			.query((rs, row) -> Optional.ofNullable(Times.get(rs, "last_change")))
			.single();
	}

	Optional<Instant> nextScheduled(Instant now) {
		return jdbc.sql("SELECT MIN(publish_at) AS next_at FROM article WHERE status = 'scheduled' AND publish_at > :now")
			.param("now", Times.param(now))
			.query((rs, row) -> Optional.ofNullable(Times.get(rs, "next_at")))
			.single();
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

	private static StoredArticle article(ResultSet rs, int row) throws SQLException {
		return new StoredArticle(rs.getLong("id"), rs.getString("slug"), Kind.fromCode(rs.getString("kind")),
				rs.getString("title"), rs.getString("summary"), rs.getString("body_markdown"),
				rs.getString("body_html"), rs.getString("toc_json"), rs.getInt("reading_minutes"),
				Status.fromCode(rs.getString("status")), Times.get(rs, "publish_at"), rs.getString("author"),
				rs.getString("seo_title"), rs.getString("seo_description"), Times.get(rs, "created_at"),
				Times.get(rs, "updated_at"), rs.getInt("version"));
	}

	private static RelatedArticle relatedArticle(ResultSet rs, int row) throws SQLException {
		return new RelatedArticle(rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
				Kind.fromCode(rs.getString("kind")));
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), Kind.fromCode(rs.getString("kind")),
				rs.getString("title"), rs.getString("summary"), rs.getInt("reading_minutes"),
				Times.get(rs, "publish_at"), Times.get(rs, "updated_at"), rs.getString("author"));
	}

}
