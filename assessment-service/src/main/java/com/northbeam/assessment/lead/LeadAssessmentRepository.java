package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A lead's assessments: the submission it came from and each retake, oldest first. The
 * lead's own {@code submission_id} is the newest of them.
 */
@Repository
class LeadAssessmentRepository {

	private final JdbcClient jdbc;

	LeadAssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One assessment of a lead.
	 *
	 * @param assistedBy the staff member who took it with the prospect, or null
	 */
	record Assessment(UUID submissionId, Instant takenAt, String assistedBy) {
	}

	void add(UUID leadId, UUID submissionId, String assistedBy, Instant at) {
		this.jdbc
			.sql("insert into lead_assessment (submission_id, lead_id, taken_at, assisted_by) "
					+ "values (:submissionId, :leadId, :at, :assistedBy)")
			.param("submissionId", submissionId)
			.param("leadId", leadId)
			.param("at", LeadRepository.timestamp(at))
			.param("assistedBy", assistedBy)
			.update();
	}

	/** The lead, not erased, one of whose assessments is {@code submissionId}. */
	Optional<UUID> leadOf(UUID submissionId) {
		return this.jdbc
			.sql("select a.lead_id from lead_assessment a join lead l on l.id = a.lead_id "
					+ "where a.submission_id = :id and l.erased_at is null")
			.param("id", submissionId)
			.query(UUID.class)
			.optional();
	}

	List<Assessment> list(UUID leadId) {
		return this.jdbc
			.sql("select submission_id, taken_at, assisted_by from lead_assessment where lead_id = :id "
					+ "order by taken_at, submission_id")
			.param("id", leadId)
			.query((rs, n) -> new Assessment(rs.getObject("submission_id", UUID.class),
					LeadRepository.instant(rs, "taken_at"), rs.getString("assisted_by")))
			.list();
	}

	List<UUID> submissionIds(UUID leadId) {
		return list(leadId).stream().map(Assessment::submissionId).toList();
	}

}
