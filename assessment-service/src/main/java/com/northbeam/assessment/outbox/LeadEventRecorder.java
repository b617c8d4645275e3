package com.northbeam.assessment.outbox;

import com.northbeam.assessment.colleague.ColleagueInvited;
import com.northbeam.assessment.lead.LeadEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes each lead event, and each colleague's invitation, to the outbox in the
 * transaction that published it, so the event commits or rolls back with the lead (or the
 * invitation). Publishing outside a transaction is a bug: the event could be written for
 * a lead that never commits, so it is refused.
 */
@Component
class LeadEventRecorder {

	private final OutboxRepository outbox;

	LeadEventRecorder(OutboxRepository outbox) {
		this.outbox = outbox;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LeadEvent event) {
		this.outbox.add(event.eventId(), event.kind(), event.leadId(), event.at(), event.emailTo());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ColleagueInvited event) {
		this.outbox.add(event.invitationId(), ColleagueInvited.KIND, null, event.at(), null);
	}

}
