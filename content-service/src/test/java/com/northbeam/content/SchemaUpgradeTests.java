package com.northbeam.content;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.northbeam.testsupport.PostgresTestConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by the first released schema (version 1: articles, tags, slug history,
 * revisions, related links), holding what editors wrote with it, is upgraded by Flyway to
 * the current schema with nothing lost.
 */
@SpringBootTest(classes = SchemaUpgradeTests.Database.class)
class SchemaUpgradeTests {

	@Autowired
	DataSource dataSource;

	@Test
	void contentWrittenWithTheFirstSchemaSurvivesEveryMigration() {
		assertThat(flyway("1").migrate().targetSchemaVersion).isEqualTo("1");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		OffsetDateTime at = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.UTC);
		long guide = article(jdbc, "co-managed-vs-fully-managed-it", "guide", "Co-Managed IT vs Fully Managed IT",
				"Which model fits a growing company", at);
		long other = article(jdbc, "break-fix-vs-managed-it", "article", "Break-Fix vs Managed IT",
				"Why fixing things only when they break costs more", at);
		jdbc.sql("INSERT INTO article_tag (article_id, tag, position) VALUES (?, 'managed-it', 0), (?, 'costs', 1)")
			.params(guide, guide)
			.update();
		jdbc.sql("INSERT INTO article_slug_history (old_slug, article_id, retired_at) VALUES ('co-managed-it', ?, ?)")
			.params(guide, at)
			.update();
		jdbc.sql("""
				INSERT INTO article_revision (article_id, revision, article_version, slug, kind, title, summary,
				    body_markdown, tags, status, author, saved_at, saved_by)
				VALUES (?, 1, 1, 'co-managed-it', 'guide', 'Co-Managed IT', 'Draft', '# Draft', 'managed-it',
				    'draft', 'Northbeam IT', ?, 'erin@northbeam.test')""").params(guide, at).update();
		jdbc.sql("INSERT INTO related_link (article_id, related_id, position) VALUES (?, ?, 0)")
			.params(guide, other)
			.update();

		flyway(null).migrate();

		assertThat(jdbc.sql("SELECT slug FROM article ORDER BY id").query(String.class).list())
			.containsExactly("co-managed-vs-fully-managed-it", "break-fix-vs-managed-it");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM article_tag").query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT article_id FROM article_slug_history WHERE old_slug = 'co-managed-it'")
			.query(Long.class)
			.single()).isEqualTo(guide);
		assertThat(jdbc.sql("SELECT saved_by FROM article_revision").query(String.class).single())
			.isEqualTo("erin@northbeam.test");
		assertThat(jdbc.sql("SELECT related_id FROM related_link").query(Long.class).single()).isEqualTo(other);
		// Articles from before full-text search are found by it.
		assertThat(jdbc
			.sql("SELECT slug FROM article WHERE search_vector @@ websearch_to_tsquery('english', 'fully managed')")
			.query(String.class)
			.list()).containsExactly("co-managed-vs-fully-managed-it");
		// The tables added later start empty.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM faq").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM content_seed").query(Long.class).single()).isZero();
		assertThat(flyway(null).info().pending()).isEmpty();
	}

	private long article(JdbcClient jdbc, String slug, String kind, String title, String summary, OffsetDateTime at) {
		return jdbc.sql("""
				INSERT INTO article (slug, kind, title, summary, body_markdown, body_html, body_text, toc_json,
				    reading_minutes, status, publish_at, author, created_at, updated_at, version)
				VALUES (:slug, :kind, :title, :summary, :markdown, :html, :text, '[]', 4, 'published', :at,
				    'Northbeam IT', :at, :at, 3)
				RETURNING id""")
			.param("slug", slug)
			.param("kind", kind)
			.param("title", title)
			.param("summary", summary)
			.param("markdown", "## " + title + "\n\n" + summary + ".")
			.param("html", "<h2>" + title + "</h2><p>" + summary + ".</p>")
			.param("text", title + " " + summary)
			.param("at", at)
			.query(Long.class)
			.single();
	}

	private Flyway flyway(String target) {
		var configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql");
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}

	/** Only a PostgreSQL database of its own: no application, and no Flyway at start. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ServiceConnectionAutoConfiguration.class, DataSourceAutoConfiguration.class })
	@Import(PostgresTestConfiguration.class)
	static class Database {

	}

}
