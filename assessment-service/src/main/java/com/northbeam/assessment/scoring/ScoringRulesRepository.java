package com.northbeam.assessment.scoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps every published rules version in the database so a stored result can always be
 * explained.
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
			this.jdbc
				.sql("insert into scoring_rules (version, questionnaire_version, definition, published_at) "
						+ "values (:version, :questionnaireVersion, :definition, :publishedAt)")
				.param("version", version)
				.param("questionnaireVersion", questionnaireVersion)
				.param("definition", definition)
				.param("publishedAt", OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another replica starting at the same moment pinned it first.
			return false;
		}
	}

}
