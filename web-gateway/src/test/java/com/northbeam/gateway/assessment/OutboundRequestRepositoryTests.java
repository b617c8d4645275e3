package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.client.LeadErased;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway's queue keeps of a prospect, and for how long: the payload until
 * delivery, the row until its retention ends, nothing of an erased lead.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class OutboundRequestRepositoryTests {

	private static final String PAYLOAD = """
			{"contact":{"name":"Dana Reyes","email":"dana@example.com","phone":"+1 555 0100"}}""";

	@Autowired
	OutboundRequestRepository outbox;

	@Autowired
	OutboundForwarder forwarder;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	private final List<UUID> queued = new ArrayList<>();

	@Test
	void deliveryDropsThePayloadAndKeepsWhatOperationsNeed() {
		UUID id = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now.minusSeconds(60));

		outbox.markDelivered(id, now);

		assertThat(outbox.find(id)).hasValueSatisfying((row) -> {
			assertThat(row.payload()).isNull();
			assertThat(row.kind()).isEqualTo(OutboundRequest.Kind.SUBMISSION);
			assertThat(row.submissionId()).isEqualTo(id);
			assertThat(row.createdAt()).isEqualTo(now.minusSeconds(60));
			assertThat(row.deliveredAt()).isEqualTo(now);
			assertThat(row.attempts()).isEqualTo(1);
		});
	}

	@Test
	void aRefusedRequestKeepsItsPayloadForStaffToLookInto() {
		UUID id = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now);

		outbox.markFailed(id, now, "400 Bad Request");

		assertThat(outbox.find(id)).hasValueSatisfying((row) -> {
			assertThat(row.payload()).isEqualTo(PAYLOAD);
			assertThat(row.failedAt()).isEqualTo(now);
		});
	}

	@Test
	void deliveredAndRefusedRowsGoWhenTheirRetentionEndsAndPendingOnesStay() {
		UUID deliveredLongAgo = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now.minus(days(9)));
		outbox.markDelivered(deliveredLongAgo, now.minus(days(8)));
		UUID deliveredLately = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now.minus(days(2)));
		outbox.markDelivered(deliveredLately, now.minus(days(1)));
		UUID refusedLongAgo = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now.minus(days(40)));
		outbox.markFailed(refusedLongAgo, now.minus(days(31)), "400 Bad Request");
		UUID refusedLately = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now.minus(days(9)));
		outbox.markFailed(refusedLately, now.minus(days(8)), "400 Bad Request");
		UUID pendingLongAgo = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now.minus(days(60)));

		// The defaults: delivered rows for 7 days, refused ones for 30.
		assertThat(forwarder.deleteFinished()).isGreaterThanOrEqualTo(2);

		assertThat(outbox.find(deliveredLongAgo)).isEmpty();
		assertThat(outbox.find(refusedLongAgo)).isEmpty();
		assertThat(outbox.find(deliveredLately)).isPresent();
		assertThat(outbox.find(refusedLately)).isPresent();
		// Not yet delivered: kept however old, so nothing a prospect sent is lost.
		assertThat(outbox.find(pendingLongAgo)).isPresent();
	}

	@Test
	void erasingALeadDeletesEveryQueuedRequestOfItsSubmission() {
		UUID submission = UUID.randomUUID();
		UUID delivered = queue(OutboundRequest.Kind.SUBMISSION, submission, now);
		outbox.markDelivered(delivered, now);
		UUID contact = queue(OutboundRequest.Kind.CONTACT, submission, now);
		UUID consultation = queue(OutboundRequest.Kind.CONSULTATION, submission, now);
		UUID someoneElse = queue(OutboundRequest.Kind.SUBMISSION, UUID.randomUUID(), now);

		events.publishEvent(new LeadErased(UUID.randomUUID(), submission));

		assertThat(outbox.find(delivered)).isEmpty();
		assertThat(outbox.find(contact)).isEmpty();
		assertThat(outbox.find(consultation)).isEmpty();
		assertThat(outbox.find(someoneElse)).isPresent();
	}

	/**
	 * Queues a request that the context's running forwarder leaves alone: it would try to
	 * deliver it to the fake service, and failures there open the client's circuit for
	 * the tests that share the context.
	 */
	private UUID queue(OutboundRequest.Kind kind, UUID submissionId, Instant at) {
		UUID id = (kind == OutboundRequest.Kind.SUBMISSION) ? submissionId : UUID.randomUUID();
		assertThat(outbox.insertIfAbsent(id, kind, submissionId, PAYLOAD, at)).isTrue();
		jdbc.sql("UPDATE outbound_request SET next_attempt_at = :later WHERE id = :id")
			.param("later", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))
			.param("id", id)
			.update();
		queued.add(submissionId);
		return id;
	}

	@AfterEach
	void deleteQueued() {
		queued.forEach(outbox::deleteForSubmission);
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

}
