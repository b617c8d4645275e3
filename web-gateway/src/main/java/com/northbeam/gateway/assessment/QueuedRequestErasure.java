package com.northbeam.gateway.assessment;

import com.northbeam.gateway.client.LeadErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When staff erase a lead, the gateway's queue forgets its submission too: a contact or
 * consultation request still waiting would otherwise carry personal data past the
 * erasure, and bring it back when delivered.
 */
@Component
class QueuedRequestErasure {

	private static final Logger log = LoggerFactory.getLogger(QueuedRequestErasure.class);

	private final OutboundRequestRepository outbox;

	QueuedRequestErasure(OutboundRequestRepository outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void erase(LeadErased erased) {
		if (erased.submissionId() == null) {
			return;
		}
		int deleted = outbox.deleteForSubmission(erased.submissionId());
		if (deleted > 0) {
			log.info("Deleted {} queued request(s) of erased lead {}", deleted, erased.leadId());
		}
	}

}
