package com.northbeam.gateway.assessment;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code gateway.submissions.queued}: submissions and contact details waiting in
 * {@code outbound_request} for assessment-service, counted at most every few seconds
 * however often the gauge is scraped.
 */
@Component
class QueuedSubmissionsGauge {

	private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

	private final OutboundRequestRepository outbox;

	private double count = Double.NaN;

	private long countedAt;

	QueuedSubmissionsGauge(OutboundRequestRepository outbox, MeterRegistry registry) {
		this.outbox = outbox;
		Gauge.builder("gateway.submissions.queued", this, QueuedSubmissionsGauge::count)
			.description("Submissions and contact details queued for assessment-service")
			.register(registry);
	}

	private synchronized double count() {
		long now = System.nanoTime();
		if (this.countedAt == 0 || now - this.countedAt > CACHE_NANOS) {
			try {
				this.count = this.outbox.countPending();
			}
			catch (DataAccessException ex) {
				// No value rather than a failed scrape; readiness reports the database.
				this.count = Double.NaN;
			}
			this.countedAt = now;
		}
		return this.count;
	}

}
