package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.northbeam.assessment.outbox.DeliveryRepository.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records the outcome of an attempt, each in a short transaction of its own: delivered,
 * or retried after an exponentially growing wait, or dead-lettered after the configured
 * number of attempts until an admin retries it. A resume link's address and link are
 * cleared once it is delivered or dead: it is never sent again.
 */
@Component
class DeliveryRecorder {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRecorder.class);

	private final DeliveryRepository deliveries;

	private final OutboxRepository outbox;

	private final NotificationProperties properties;

	private final Clock clock;

	private final OutboxMetrics metrics;

	DeliveryRecorder(DeliveryRepository deliveries, OutboxRepository outbox, NotificationProperties properties,
			Clock clock, OutboxMetrics metrics) {
		this.deliveries = deliveries;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	void delivered(Claim delivery) {
		this.deliveries.markDelivered(delivery.id(), delivery.attempts() + 1, now());
		clearResumeLink(delivery);
	}

	void failed(Claim delivery, String owner, Exception ex, int maxAttempts) {
		int attempts = delivery.attempts() + 1;
		boolean dead = attempts >= maxAttempts;
		this.deliveries.markFailed(delivery.id(), owner, attempts, dead, describe(ex), now().plus(backoff(attempts)));
		this.metrics.failed(dead);
		if (dead) {
			clearResumeLink(delivery);
		}
		// Only ids and the kind of failure: targets and messages may hold addresses.
		logger.warn("Notification delivery {} ({}) attempt {} failed with {}{}", delivery.id(), delivery.channel(),
				attempts, ex.getClass().getSimpleName(), dead ? "; dead-lettered" : "");
	}

	private void clearResumeLink(Claim delivery) {
		if (ResumeLinks.KIND.equals(delivery.kind())) {
			this.outbox.clearPayload(delivery.eventId());
		}
	}

	Duration backoff(int attempts) {
		Duration wait = this.properties.backoff();
		for (int i = 1; i < attempts && wait.compareTo(this.properties.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String describe(Exception ex) {
		String message = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return (message.length() > 1000) ? message.substring(0, 1000) : message;
	}

}
