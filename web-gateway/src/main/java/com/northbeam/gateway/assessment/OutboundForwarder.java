package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.northbeam.gateway.client.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Forwards queued requests to assessment-service, oldest first, retrying with exponential
 * backoff. Each round claims rows with {@code FOR UPDATE SKIP LOCKED} and a lease, so
 * several gateway replicas share the queue without delivering a row twice at once; the
 * service's idempotency on the submission id covers a replica that dies mid-delivery.
 */
@Configuration(proxyBeanMethods = false)
class OutboundForwarder implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutboundForwarder.class);

	private final OutboundRequestRepository outbox;

	private final Submissions submissions;

	private final DraftRepository drafts;

	private final AssessmentProperties properties;

	private final Clock clock;

	OutboundForwarder(OutboundRequestRepository outbox, Submissions submissions, DraftRepository drafts,
			AssessmentProperties properties, Clock clock) {
		this.outbox = outbox;
		this.submissions = submissions;
		this.drafts = drafts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::forwardDueSafely, properties.forwarder().interval());
		registrar.addFixedDelayTask(this::deleteAbandonedDrafts, Duration.ofMinutes(10));
		registrar.addFixedDelayTask(this::deleteFinishedSafely, Duration.ofHours(1));
	}

	/**
	 * Deletes delivered and refused requests older than their retention periods; returns
	 * how many.
	 */
	int deleteFinished() {
		Instant now = clock.instant();
		AssessmentProperties.Retention retention = properties.retention();
		return outbox.deleteFinished(now.minus(retention.delivered()), now.minus(retention.failed()));
	}

	/** One round: delivers what is due; returns how many were delivered. */
	int forwardDue() {
		AssessmentProperties.Forwarder settings = properties.forwarder();
		int delivered = 0;
		List<OutboundRequest> due = outbox.claimDue(clock.instant(), settings.batchSize(), settings.lease());
		for (OutboundRequest request : due) {
			try {
				if (submissions.deliver(request)) {
					outbox.markDelivered(request.id(), clock.instant());
					delivered++;
				}
				else {
					// While the service is down its circuit is open, so the rest of the
					// round fails fast.
					retryLater(request, "assessment-service could not take it yet");
				}
			}
			catch (SubmissionRejectedException ex) {
				log.error("assessment-service refused queued {} {}: {}", request.kind(), request.id(), ex.errors());
				outbox.markFailed(request.id(), clock.instant(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("Forwarding {} {} failed: {}", request.kind(), request.id(), ex.toString());
				retryLater(request, ex.toString());
			}
		}
		if (delivered > 0) {
			log.info("Forwarded {} queued request(s) to assessment-service", delivered);
		}
		return delivered;
	}

	private void forwardDueSafely() {
		try {
			forwardDue();
		}
		catch (RuntimeException ex) {
			log.warn("Forwarding round failed: {}", ex.toString());
		}
	}

	private void retryLater(OutboundRequest request, String error) {
		outbox.markRetry(request.id(), clock.instant().plus(backoff(request.attempts() + 1)), error);
	}

	Duration backoff(int attempts) {
		AssessmentProperties.Forwarder settings = properties.forwarder();
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = settings.initialBackoff().multipliedBy(factor);
		return (wait.compareTo(settings.maximumBackoff()) > 0) ? settings.maximumBackoff() : wait;
	}

	private void deleteFinishedSafely() {
		try {
			int deleted = deleteFinished();
			if (deleted > 0) {
				log.info("Deleted {} delivered or refused queued request(s) past their retention", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Deleting finished queued requests failed: {}", ex.toString());
		}
	}

	private void deleteAbandonedDrafts() {
		try {
			Instant now = clock.instant();
			int deleted = drafts.deleteNotUpdatedSince(now.minus(properties.draftLifetime()), now);
			if (deleted > 0) {
				log.info("Deleted {} abandoned assessment draft(s)", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Deleting abandoned drafts failed: {}", ex.toString());
		}
	}

}
