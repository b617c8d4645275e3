package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.lead.LeadRepository.ERASED;
import static com.northbeam.assessment.lead.LeadRepository.instant;
import static com.northbeam.assessment.lead.LeadRepository.timestamp;

/**
 * A lead's timeline (status changes, assignments, notes, consultation requests, exports,
 * erasure) and its consultation request.
 */
@Repository
class LeadTimelineRepository {

	private final JdbcClient jdbc;

	LeadTimelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry of a lead's timeline. */
	record Event(Instant at, String actor, String kind, String detail) {
	}

	void addEvent(UUID leadId, Event event) {
		this.jdbc.sql(
				"insert into lead_event (lead_id, at, actor, kind, detail) values (:leadId, :at, :actor, :kind, :detail)")
			.param("leadId", leadId)
			.param("at", timestamp(event.at()))
			.param("actor", event.actor())
			.param("kind", event.kind())
			.param("detail", event.detail())
			.update();
	}

	List<Event> events(UUID leadId) {
		return this.jdbc.sql("select at, actor, kind, detail from lead_event where lead_id = :id order by id")
			.param("id", leadId)
			.query((rs, n) -> new Event(instant(rs, "at"), rs.getString("actor"), rs.getString("kind"),
					rs.getString("detail")))
			.list();
	}

	/** A prospect's consultation request. */
	record Consultation(String preferredTimes, String message, Instant requestedAt) {
	}

	Optional<Consultation> consultation(UUID leadId) {
		return this.jdbc.sql("select preferred_times, message, requested_at from lead_consultation where lead_id = :id")
			.param("id", leadId)
			.query((rs, n) -> new Consultation(rs.getString("preferred_times"), rs.getString("message"),
					instant(rs, "requested_at")))
			.optional();
	}

	void saveConsultation(UUID leadId, Consultation consultation) {
		int updated = this.jdbc
			.sql("update lead_consultation set preferred_times = :times, message = :message, "
					+ "requested_at = :at where lead_id = :id")
			.param("times", consultation.preferredTimes())
			.param("message", consultation.message())
			.param("at", timestamp(consultation.requestedAt()))
			.param("id", leadId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into lead_consultation (lead_id, preferred_times, message, requested_at) "
						+ "values (:id, :times, :message, :at)")
				.param("times", consultation.preferredTimes())
				.param("message", consultation.message())
				.param("at", timestamp(consultation.requestedAt()))
				.param("id", leadId)
				.update();
		}
	}

	/**
	 * Removes the free text of a lead's notes (calls and emails too), lost reasons and
	 * consultation request.
	 */
	void erase(UUID leadId) {
		this.jdbc.sql(
				"update lead_event set detail = :erased where lead_id = :id and (kind in ('note', 'call', 'email', 'consultation') "
						+ "or (kind = 'status' and detail like '%: %'))")
			.param("erased", ERASED)
			.param("id", leadId)
			.update();
		this.jdbc.sql("update lead_consultation set preferred_times = null, message = null where lead_id = :id")
			.param("id", leadId)
			.update();
	}

}
