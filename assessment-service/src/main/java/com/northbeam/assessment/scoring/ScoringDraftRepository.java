package com.northbeam.assessment.scoring;

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

/** Drafts of the next rules version, saved with a revision for optimistic locking. */
@Repository
class ScoringDraftRepository {

	private static final String COLUMNS = "id, based_on_version, questionnaire_version, definition, revision, "
			+ "created_at, created_by, updated_at, updated_by, published_version";

	private final JdbcClient jdbc;

	ScoringDraftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A draft as stored, its definition still JSON. */
	record StoredDraft(long id, int basedOnVersion, int questionnaireVersion, String definition, int revision,
			Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Integer publishedVersion) {
	}

	long insert(int basedOnVersion, int questionnaireVersion, String definition, String actor, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into scoring_draft (based_on_version, questionnaire_version, definition, revision, created_at, "
					+ "created_by, updated_at, updated_by) values (:basedOn, :questionnaireVersion, :definition, 1, "
					+ ":at, :actor, :at, :actor)")
			.param("basedOn", basedOnVersion)
			.param("questionnaireVersion", questionnaireVersion)
			.param("definition", definition)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<StoredDraft> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from scoring_draft where id = :id")
			.param("id", id)
			.query(ScoringDraftRepository::draft)
			.optional();
	}

	List<StoredDraft> findAll(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from scoring_draft order by id desc limit :limit")
			.param("limit", limit)
			.query(ScoringDraftRepository::draft)
			.list();
	}

	/** Saves a new revision unless the draft moved on or was published meanwhile. */
	boolean update(long id, int revision, String definition, String actor, Instant at) {
		return this.jdbc
			.sql("update scoring_draft set definition = :definition, revision = revision + 1, updated_at = :at, "
					+ "updated_by = :actor where id = :id and revision = :revision and published_version is null")
			.param("definition", definition)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("id", id)
			.param("revision", revision)
			.update() == 1;
	}

	/** Closes the draft as published, unless it moved on or was published meanwhile. */
	boolean markPublished(long id, int revision, int version, String actor, Instant at) {
		return this.jdbc
			.sql("update scoring_draft set published_version = :version, updated_at = :at, updated_by = :actor "
					+ "where id = :id and revision = :revision and published_version is null")
			.param("version", version)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("id", id)
			.param("revision", revision)
			.update() == 1;
	}

	private static StoredDraft draft(ResultSet rs, int row) throws SQLException {
		return new StoredDraft(rs.getLong("id"), rs.getInt("based_on_version"), rs.getInt("questionnaire_version"),
				rs.getString("definition"), rs.getInt("revision"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
				rs.getObject("published_version", Integer.class));
	}

}
