package com.northbeam.assessment.lead;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** A lead's contact data for features that tell someone about the lead. */
@Service
public class LeadContacts {

	private final LeadContactRepository repository;

	LeadContacts(LeadContactRepository repository) {
		this.repository = repository;
	}

	/**
	 * The lead as a notification shows it, read now so that an erased lead's data is
	 * never sent; empty if there is no such lead.
	 */
	public Optional<LeadContact> forNotification(UUID leadId) {
		return this.repository.find(leadId);
	}

}
