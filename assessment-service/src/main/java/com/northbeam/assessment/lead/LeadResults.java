package com.northbeam.assessment.lead;

import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.brief.BriefLeads;

import org.springframework.stereotype.Component;

/** Gives the brief feature the stored result a lead's brief and matrix come from. */
@Component
public class LeadResults implements BriefLeads {

	private final LeadRepository leads;

	private final LeadSubmissions submissions;

	LeadResults(LeadRepository leads, LeadSubmissions submissions) {
		this.leads = leads;
		this.submissions = submissions;
	}

	@Override
	public Optional<String> storedResult(UUID leadId) {
		return this.leads.find(leadId)
			.map((lead) -> this.submissions.find(lead.submissionId())
				.map(LeadSubmissions.Submission::result)
				.filter((result) -> result != null)
				.orElse("{}"));
	}

}
