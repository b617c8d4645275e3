package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * What a notification may say about a lead. Once the lead is erased, {@code name},
 * {@code email} and {@code company} hold the erasure marker instead of personal data and
 * {@code erased} is {@code true}.
 */
public record LeadContact(UUID id, String name, String email, String company, String recommendation, int priority,
		String status, String source, Instant createdAt, boolean erased) {
}
