package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state each article had before each save, numbered from 1 per article. */
@Repository
class RevisionRepository {

	private final JdbcClient jdbc;

	RevisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void saveRevision(StoredArticle before, List<String> tags, Instant savedAt, String savedBy) {
		jdbc.sql("""
				INSERT INTO article_revision (article_id, revision, article_version, slug, kind, title, summary,
				    body_markdown, tags, status, publish_at, author, seo_title, seo_description, saved_at, saved_by)
				SELECT :id, COALESCE(MAX(revision), 0) + 1, :version, :slug, :kind, :title, :summary, :markdown, :tags,
				    :status, :publishAt, :author, :seoTitle, :seoDescription, :savedAt, :savedBy
				FROM article_revision WHERE article_id = :id""")
			.params(ArticleRepository.params(before))
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

}
