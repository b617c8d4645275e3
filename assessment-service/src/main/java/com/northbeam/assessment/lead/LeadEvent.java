package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a prospect did that staff should hear about: a new lead or a consultation
 * request. Published synchronously inside the transaction that stores it, so a listener
 * that writes in that transaction (the outbox) stores it all or nothing with the lead.
 *
 * @param eventId unique per event, so receivers can drop repeats
 * @param kind {@link #LEAD_CREATED} or {@link #CONSULTATION_REQUESTED}
 * @param leadId the lead it is about
 * @param at when it happened
 */
public record LeadEvent(UUID eventId, String kind, UUID leadId, Instant at) {

	/** A prospect gave contact details: a new lead. */
	public static final String LEAD_CREATED = "lead.created";

	/** A prospect asked to talk to an expert (or changed the request). */
	public static final String CONSULTATION_REQUESTED = "consultation.requested";

}
