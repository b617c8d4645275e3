package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission or consultation request the gateway accepted and keeps until assessment-service
 * has it.
 */
record OutboundRequest(UUID id, Kind kind, UUID submissionId, String payload, Instant createdAt, int attempts,
		Instant deliveredAt, Instant failedAt, String lastError) {

	enum Kind {

		SUBMISSION, CONSULTATION

	}

	boolean pending() {
		return deliveredAt == null && failedAt == null;
	}

}
