package com.northbeam.assessment.outbox;

import com.northbeam.assessment.lead.LeadEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each {@link LeadEvent} to the outbox, in the transaction that published it, for
 * the {@link Dispatcher}.
 */
@Component
class LeadEventRecorder {

	private final LeadEventOutboxRepository repository;

	LeadEventRecorder(LeadEventOutboxRepository repository) {
		this.repository = repository;
	}

	@EventListener
	void on(LeadEvent event) {
		this.repository.insert(event);
	}

}
