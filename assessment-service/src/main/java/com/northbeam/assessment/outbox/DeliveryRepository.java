package com.northbeam.assessment.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.northbeam.assessment.system.DatabaseProduct;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static com.northbeam.assessment.outbox.OutboxRepository.timestamp;

/**
 * The deliveries of outbox events. A dispatcher claims due ones with a lease in a short
 * transaction, sends them with no connection held, and records each outcome in another.
 */
@Repository
class DeliveryRepository {

	/**
	 * A delivery as admins see it; {@code redelivery} is 0 for the first delivery of its
	 * event to its target and counts the redeliveries admins asked for after it.
	 */
	record Delivery(long id, UUID eventId, String channel, String target, String state, int attempts, String lastError,
			Instant nextAttemptAt, Instant deliveredAt, Instant createdAt, int redelivery) {
	}

	/**
	 * A delivery reserved for one dispatcher, with what the event says; {@code attempts}
	 * counts those made before this one.
	 */
	record Claim(long id, UUID eventId, String kind, UUID leadId, String channel, String target, int attempts) {
	}

	private record Due(long id, UUID eventId, String channel, String target, int attempts) {
	}

	private record Event(UUID id, String kind, UUID leadId) {
	}

	private static final String COLUMNS = "id, event_id, channel, target, state, attempts, last_error, next_attempt_at, "
			+ "delivered_at, created_at, redelivery";

	/**
	 * The oldest due delivery of each target (a target's pending deliveries are found
	 * through an index on target, one lookup per target, so a long queue for one target
	 * is never read through to find the others).
	 */
	static final String OLDEST_DUE_PER_TARGET = """
			with recursive targets (target) as (
			    (select target from notification_delivery where state = 'pending' order by target limit 1)
			  union all
			    select (select d.target from notification_delivery d
			            where d.state = 'pending' and d.target > t.target order by d.target limit 1)
			    from targets t where t.target is not null)
			select d.id, d.event_id, d.channel, d.target, d.attempts
			from targets t cross join lateral (
			    select id, event_id, channel, target, attempts, next_attempt_at from notification_delivery d
			    where d.state = 'pending' and d.target = t.target and d.next_attempt_at <= :now
			      and (d.claimed_until is null or d.claimed_until <= :now)
			    order by d.next_attempt_at, d.id limit 1 for update skip locked) d
			where t.target is not null%s
			order by d.next_attempt_at, d.id limit :scan""";

