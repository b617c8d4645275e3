package com.northbeam.assessment.scoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps every published rules version in the database so a stored result can always be
 * explained, and so every replica sees a version published on another one.
 */
@Repository
class ScoringRulesRepository {

	private final JdbcClient jdbc;

	ScoringRulesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> findAllDefinitions() {
		return this.jdbc.sql("select definition from scoring_rules order by version").query(String.class).list();
	}

	List<String> findDefinitionsAfter(int version) {
		return this.jdbc.sql("select definition from scoring_rules where version > :version order by version")
			.param("version", version)
			.query(String.class)
			.list();
	}

	Optional<String> findDefinition(int version) {
		return this.jdbc.sql("select definition from scoring_rules where version = :version")
			.param("version", version)
			.query(String.class)
			.optional();
	}

	/** The newest version number, 0 when there is none. */
	int newestVersion() {
		return this.jdbc.sql("select coalesce(max(version), 0) from scoring_rules").query(Integer.class).single();
	}

	List<PublishedVersion> findAllVersions() {
		return this.jdbc
			.sql("select version, questionnaire_version, published_at, published_by, publish_reason "
					+ "from scoring_rules order by version desc")
			.query((rs, row) -> new PublishedVersion(rs.getInt("version"), rs.getInt("questionnaire_version"),
					rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"),
					rs.getString("publish_reason")))
			.list();
	}

	/** Stores a version unless it is already there; returns whether it was stored now. */
	boolean insertIfAbsent(int version, int questionnaireVersion, String definition, Instant publishedAt) {
		Integer existing = this.jdbc.sql("select count(*) from scoring_rules where version = :version")
			.param("version", version)
			.query(Integer.class)
			.single();
		if (existing > 0) {
			return false;
		}
		try {
			insert(version, questionnaireVersion, definition, publishedAt, null, null);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another replica starting at the same moment pinned it first.
			return false;
		}
	}

	/**
	 * Stores a new version; a {@link DuplicateKeyException} says someone published that
	 * number first.
	 */
	void insert(int version, int questionnaireVersion, String definition, Instant publishedAt, String publishedBy,
			String reason) {
		this.jdbc
			.sql("insert into scoring_rules (version, questionnaire_version, definition, published_at, published_by, "
					+ "publish_reason) values (:version, :questionnaireVersion, :definition, :publishedAt, "
					+ ":publishedBy, :reason)")
			.param("version", version)
			.param("questionnaireVersion", questionnaireVersion)
			.param("definition", definition)
			.param("publishedAt", OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC))
			.param("publishedBy", publishedBy)
			.param("reason", reason)
			.update();
	}

}
