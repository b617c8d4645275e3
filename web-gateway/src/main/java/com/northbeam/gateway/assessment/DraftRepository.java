package com.northbeam.gateway.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Attribution;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores assessments in progress in the gateway's database, so any replica can continue
 * one.
 */
@Repository
class DraftRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DraftRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Draft draft, Instant now) {
		jdbc.sql("""
				INSERT INTO assessment_draft (id, submission_id, step, data, attribution, started_at, updated_at)
				VALUES (:id, :submissionId, :step, :data, :attribution, :startedAt, :now)""")
			.param("id", draft.id())
			.param("submissionId", draft.submissionId())
			.param("step", draft.step())
			.param("data", json.writeValueAsString(draft.data()))
			.param("attribution", json.writeValueAsString(draft.attribution()))
			.param("startedAt", utc(draft.startedAt()))
			.param("now", utc(now))
			.update();
	}

	Optional<Draft> find(UUID id) {
		return jdbc.sql("SELECT * FROM assessment_draft WHERE id = :id").param("id", id).query(this::map).optional();
	}

	Optional<Draft> findBySubmission(UUID submissionId) {
		return jdbc.sql("SELECT * FROM assessment_draft WHERE submission_id = :id")
			.param("id", submissionId)
			.query(this::map)
			.optional();
	}

	void save(Draft draft, Instant now) {
		jdbc.sql("UPDATE assessment_draft SET step = :step, data = :data, updated_at = :now WHERE id = :id")
			.param("step", draft.step())
			.param("data", json.writeValueAsString(draft.data()))
			.param("now", utc(now))
			.param("id", draft.id())
			.update();
	}

	/**
	 * Marks a draft submitted and forgets its answers and contact details, which now live
	 * elsewhere.
	 */
	boolean markSubmitted(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE assessment_draft SET submitted_at = :now, updated_at = :now, data = '{}', attribution = NULL
				WHERE id = :id AND submitted_at IS NULL""").param("now", utc(now)).param("id", id).update() == 1;
	}

	/**
	 * Deletes drafts not changed since {@code cutoff}, unless a link to finish them later
	 * still works at {@code now}.
	 */
	int deleteNotUpdatedSince(Instant cutoff, Instant now) {
		return jdbc.sql(
				"DELETE FROM assessment_draft WHERE updated_at < :cutoff AND (keep_until IS NULL OR keep_until < :now)")
			.param("cutoff", utc(cutoff))
			.param("now", utc(now))
			.update();
	}

	/**
	 * Keeps an unfinished draft until {@code until} for a link to finish it later, and
	 * counts the link; {@code false} when the draft is finished, gone, or has had
	 * {@code maxLinks} links already.
	 */
	boolean keepForLink(UUID id, Instant until, int maxLinks) {
		return jdbc.sql("""
				UPDATE assessment_draft SET keep_until = :until, resume_emails = resume_emails + 1
				WHERE id = :id AND submitted_at IS NULL AND resume_emails < :max""")
			.param("until", utc(until))
			.param("id", id)
			.param("max", maxLinks)
			.update() == 1;
	}

	private Draft map(ResultSet rs, int row) throws SQLException {
		String attribution = rs.getString("attribution");
		OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
		return new Draft(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class), rs.getInt("step"),
				json.readValue(rs.getString("data"), Draft.Data.class),
				(attribution != null) ? json.readValue(attribution, Attribution.class) : Attribution.NONE,
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				(submitted != null) ? submitted.toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
