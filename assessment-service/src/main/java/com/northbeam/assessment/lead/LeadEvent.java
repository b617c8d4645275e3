package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something staff should hear about: a new lead, a consultation request, a lead waiting
 * past the response target. Published synchronously inside the transaction that stores
 * it, so a listener that writes in that transaction (the outbox) stores it all or nothing
 * with the lead.
 *
 * @param eventId unique per event, so receivers can drop repeats
 * @param kind {@link #LEAD_CREATED}, {@link #CONSULTATION_REQUESTED} or
 * {@link #LEAD_OVERDUE}
 * @param leadId the lead it is about
 * @param at when it happened
 * @param emailTo who the email about it goes to instead of the sales inbox, or
 * {@code null} for the sales inbox
 */
public record LeadEvent(UUID eventId, String kind, UUID leadId, Instant at, String emailTo) {

	/** A prospect gave contact details: a new lead. */
	public static final String LEAD_CREATED = "lead.created";

	/** A prospect asked to talk to an expert (or changed the request). */
	public static final String CONSULTATION_REQUESTED = "consultation.requested";

	/**
	 * A lead has waited past the response target without a first contact; the email goes
	 * to its owner (the sales inbox when it has none). Announced once per lead.
	 */
	public static final String LEAD_OVERDUE = "lead.overdue";

	/** Every kind, in the order they happen to a lead. */
	public static final List<String> KINDS = List.of(LEAD_CREATED, CONSULTATION_REQUESTED, LEAD_OVERDUE);

	/** An event whose email goes to the sales inbox. */
	public LeadEvent(UUID eventId, String kind, UUID leadId, Instant at) {
		this(eventId, kind, leadId, at, null);
	}

}
