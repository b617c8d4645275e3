package com.northbeam.assessment.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.northbeam.assessment.lead.LeadEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inserts lead events into the outbox. */
@Repository
class LeadEventOutboxRepository {

	private final JdbcClient jdbc;

	LeadEventOutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(LeadEvent event) {
		this.jdbc.sql("insert into outbox_event (id, kind, lead_id, created_at) values (:id, :kind, :leadId, :at)")
			.param("id", event.eventId())
			.param("kind", event.kind())
			.param("leadId", event.leadId())
			.param("at", OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC))
			.update();
	}

}
