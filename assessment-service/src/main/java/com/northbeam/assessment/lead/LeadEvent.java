package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to a lead that others may announce ({@code kind} is
 * {@code lead.created} or {@code consultation.requested}). Published synchronously inside
 * the transaction that wrote the lead, so whatever a listener writes commits or rolls
 * back with it.
 *
 * @param eventId the event's id, unique and stable across redeliveries
 * @param kind what happened
 * @param leadId the lead it happened to
 * @param at when it happened
 */
public record LeadEvent(UUID eventId, String kind, UUID leadId, Instant at) {
}
