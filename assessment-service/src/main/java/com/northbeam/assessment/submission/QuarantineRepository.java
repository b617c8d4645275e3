package com.northbeam.assessment.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.northbeam.assessment.submission.SubmissionRequest.Contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Quarantined submissions: their contact details wait here, with every reason, until
 * staff release or discard them. A decided row keeps only what happened, by whom and
 * when.
 */
@Repository
class QuarantineRepository {

	private static final String WAITING = "released_at is null and discarded_at is null";

	private final JdbcClient jdbc;

	QuarantineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A quarantined submission's contact details, reasons and where it came from. */
	record Held(UUID submissionId, Set<Suspicion> reasons, Contact contact, String source, Instant createdAt) {
	}

	/** Holds the contact details of a submission, in the caller's transaction. */
	void insert(Held held) {
		Contact contact = held.contact();
		this.jdbc
			.sql("insert into quarantine (submission_id, reasons, name, email, company, phone, job_role, source, "
					+ "created_at) values (:id, :reasons, :name, :email, :company, :phone, :role, :source, :createdAt)")
			.param("id", held.submissionId())
			.param("reasons", Suspicion.store(held.reasons()))
			.param("name", contact.name())
			.param("email", contact.email())
			.param("company", contact.company())
			.param("phone", contact.phone())
			.param("role", contact.role())
			.param("source", held.source())
			.param("createdAt", SubmissionRepository.timestamp(held.createdAt()))
			.update();
	}

	/** A waiting submission as staff see it, with its newest result's recommendation. */
	record Waiting(Held held, String recommendation, int priority) {
	}

	/** The submissions waiting for a decision, newest first, with their results. */
	List<Waiting> findWaiting(int limit) {
		return this.jdbc
			.sql("select q.*, r.recommendation, r.priority from quarantine q "
					+ "join submission_result r on r.submission_id = q.submission_id and r.rules_version = "
					+ "(select max(n.rules_version) from submission_result n where n.submission_id = q.submission_id) "
					+ "where q." + WAITING.replace(" and ", " and q.") + " order by q.created_at desc, q.submission_id "
					+ "limit :limit")
			.param("limit", limit)
			.query((rs, row) -> new Waiting(held(rs), rs.getString("recommendation"), rs.getInt("priority")))
			.list();
	}

	/**
	 * Locks a submission still waiting for a decision, in the caller's transaction; empty
	 * when there is none (also once a concurrent decision has committed: the lock waits
	 * for it, and PostgreSQL then reads the decided row again).
	 */
	Optional<Held> lockWaiting(UUID submissionId) {
		return this.jdbc.sql("select * from quarantine where submission_id = :id and " + WAITING + " for update")
			.param("id", submissionId)
			.query((rs, row) -> held(rs))
			.optional();
	}

	/** Whether the submission was ever quarantined (waiting or decided). */
	Optional<String> state(UUID submissionId) {
		return this.jdbc
			.sql("select case when released_at is not null then 'released' when discarded_at is not null "
					+ "then 'discarded' else 'waiting' end from quarantine where submission_id = :id")
			.param("id", submissionId)
			.query(String.class)
			.optional();
	}

	/**
	 * Records the decision on a locked submission and removes its contact details (now
	 * held by the lead, or discarded).
	 */
	void decide(UUID submissionId, boolean released, String actor, Instant at) {
		this.jdbc
			.sql("update quarantine set name = null, email = null, company = null, phone = null, job_role = null, "
					+ (released ? "released_at" : "discarded_at") + " = :at, decided_by = :actor "
					+ "where submission_id = :id")
			.param("id", submissionId)
			.param("at", SubmissionRepository.timestamp(at))
			.param("actor", actor)
			.update();
	}

	/** Waiting submissions quarantined before {@code cutoff}, oldest first. */
	List<UUID> findWaitingSince(Instant cutoff, int limit) {
		return this.jdbc
			.sql("select submission_id from quarantine where " + WAITING
					+ " and created_at < :cutoff order by created_at limit :limit")
			.param("cutoff", SubmissionRepository.timestamp(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	private static Held held(ResultSet rs) throws SQLException {
		return new Held(rs.getObject("submission_id", UUID.class), Suspicion.read(rs.getString("reasons")),
				new Contact(rs.getString("name"), rs.getString("email"), rs.getString("company"), rs.getString("phone"),
						rs.getString("job_role")),
				rs.getString("source"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
