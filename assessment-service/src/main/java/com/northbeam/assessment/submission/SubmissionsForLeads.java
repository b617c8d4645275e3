package com.northbeam.assessment.submission;

import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadSubmissions;

import org.springframework.stereotype.Component;

/** The submission a lead came from, as the lead feature asks for it. */
@Component
class SubmissionsForLeads implements LeadSubmissions {

	private final SubmissionRepository repository;

	SubmissionsForLeads(SubmissionRepository repository) {
		this.repository = repository;
	}

	@Override
	public Optional<Submission> find(UUID submissionId) {
		return this.repository.findForLead(submissionId);
	}

	@Override
	public void erasePersonalData(UUID submissionId) {
		this.repository.eraseReferrer(submissionId);
	}

}
