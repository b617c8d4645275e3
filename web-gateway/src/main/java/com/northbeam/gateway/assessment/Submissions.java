package com.northbeam.gateway.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.northbeam.gateway.client.AssessmentClient;
import com.northbeam.gateway.client.ConsultationRequest;
import com.northbeam.gateway.client.AssessmentClient.ContactDetails;
import com.northbeam.gateway.client.PageRead;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import com.northbeam.gateway.client.ReadingHistoryClient;
import com.northbeam.gateway.client.ServiceRefusedException;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Hands submissions, contact details given after the result and consultation requests to
 * assessment-service, and never loses one: when the service cannot take it now, the
 * request is stored in the gateway's database and {@link OutboundForwarder} delivers it
 * later under the same id.
 */
@Service
class Submissions {

	private static final Logger log = LoggerFactory.getLogger(Submissions.class);

	private final AssessmentClient assessment;

	private final OutboundRequestRepository outbox;

	private final JsonMapper json;

	private final Clock clock;

	private final Cache<UUID, SubmissionResult> results;

	private final ReadingHistoryClient readingHistory;

	Submissions(AssessmentClient assessment, OutboundRequestRepository outbox, JsonMapper json, Clock clock,
			AssessmentProperties properties, ReadingHistoryClient readingHistory) {
		this.readingHistory = readingHistory;
		this.results = resultCache(properties.resultCache());
		this.assessment = assessment;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Submits now, or queues when the service is down or slow.
	 * @throws SubmissionRejectedException when the service refuses the input
	 */
	Outcome submit(SubmissionRequest submission) {
		Optional<OutboundRequest> queued = outbox.find(submission.id());
		if (queued.isPresent() && queued.get().pending()) {
			return new Outcome.Queued(submission.id());
		}
		try {
			SubmissionResult result = assessment.submit(submission);
			results.put(result.id(), result);
			return new Outcome.Delivered(result);
		}
		catch (ServiceUnavailableException | ServiceRefusedException ex) {
			// Down, slow, or refusing the gateway itself (a token or size problem): the
			// input was
			// checked, so keep it and let the forwarder deliver it once the service takes
			// it.
			boolean stored = outbox.insertIfAbsent(submission.id(), OutboundRequest.Kind.SUBMISSION, submission.id(),
					json.writeValueAsString(submission), clock.instant());
			if (ex instanceof ServiceRefusedException) {
				log.error("assessment-service refused the gateway's call ({}); submission {} queued", ex.getMessage(),
						submission.id());
			}
			else {
				log.warn("assessment-service unavailable, submission {} {}: {}", submission.id(),
						stored ? "queued" : "was already queued", ex.getMessage());
			}
			return new Outcome.Queued(submission.id());
		}
	}

	/**
	 * Forgets this replica's copy of a result that has just changed (a colleague
	 * answered, or was invited).
	 */
	void forget(UUID id) {
		results.invalidate(id);
	}

	/** Where a submission's result stands. */
	ResultState result(UUID id) {
		Optional<OutboundRequest> queued = outbox.find(id);
		if (queued.isPresent() && queued.get().pending()) {
			return new ResultState.Pending(id);
		}
		if (queued.isPresent() && queued.get().failedAt() != null) {
			return new ResultState.Unknown(id);
		}
		SubmissionResult result = results.getIfPresent(id);
		if (result == null) {
			result = assessment.result(id).orElse(null);
			if (result == null) {
				return new ResultState.Unknown(id);
			}
			results.put(id, result);
		}
		if (result.needsContact() && outbox.find(contactRequestId(id)).isPresent()) {
			// Given while the service was away: queued, so as good as given.
			result = result.withContactGiven();
		}
		return new ResultState.Ready(result);
	}

	/**
	 * Adds contact details given after the result now, or keeps them for later; either
	 * way they are not lost, and giving them twice makes one lead.
	 * @return whether the service knows the submission (if not, nothing was kept)
	 * @throws SubmissionRejectedException when the service refuses the details
	 */
	boolean giveContact(UUID submissionId, ContactDetails details) {
		try {
			Optional<SubmissionResult> result = assessment.giveContact(submissionId, details);
			result.ifPresent((given) -> results.put(submissionId, given));
			return result.isPresent();
		}
		catch (ServiceUnavailableException ex) {
			boolean stored = outbox.insertIfAbsent(contactRequestId(submissionId), OutboundRequest.Kind.CONTACT,
					submissionId, json.writeValueAsString(details), clock.instant());
			log.warn("assessment-service unavailable, contact details for {} {}: {}", submissionId,
					stored ? "queued" : "were already queued", ex.getMessage());
			return true;
		}
	}

	/**
	 * Bounded by count, since a result is large (see
	 * {@link AssessmentProperties.ResultCache}).
	 */
	static Cache<UUID, SubmissionResult> resultCache(AssessmentProperties.ResultCache settings) {
		return Caffeine.newBuilder()
			.maximumSize(settings.size())
			.expireAfterWrite(settings.lifetime())
			.executor(Runnable::run)
			.build();
	}

	/**
	 * One queue entry per submission for its contact details, so a second try is no
	 * second lead.
	 */
	static UUID contactRequestId(UUID submissionId) {
		return UUID.nameUUIDFromBytes(("contact:" + submissionId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sends a consultation request now, or keeps it for later; either way it is not lost.
	 */
	boolean requestConsultation(UUID submissionId, ConsultationRequest request) {
		try {
			if (assessment.requestConsultation(submissionId, request)) {
				return true;
			}
		}
		catch (ServiceUnavailableException ex) {
			log.warn("assessment-service unavailable, consultation for {} queued: {}", submissionId, ex.getMessage());
		}
		outbox.insertIfAbsent(UUID.randomUUID(), OutboundRequest.Kind.CONSULTATION, submissionId,
				json.writeValueAsString(request), clock.instant());
		return false;
	}

	/**
	 * Delivers one stored request.
	 * @return whether the service has it now
	 * @throws SubmissionRejectedException when the service refuses it for good
	 */
	boolean deliver(OutboundRequest request) {
		try {
			return switch (request.kind()) {
				case SUBMISSION -> {
					SubmissionResult result = assessment
						.submit(json.readValue(request.payload(), SubmissionRequest.class));
					results.put(result.id(), result);
					yield true;
				}
				case CONTACT -> {
					Optional<SubmissionResult> result = assessment.giveContact(request.submissionId(),
							json.readValue(request.payload(), ContactDetails.class));
					result.ifPresent((given) -> results.put(given.id(), given));
					// Unknown to the service only if its submission is still queued: try
					// again later.
					yield result.isPresent();
				}
				case CONSULTATION -> assessment.requestConsultation(request.submissionId(),
						json.readValue(request.payload(), ConsultationRequest.class));
				// Unknown to the service only if its submission is still queued: try
				// again
				// later.
				case READING -> readingHistory.addPageRead(request.submissionId(), request.id(),
						json.readValue(request.payload(), PageRead.class));
			};
		}
		catch (ServiceUnavailableException ex) {
			return false;
		}
	}

	sealed interface Outcome {

		record Delivered(SubmissionResult result) implements Outcome {
		}

		record Queued(UUID id) implements Outcome {
		}

	}

	sealed interface ResultState {

		record Ready(SubmissionResult result) implements ResultState {
		}

		record Pending(UUID id) implements ResultState {
		}

		record Unknown(UUID id) implements ResultState {
		}

	}

}
