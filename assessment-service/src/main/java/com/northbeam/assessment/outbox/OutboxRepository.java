package com.northbeam.assessment.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.colleague.ColleagueInvited;
import com.northbeam.assessment.outbox.NotificationSettings.Settings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox events: written with the lead they announce, then expanded into one delivery
 * per target.
 */
@Repository
class OutboxRepository {

	/** Where a delivery goes: {@code email} to an address or {@code webhook} to a URL. */
	record Target(String channel, String target) {
	}

	private static final int DELIVERIES_PER_STATEMENT = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OutboxRepository(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Where a colleague's invitation goes: the address is read when it is sent. */
	static final Target COLLEAGUE = new Target("email", "colleague");

	/**
	 * An event: its kind, the lead it announces ({@code null} for an invitation or a
	 * resume link), whether it was made into deliveries yet, and who its email goes to
	 * when not the sales inbox.
	 */
	record Event(UUID id, String kind, UUID leadId, boolean expanded, String emailTo) {
	}

	Optional<Event> find(UUID id) {
		return this.jdbc.sql("select id, kind, lead_id, expanded_at, email_to from outbox_event where id = :id")
			.param("id", id)
			.query((rs, n) -> new Event(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("lead_id", UUID.class), rs.getObject("expanded_at") != null, rs.getString("email_to")))
			.optional();
	}

	/**
	 * Writes an event in the caller's transaction; {@code leadId} is {@code null} for an
	 * invitation; {@code emailTo} is who its email goes to, {@code null} for the sales
	 * inbox.
	 */
	void add(UUID id, String kind, UUID leadId, Instant at, String emailTo) {
		this.jdbc
			.sql("insert into outbox_event (id, kind, lead_id, created_at, email_to) "
					+ "values (:id, :kind, :leadId, :at, :emailTo)")
			.param("id", id)
			.param("kind", kind)
			.param("leadId", leadId)
			.param("at", timestamp(at))
			.param("emailTo", emailTo)
			.update();
	}

	/** An event waiting to be expanded. */
	private record Unexpanded(UUID id, String kind, String emailTo) {

		boolean invitation() {
			return ColleagueInvited.KIND.equals(this.kind);
		}

	}

	/**
	 * Writes an event about no lead, with what its delivery needs, in the caller's
	 * transaction.
	 */
	void addWithoutLead(UUID id, String kind, String payload, Instant at) {
		this.jdbc.sql("insert into outbox_event (id, kind, payload, created_at) values (:id, :kind, :payload, :at)")
			.param("id", id)
			.param("kind", kind)
			.param("payload", payload)
			.param("at", timestamp(at))
			.update();
	}

	/** The payload of an event, unless it was never set or has been cleared. */
	Optional<String> payload(UUID id) {
		return this.jdbc.sql("select payload from outbox_event where id = :id and payload is not null")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** Forgets the payload of an event that has been sent or given up. */
	void clearPayload(UUID id) {
		this.jdbc.sql("update outbox_event set payload = null where id = :id").param("id", id).update();
	}

	/**
	 * Turns up to {@code limit} new events into one pending delivery per target of
	 * {@code settings}, in a transaction of its own; returns how many events. A
	 * colleague's invitation goes to the colleague alone ({@link #COLLEAGUE}), a resume
	 * link to its prospect alone. Events another dispatcher is expanding at the same
	 * moment are skipped, not waited for.
	 */
	int expand(int limit, Settings settings, Instant now) {
		Integer expanded = this.transactions.execute((tx) -> {
			List<Unexpanded> events = this.jdbc
				.sql("select id, kind, email_to from outbox_event where expanded_at is null order by created_at "
						+ "limit :limit for update skip locked")
				.param("limit", limit)
				.query((rs, n) -> new Unexpanded(rs.getObject("id", UUID.class), rs.getString("kind"),
						rs.getString("email_to")))
				.list();
			if (events.isEmpty()) {
				return 0;
			}
			OffsetDateTime at = timestamp(now);
			List<Object[]> deliveries = new ArrayList<>();
			for (Unexpanded unexpanded : events) {
				UUID event = unexpanded.id();
				List<Target> to = ResumeLinks.KIND.equals(unexpanded.kind())
						? List.of(new Target("email", ResumeLinks.target(event)))
						: unexpanded.invitation() ? List.of(COLLEAGUE) : settings.targets(unexpanded.emailTo());
				for (Target target : to) {
					deliveries.add(new Object[] { event, target.channel(), target.target(), "pending", 0, at, at });
				}
			}
			// A statement for many rows rather than one per row (in chunks that stay far
			// below PostgreSQL's limit of bind parameters however many targets there
			// are).
			for (int from = 0; from < deliveries.size(); from += DELIVERIES_PER_STATEMENT) {
				this.jdbc
					.sql("insert into notification_delivery (event_id, channel, target, state, attempts, "
							+ "next_attempt_at, created_at) values :deliveries")
					.param("deliveries",
							deliveries.subList(from, Math.min(deliveries.size(), from + DELIVERIES_PER_STATEMENT)))
					.update();
			}
			this.jdbc.sql("update outbox_event set expanded_at = :at where id in (:ids)")
				.param("at", at)
				.param("ids", events.stream().map(Unexpanded::id).toList())
				.update();
			return events.size();
		});
		return (expanded != null) ? expanded : 0;
	}

	/** Notifications not yet sent: events not yet expanded plus pending deliveries. */
	record Backlog(long size, Instant oldest) {
	}

	/** Two index range scans (the unexpanded events, the pending deliveries). */
	Backlog backlog() {
		Backlog events = this.jdbc.sql("select count(*), min(created_at) from outbox_event where expanded_at is null")
			.query((rs, row) -> backlog(rs))
			.single();
		Backlog deliveries = this.jdbc
			.sql("select count(*), min(created_at) from notification_delivery where state = 'pending'")
			.query((rs, row) -> backlog(rs))
			.single();
		Instant oldest = (events.oldest() == null) ? deliveries.oldest()
				: (deliveries.oldest() == null || events.oldest().isBefore(deliveries.oldest())) ? events.oldest()
						: deliveries.oldest();
		return new Backlog(events.size() + deliveries.size(), oldest);
	}

	private static Backlog backlog(ResultSet rs) throws SQLException {
		OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
		return new Backlog(rs.getLong(1), (oldest != null) ? oldest.toInstant() : null);
	}

}
