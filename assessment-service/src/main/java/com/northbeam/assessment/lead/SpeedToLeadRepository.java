package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.lead.LeadRepository.timestamp;

/**
 * Speed to lead in the lead table: a lead's first contact, and the claim of the overdue
 * check on the leads it announces.
 */
@Repository
class SpeedToLeadRepository {

	private final JdbcClient jdbc;

	SpeedToLeadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the lead's first contact, {@code seconds} of working time after it arrived;
	 * a lead contacted before keeps its first contact.
	 */
	boolean recordFirstContact(UUID id, Instant at, long seconds) {
		return this.jdbc
			.sql("update lead set first_contact_at = :at, first_contact_seconds = :seconds "
					+ "where id = :id and first_contact_at is null")
			.param("at", timestamp(at))
			.param("seconds", seconds)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Up to {@code limit} leads nobody has contacted that arrived at or before
	 * {@code cutoff} and were not announced as overdue yet, earliest first. Not locked:
	 * {@link #claimOverdue} decides which caller announces each.
	 */
	List<UUID> overdueUnannounced(Instant cutoff, int limit) {
		return this.jdbc
			.sql("select id from lead where first_contact_at is null and overdue_notified_at is null "
					+ "and created_at <= :cutoff order by created_at limit :limit")
			.param("cutoff", timestamp(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * A lead claimed for its overdue announcement: who owns it, whether it was erased.
	 */
	record Overdue(UUID id, String owner, boolean erased) {
	}

	/**
	 * Marks the lead as announced overdue if it still waits and nobody marked it before;
	 * the conditional update lets exactly one of any number of concurrent callers
	 * (threads or replicas) have it, and holds the row until the caller's transaction
	 * ends.
	 */
	Optional<Overdue> claimOverdue(UUID id, Instant cutoff, Instant now) {
		int claimed = this.jdbc
			.sql("update lead set overdue_notified_at = :now where id = :id and overdue_notified_at is null "
					+ "and first_contact_at is null and created_at <= :cutoff")
			.param("now", timestamp(now))
			.param("id", id)
			.param("cutoff", timestamp(cutoff))
			.update();
		if (claimed != 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("select owner, erased_at from lead where id = :id")
			.param("id", id)
			.query((rs, n) -> new Overdue(id, rs.getString("owner"), rs.getObject("erased_at") != null))
			.optional();
	}

}
