package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone who answered for the company: the lead's contact ({@code respondent}) or a
 * colleague invited to answer the technical questions ({@code colleague}; no name until
 * they answer) of the assessment {@code submissionId} (absent from older services).
 */
public record Respondent(String role, UUID submissionId, String name, String email, String consentVersion,
		Instant consentedAt, Instant invitedAt, Instant answeredAt, List<String> disagreements, Boolean erased) {

	public Respondent {
		disagreements = (disagreements != null) ? List.copyOf(disagreements) : List.of();
		erased = Boolean.TRUE.equals(erased);
	}

	public boolean colleague() {
		return "colleague".equals(role);
	}

}
