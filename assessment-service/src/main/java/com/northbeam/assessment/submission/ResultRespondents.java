package com.northbeam.assessment.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a result shows of a second respondent: the colleague invited to answer the
 * technical questions, and where the two answered differently. The colleague feature
 * builds on submissions, so this feature does not call it; it declares this and the
 * colleague feature implements it. Nothing here is personal data, since a result is shown
 * to whoever knows the submission id.
 */
public interface ResultRespondents {

	/**
	 * The colleague's part of a submission's result, shown as its {@code colleague}
	 * member; empty when no colleague was invited.
	 */
	Optional<Colleague> forResult(UUID submissionId);

	/**
	 * @param invitedAt when the newest invitation was sent
	 * @param answeredAt when the colleague answered, or {@code null}
	 * @param disagreements every question the two answered differently
	 */
	record Colleague(Instant invitedAt, Instant answeredAt, List<Disagreement> disagreements) {

		public Colleague {
			disagreements = List.copyOf(disagreements);
		}

	}

	/**
	 * A question the respondent and the colleague answered differently.
	 *
	 * @param domain {@code technical} or {@code business}: which answer the result used
	 * follows from it
	 * @param used {@code colleague} or {@code respondent}: whose answer the result used
	 */
	record Disagreement(String question, String domain, List<String> respondent, List<String> colleague, String used) {

		public Disagreement {
			respondent = List.copyOf(respondent);
			colleague = List.copyOf(colleague);
		}

	}

}
