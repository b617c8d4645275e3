package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;

/**
 * What a result shows of a colleague invited to answer the technical questions: when
 * invited and answered, and each question the two respondents answered differently.
 * Absent from a result until a colleague is invited.
 */
public record ResultColleague(Instant invitedAt, Instant answeredAt, List<Disagreement> disagreements) {

	public ResultColleague {
		disagreements = (disagreements != null) ? List.copyOf(disagreements) : List.of();
	}

	public boolean answered() {
		return answeredAt != null;
	}

	/**
	 * @param used {@code colleague} or {@code respondent}: whose answer the result used
	 */
	public record Disagreement(String question, String domain, List<String> respondent, List<String> colleague,
			String used) {

		public Disagreement {
			respondent = (respondent != null) ? List.copyOf(respondent) : List.of();
			colleague = (colleague != null) ? List.copyOf(colleague) : List.of();
		}

	}

}
