package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission, contact details given after the result, a consultation request or a page
 * read after the assessment that the gateway accepted and keeps until assessment-service
 * has it.
 */
record OutboundRequest(UUID id, Kind kind, UUID submissionId, String payload, Instant createdAt, int attempts,
		Instant deliveredAt, Instant failedAt, String lastError) {

	enum Kind {

		SUBMISSION, CONTACT, CONSULTATION,

		/** A page read after the assessment, for the lead's reading history. */
		READING

	}

	boolean pending() {
		return deliveredAt == null && failedAt == null;
	}

}