	/** The oldest due deliveries (the embedded database's simpler form). */
	private static final String OLDEST_DUE = """
			select id, event_id, channel, target, attempts from notification_delivery
			where state = 'pending' and next_attempt_at <= :now and (claimed_until is null or claimed_until <= :now)%s
			order by next_attempt_at, id limit :scan for update skip locked""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean postgres;

	DeliveryRepository(JdbcClient jdbc, TransactionTemplate transactions, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.postgres = database.isPostgres();
	}

	/**
	 * Reserves for {@code owner} until {@code now + lease} up to {@code limit} due
	 * deliveries, oldest first and at most one per target, skipping targets in
	 * {@code busy}. Looks at {@code scan} rows at most (on PostgreSQL, the oldest of each
	 * target that is not busy, so however many deliveries wait for a busy or failing
	 * target, the others are found at the cost of one index lookup per target); rows
	 * another dispatcher is claiming at the same moment are skipped, not waited for, and
	 * a delivery whose lease has expired is due again.
	 */
	List<Claim> claimDue(String owner, Instant now, Duration lease, int limit, int scan, Collection<String> busy) {
		List<Claim> claimed = this.transactions.execute((tx) -> {
			List<Due> due = this.jdbc
				.sql((this.postgres ? OLDEST_DUE_PER_TARGET : OLDEST_DUE).formatted(
						busy.isEmpty() ? "" : (this.postgres ? " and t.target" : " and target") + " not in (:busy)"))
				.param("now", timestamp(now))
				.param("busy", List.copyOf(busy))
				.param("scan", scan)
				.query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("event_id", UUID.class),
						rs.getString("channel"), rs.getString("target"), rs.getInt("attempts")))
				.list();
			List<Due> picked = new ArrayList<>();
			Set<String> targets = new HashSet<>();
			for (Due delivery : due) {
				if (picked.size() < limit && targets.add(delivery.target())) {
					picked.add(delivery);
				}
			}
			if (picked.isEmpty()) {
				return List.<Claim>of();
			}
			this.jdbc
				.sql("update notification_delivery set claimed_by = :owner, claimed_until = :until where id in (:ids)")
				.param("owner", owner)
				.param("until", timestamp(now.plus(lease)))
				.param("ids", picked.stream().map(Due::id).toList())
				.update();
			Map<UUID, Event> events = this.jdbc.sql("select id, kind, lead_id from outbox_event where id in (:ids)")
				.param("ids", picked.stream().map(Due::eventId).distinct().toList())
				.query((rs, n) -> new Event(rs.getObject("id", UUID.class), rs.getString("kind"),
						rs.getObject("lead_id", UUID.class)))
				.list()
				.stream()
				.collect(Collectors.toMap(Event::id, Function.identity()));
			return picked.stream().map((delivery) -> {
				Event event = events.get(delivery.eventId());
				return new Claim(delivery.id(), delivery.eventId(), event.kind(), event.leadId(), delivery.channel(),
						delivery.target(), delivery.attempts());
			}).toList();
		});
		return (claimed != null) ? claimed : List.of();
	}

	/**
	 * Records a successful attempt, unless the delivery was recorded as delivered before.
	 */
	void markDelivered(long id, int attempts, Instant now) {
		this.jdbc
			.sql("update notification_delivery set state = 'delivered', attempts = :attempts, delivered_at = :at, "
					+ "last_error = null, claimed_by = null, claimed_until = null where id = :id and state = 'pending'")
			.param("attempts", attempts)
			.param("at", timestamp(now))
			.param("id", id)
			.update();
	}

	/**
	 * Records a failed attempt as long as {@code owner} still holds the lease: pending
	 * again from {@code next}, or dead.
	 */
	void markFailed(long id, String owner, int attempts, boolean dead, String error, Instant next) {
		this.jdbc
			.sql("update notification_delivery set state = :state, attempts = :attempts, last_error = :error, "
					+ "next_attempt_at = :next, claimed_by = null, claimed_until = null "
					+ "where id = :id and claimed_by = :owner and state = 'pending'")
			.param("state", dead ? "dead" : "pending")
			.param("attempts", attempts)
			.param("error", error)
			.param("next", timestamp(next))
			.param("id", id)
			.param("owner", owner)
			.update();
	}

	/**
	 * Up to {@code limit} deliveries, newest first, optionally in one state and older
	 * than {@code afterId}.
	 */
	List<Delivery> page(String state, Long afterId, int limit) {
		StringBuilder where = new StringBuilder("where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (state != null) {
			where.append(" and state = ?");
			params.add(state);
		}
		if (afterId != null) {
			where.append(" and id < ?");
			params.add(afterId);
		}
		where.append(" order by id desc limit ?");
		params.add(limit);
		return query(where.toString(), params);
	}

	Optional<Delivery> find(long id) {
		return query("where id = ?", List.of(id)).stream().findFirst();
	}

	/**
	 * Makes a delivery that is not delivered due at {@code now} with a fresh set of
	 * attempts; says whether there was one.
	 */
	boolean retry(long id, Instant now) {
		return this.jdbc
			.sql("update notification_delivery set state = 'pending', attempts = 0, "
					+ "next_attempt_at = :now where id = :id and state <> 'delivered'")
			.param("now", timestamp(now))
			.param("id", id)
			.update() > 0;
	}

	/**
	 * Adds a pending delivery of an event to a target, due at {@code now}, numbered after
	 * the earlier ones of that event to that target; returns its id. Two at the same
	 * moment collide on the numbering: one of them fails.
	 */
	long redeliver(UUID eventId, String channel, String target, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into notification_delivery (event_id, channel, target, redelivery, state, attempts, "
				+ "next_attempt_at, created_at) select :event, :channel, :target, coalesce(max(redelivery), 0) + 1, "
				+ "'pending', 0, :at, :at from notification_delivery "
				+ "where event_id = :event and channel = :channel and target = :target")
			.param("event", eventId)
			.param("channel", channel)
			.param("target", target)
			.param("at", timestamp(now))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private List<Delivery> query(String where, List<Object> params) {
		return this.jdbc.sql("select " + COLUMNS + " from notification_delivery " + where)
			.params(params)
			.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getObject("event_id", UUID.class),
					rs.getString("channel"), rs.getString("target"), rs.getString("state"), rs.getInt("attempts"),
					rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"),
					instant(rs, "created_at"), rs.getInt("redelivery")))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
