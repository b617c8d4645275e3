package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which submission used each start token of the JSON API, in the gateway's database so
 * every replica sees it. Written for PostgreSQL and the embedded H2 alike.
 */
@Repository
class ApiStartRepository {

	private final JdbcClient jdbc;

	ApiStartRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that {@code submissionId} used the start, unless a submission already did;
	 * answers the submission that holds it now.
	 */
	UUID claim(UUID startId, UUID submissionId, Instant expiresAt) {
		try {
			jdbc.sql(
					"INSERT INTO api_start (start_id, submission_id, expires_at) VALUES (:start, :submission, :expires)")
				.param("start", startId)
				.param("submission", submissionId)
				.param("expires", utc(expiresAt))
				.update();
			return submissionId;
		}
		catch (DuplicateKeyException ex) {
			return jdbc.sql("SELECT submission_id FROM api_start WHERE start_id = :start")
				.param("start", startId)
				.query(UUID.class)
				.single();
		}
	}

	/** Gives the start back: the submission that used it was refused. */
	void release(UUID startId, UUID submissionId) {
		jdbc.sql("DELETE FROM api_start WHERE start_id = :start AND submission_id = :submission")
			.param("start", startId)
			.param("submission", submissionId)
			.update();
	}

	/**
	 * Deletes the starts whose tokens expired before {@code cutoff}; returns how many.
	 */
	int deleteExpired(Instant cutoff) {
		return jdbc.sql("DELETE FROM api_start WHERE expires_at < :cutoff").param("cutoff", utc(cutoff)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
