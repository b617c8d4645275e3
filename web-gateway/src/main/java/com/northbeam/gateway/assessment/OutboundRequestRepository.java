package com.northbeam.gateway.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The gateway's durable queue of requests for assessment-service. */
@Repository
class OutboundRequestRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OutboundRequestRepository(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Stores a request unless one with the same id is already stored; says whether it
	 * stored it.
	 */
	boolean insertIfAbsent(UUID id, OutboundRequest.Kind kind, UUID submissionId, String payload, Instant now) {
		try {
			return jdbc
				.sql("""
						INSERT INTO outbound_request (id, kind, submission_id, payload, created_at, attempts, next_attempt_at)
						VALUES (:id, :kind, :submissionId, :payload, :now, 0, :now)""")
				.param("id", id)
				.param("kind", kind.name())
				.param("submissionId", submissionId)
				.param("payload", payload)
				.param("now", utc(now))
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<OutboundRequest> find(UUID id) {
		return jdbc.sql("SELECT * FROM outbound_request WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * Reserves up to {@code limit} due requests for this replica for {@code lease},
	 * oldest first. Rows another replica is reserving at the same moment are skipped, not
	 * waited for, so replicas never deliver the same row at once.
	 */
	List<OutboundRequest> claimDue(Instant now, int limit, Duration lease) {
		return transactions.execute((status) -> {
			List<OutboundRequest> due = jdbc.sql("""
					SELECT * FROM outbound_request
					WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
					ORDER BY created_at, id
					LIMIT :limit
					FOR UPDATE SKIP LOCKED""").param("now", utc(now)).param("limit", limit).query(this::map).list();
			for (OutboundRequest request : due) {
				jdbc.sql("UPDATE outbound_request SET next_attempt_at = :until WHERE id = :id")
					.param("until", utc(now.plus(lease)))
					.param("id", request.id())
					.update();
			}
			return due;
		});
	}

	/**
	 * The service has it: the payload with its personal data goes, the row stays (id,
	 * kind, submission, timestamps) until {@link #deleteFinished} removes it.
	 */
	void markDelivered(UUID id, Instant now) {
		jdbc.sql(
				"""
						UPDATE outbound_request SET delivered_at = :now, attempts = attempts + 1, last_error = NULL, payload = NULL
						WHERE id = :id""")
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	void markRetry(UUID id, Instant nextAttempt, String error) {
		jdbc.sql("""
				UPDATE outbound_request SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
				WHERE id = :id""")
			.param("next", utc(nextAttempt))
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	/**
	 * The service refused the request for good: kept with its payload for staff to look
	 * at until {@link #deleteFinished} removes it.
	 */
	void markFailed(UUID id, Instant now, String error) {
		jdbc.sql("""
				UPDATE outbound_request SET attempts = attempts + 1, failed_at = :now, last_error = :error
				WHERE id = :id""").param("now", utc(now)).param("error", truncate(error)).param("id", id).update();
	}

	/**
	 * Deletes rows delivered before {@code deliveredBefore} and rows refused before
	 * {@code failedBefore}; returns how many.
	 */
	int deleteFinished(Instant deliveredBefore, Instant failedBefore) {
		return jdbc.sql("DELETE FROM outbound_request WHERE delivered_at < :delivered OR failed_at < :failed")
			.param("delivered", utc(deliveredBefore))
			.param("failed", utc(failedBefore))
			.update();
	}

	/**
	 * Deletes everything kept for one submission: the submission itself, contact details
	 * and consultation requests, delivered or not; returns how many rows.
	 */
	int deleteForSubmission(UUID submissionId) {
		return jdbc.sql("DELETE FROM outbound_request WHERE submission_id = :submissionId")
			.param("submissionId", submissionId)
			.update();
	}

	long countPending() {
		return jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE delivered_at IS NULL AND failed_at IS NULL")
			.query(Long.class)
			.single();
	}

	private OutboundRequest map(ResultSet rs, int row) throws SQLException {
		return new OutboundRequest(rs.getObject("id", UUID.class), OutboundRequest.Kind.valueOf(rs.getString("kind")),
				rs.getObject("submission_id", UUID.class), rs.getString("payload"), instant(rs, "created_at"),
				rs.getInt("attempts"), instant(rs, "delivered_at"), instant(rs, "failed_at"),
				rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 1000);
	}

}
