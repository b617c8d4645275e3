package com.northbeam.assessment.lead;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.scoring.LeadReferences;

import org.springframework.stereotype.Component;

/** Tells the scoring workbench which submissions became leads. */
@Component
public class LeadsOfSubmissions implements LeadReferences {

	private final LeadsOfSubmissionsRepository repository;

	LeadsOfSubmissions(LeadsOfSubmissionsRepository repository) {
		this.repository = repository;
	}

	@Override
	public Map<UUID, UUID> leadIds(Collection<UUID> submissionIds) {
		return submissionIds.isEmpty() ? Map.of() : this.repository.leadIds(submissionIds);
	}

}
