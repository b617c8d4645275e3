package com.northbeam.assessment.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Lead events reach the outbox atomically with the transaction that published them. */
@AssessmentServiceTest
class LeadEventRecorderTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private List<Map<String, Object>> outboxRows(UUID eventId) {
		return jdbc.sql("select kind, lead_id, created_at, expanded_at from outbox_event where id = :id")
			.param("id", eventId)
			.query()
			.listOfRows();
	}

	@Test
	void anEventPublishedInACommittedTransactionIsInTheOutbox() {
		LeadEvent event = new LeadEvent(UUID.randomUUID(), LeadEvent.CONSULTATION_REQUESTED, UUID.randomUUID(),
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		transactions.executeWithoutResult((tx) -> events.publishEvent(event));
		assertThat(outboxRows(event.eventId())).singleElement().satisfies((row) -> {
			assertThat(row.get("kind")).isEqualTo("consultation.requested");
			assertThat(row.get("lead_id")).isEqualTo(event.leadId());
			assertThat(row.get("expanded_at")).isNull();
		});
	}

	@Test
	void anEventPublishedInARolledBackTransactionIsNot() {
		LeadEvent event = new LeadEvent(UUID.randomUUID(), LeadEvent.LEAD_CREATED, UUID.randomUUID(), Instant.now());
		transactions.executeWithoutResult((tx) -> {
			events.publishEvent(event);
			tx.setRollbackOnly();
		});
		assertThat(outboxRows(event.eventId())).isEmpty();
	}

	@Test
	void anEventPublishedOutsideATransactionIsRefused() {
		LeadEvent event = new LeadEvent(UUID.randomUUID(), LeadEvent.LEAD_CREATED, UUID.randomUUID(), Instant.now());
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> events.publishEvent(event));
		assertThat(outboxRows(event.eventId())).isEmpty();
	}

}
