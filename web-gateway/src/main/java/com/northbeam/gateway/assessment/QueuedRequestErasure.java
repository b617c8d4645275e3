package com.northbeam.gateway.assessment;

import com.northbeam.gateway.client.LeadErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When staff erase a lead, the gateway's queue forgets its submission too: a contact or
 * consultation request or a page read still waiting would otherwise carry personal data
 * past the erasure, and bring it back when delivered. The visit's reading session ends,
 * so later pages are not forwarded.
 */
@Component
class QueuedRequestErasure {

	private static final Logger log = LoggerFactory.getLogger(QueuedRequestErasure.class);

	private final OutboundRequestRepository outbox;

	private final ReadingHistory reading;

	QueuedRequestErasure(OutboundRequestRepository outbox, ReadingHistory reading) {
		this.outbox = outbox;
		this.reading = reading;
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
		if (reading.erase(erased.submissionId()) > 0) {
			log.info("Ended the reading session of erased lead {}", erased.leadId());
		}
	}

}
