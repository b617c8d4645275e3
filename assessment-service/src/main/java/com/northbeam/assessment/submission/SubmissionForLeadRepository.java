package com.northbeam.assessment.submission;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadSubmissions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A submission as the lead feature reads and erases it. */
@Repository
class SubmissionForLeadRepository {

	private final JdbcClient jdbc;

	SubmissionForLeadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A submission as the lead feature shows it. */
	Optional<LeadSubmissions.Submission> findForLead(UUID id) {
		return this.jdbc.sql("select s.questionnaire_version, s.answers, s.utm_source, s.utm_medium, s.utm_campaign, "
				+ "s.referrer, s.landing, s.retake_of, c.text_version, c.accepted_at, "
				+ "(select r.body from submission_result r where r.submission_id = s.id "
				+ "order by r.rules_version desc limit 1) result "
				+ "from submission s left join consent_record c on c.submission_id = coalesce(s.contact_from, s.id) "
				+ "where s.id = :id")
			.param("id", id)
			.query((rs, n) -> {
				OffsetDateTime consentedAt = rs.getObject("accepted_at", OffsetDateTime.class);
				return new LeadSubmissions.Submission(rs.getInt("questionnaire_version"), rs.getString("answers"),
						rs.getString("utm_source"), rs.getString("utm_medium"), rs.getString("utm_campaign"),
						rs.getString("referrer"), rs.getString("landing"), rs.getString("result"),
						rs.getString("text_version"), (consentedAt != null) ? consentedAt.toInstant() : null,
						rs.getObject("retake_of", UUID.class));
			})
			.optional();
	}

	/**
	 * Removes the personal data a submission holds: the referrer, and the digest of its
	 * contact details.
	 */
	void eraseReferrer(UUID id) {
		this.jdbc.sql("update submission set referrer = null, contact_fingerprint = null where id = :id")
			.param("id", id)
			.update();
	}

}
