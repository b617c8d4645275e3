package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.lead.LeadRepository.ERASED;
import static com.northbeam.assessment.lead.LeadRepository.timestamp;

/**
 * Erasing leads' contact details: on request, and for the retention job the leads left
 * untouched too long.
 */
@Repository
class LeadErasureRepository {

	private final JdbcClient jdbc;

	LeadErasureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Removes the contact details and lost reason of a lead; recommendation, priority,
	 * status and source stay, so statistics keep working. Returns {@code false} if it was
	 * erased before.
	 */
	boolean erase(UUID id, Instant at) {
		return this.jdbc
			.sql("update lead set name = :erased, email = :erased, company = :erased, phone = null, "
					+ "job_role = null, lost_reason = null, erased_at = :at, updated_at = :at, "
					+ "version = version + 1 where id = :id and erased_at is null")
			.param("erased", ERASED)
			.param("at", timestamp(at))
			.param("id", id)
			.update() == 1;
	}

	/** A lead locked for erasure, with the submission it came from. */
	record Locked(UUID id, UUID submissionId) {
	}

	/**
	 * Locks up to {@code limit} leads not yet erased and untouched since {@code cutoff},
	 * skipping rows another replica holds, until the end of the caller's transaction.
	 */
	List<Locked> lockUntouched(Instant cutoff, int limit) {
		return this.jdbc
			.sql("select id, submission_id from lead where erased_at is null and updated_at < :cutoff "
					+ "order by updated_at limit :limit for update skip locked")
			.param("cutoff", timestamp(cutoff))
			.param("limit", limit)
			.query((rs, n) -> new Locked(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class)))
			.list();
	}

}
