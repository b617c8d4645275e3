package com.northbeam.assessment.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadContact;
import com.northbeam.assessment.lead.LeadEvent;

/**
 * What a notification says about an event and its lead, built when it is sent (so an
 * erased lead's data is never sent).
 */
record Notification(UUID eventId, String kind, LeadContact lead, String url) {

	/** The webhook body. */
	Map<String, Object> payload() {
		Map<String, Object> lead = new LinkedHashMap<>();
		lead.put("id", this.lead.id());
		lead.put("name", this.lead.name());
		lead.put("email", this.lead.email());
		lead.put("company", this.lead.company());
		lead.put("recommendation", this.lead.recommendation());
		lead.put("priority", this.lead.priority());
		lead.put("status", this.lead.status());
		lead.put("source", this.lead.source());
		lead.put("createdAt", this.lead.createdAt());
		lead.put("erased", this.lead.erased());
		lead.put("url", this.url);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", this.eventId);
		payload.put("type", this.kind);
		payload.put("lead", lead);
		return payload;
	}

	String subject() {
		return switch (this.kind) {
			case LeadEvent.CONSULTATION_REQUESTED -> "Consultation requested";
			case LeadEvent.LEAD_OVERDUE -> "Lead waiting past the response target";
			default -> "New lead";
		} + ": " + this.lead.recommendation() + ", priority " + this.lead.priority();
	}

	String text() {
		String opening = switch (this.kind) {
			case LeadEvent.CONSULTATION_REQUESTED -> "A prospect asked to talk to an expert.";
			case LeadEvent.LEAD_OVERDUE ->
				"Nobody has contacted this lead yet, and it has waited longer than the response target.";
			default -> "A new lead arrived.";
		};
		return String.join("\n", opening, "", "Name: " + this.lead.name(), "Company: " + this.lead.company(),
				"Email: " + this.lead.email(), "Recommendation: " + this.lead.recommendation(),
				"Priority: " + this.lead.priority(), "Source: " + this.lead.source(), "",
				"Open it in the dashboard: " + this.url, "");
	}

}
