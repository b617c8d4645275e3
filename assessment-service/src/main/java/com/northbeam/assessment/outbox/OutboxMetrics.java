package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.time.Duration;

import com.northbeam.assessment.outbox.OutboxRepository.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The outbox as metrics: its backlog and the age of its oldest unsent notification
 * (gauges read from the database at most every few seconds, however often they are
 * scraped), and the failed and dead-lettered delivery attempts.
 */
@Component
class OutboxMetrics {

	private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

	private final OutboxRepository outbox;

	private final Clock clock;

	private final Counter failed;

	private final Counter dead;

	private Backlog backlog;

	private long readAt;

	OutboxMetrics(OutboxRepository outbox, Clock clock, MeterRegistry registry) {
		this.outbox = outbox;
		this.clock = clock;
		Gauge.builder("assessment.outbox.backlog", this, OutboxMetrics::size)
			.description("Notifications not yet sent: outbox events not yet expanded and pending deliveries")
			.register(registry);
		Gauge.builder("assessment.outbox.oldest.pending.age", this, OutboxMetrics::oldestAge)
			.description("Age of the oldest notification not yet sent; 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
		this.failed = Counter.builder("assessment.outbox.deliveries.failed")
			.description("Delivery attempts that failed (each is retried until the last)")
			.register(registry);
		this.dead = Counter.builder("assessment.outbox.deliveries.dead")
			.description("Deliveries dead-lettered after their last attempt failed")
			.register(registry);
	}

	void failed(boolean deadLettered) {
		this.failed.increment();
		if (deadLettered) {
			this.dead.increment();
		}
	}

	private double size() {
		Backlog current = current();
		return (current != null) ? current.size() : Double.NaN;
	}

	private double oldestAge() {
		Backlog current = current();
		if (current == null) {
			return Double.NaN;
		}
		if (current.oldest() == null) {
			return 0;
		}
		return Math.max(0, Duration.between(current.oldest(), this.clock.instant()).toMillis() / 1000.0);
	}

	private synchronized Backlog current() {
		long now = System.nanoTime();
		if (this.backlog == null || now - this.readAt > CACHE_NANOS) {
			try {
				this.backlog = this.outbox.backlog();
			}
			catch (DataAccessException ex) {
				// The scrape shows no value rather than failing; readiness reports the
				// database.
				this.backlog = null;
			}
			this.readAt = now;
		}
		return this.backlog;
	}

}
