package com.northbeam.assessment.submission;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadSubmissions;

import org.springframework.stereotype.Component;

/** The submission a lead came from, as the lead feature asks for it. */
@Component
class SubmissionsForLeads implements LeadSubmissions {

	private final SubmissionForLeadRepository repository;

	private final ReadingRepository reading;

	private final Clock clock;

	SubmissionsForLeads(SubmissionForLeadRepository repository, ReadingRepository reading, Clock clock) {
		this.repository = repository;
		this.reading = reading;
		this.clock = clock;
	}

	@Override
	public Optional<Submission> find(UUID submissionId) {
		return this.repository.findForLead(submissionId);
	}

	@Override
	public void erasePersonalData(UUID submissionId) {
		this.repository.eraseReferrer(submissionId);
		this.reading.erase(submissionId, this.clock.instant());
	}

	@Override
	public List<PageRead> readingHistory(UUID submissionId) {
		return this.reading.find(submissionId);
	}

}
