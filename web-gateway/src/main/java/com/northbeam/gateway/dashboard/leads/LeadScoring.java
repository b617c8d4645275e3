package com.northbeam.gateway.dashboard.leads;

import java.util.List;

import com.northbeam.gateway.client.AdminNotFoundException;
import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import com.northbeam.gateway.client.ScoringWorkbenchClient;
import com.northbeam.gateway.client.ScoringWorkbenchClient.PublishedVersion;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.StaffCaller;

/**
 * What admins see of a lead's scoring: the newest rules version for its questionnaire and
 * every result its submission had, newest rules first. Left out (the page shows the lead
 * without it) when the service cannot tell.
 *
 * @param newestVersion the newest published rules version its answers can be scored with
 * @param results every result, as the service lists them
 */
record LeadScoring(int newestVersion, List<SubmissionResult> results) {

	static LeadScoring of(ScoringWorkbenchClient scoring, StaffCaller caller, SubmissionResult result) {
		if (result == null || result.id() == null) {
			return null;
		}
		try {
			int newest = scoring.versions(caller)
				.stream()
				.filter((version) -> result.questionnaireVersion() == null
						|| version.questionnaireVersion() == result.questionnaireVersion())
				.mapToInt(PublishedVersion::version)
				.max()
				.orElse(0);
			List<SubmissionResult> results = scoring.results(caller, result.id())
				.stream()
				.sorted((a, b) -> Integer.compare(version(b), version(a)))
				.toList();
			return new LeadScoring(newest, results);
		}
		catch (ServiceUnavailableException | AdminNotFoundException | AdminRejectedException ex) {
			return null;
		}
	}

	/** Whether a newer rules version than the one behind {@code result} exists. */
	public boolean newerThan(SubmissionResult result) {
		return newestVersion > version(result);
	}

	static int version(SubmissionResult result) {
		Object version = result.rulesVersion();
		if (version instanceof Number number) {
			return number.intValue();
		}
		try {
			return (version != null) ? Integer.parseInt(version.toString()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
