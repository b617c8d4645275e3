package com.northbeam.gateway.client;

import java.util.UUID;

/**
 * Published after assessment-service erased a lead's personal data.
 *
 * @param leadId the erased lead
 * @param submissionId the submission it came from; null when the service did not say
 */
public record LeadErased(UUID leadId, UUID submissionId) {
}
