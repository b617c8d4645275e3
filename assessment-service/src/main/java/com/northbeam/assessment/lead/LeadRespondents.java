package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the lead feature needs of a colleague who answered a lead's technical questions:
 * the lead shows both respondents, exports and erases each one's personal data on its
 * own. The colleague feature builds on leads, so this feature does not call it; it
 * declares this and the colleague feature implements it.
 */
public interface LeadRespondents {

	/**
	 * The colleague of a submission, invited or answered; empty when none was invited.
	 */
	Optional<Colleague> colleague(UUID submissionId);

	/**
	 * Everything held about the colleague of a submission, for a data subject request;
	 * empty when none was invited.
	 */
	Optional<Map<String, Object>> personalData(UUID submissionId);

	/**
	 * Removes the personal data of the colleague of this submission alone (name, email,
	 * the address their invitations went to) in the caller's transaction; their answers
	 * stay in the company result, and others invited keep theirs. Says whether there was
	 * any.
	 */
	boolean eraseColleague(UUID submissionId, Instant at);

	/**
	 * Removes the personal data of everyone invited to answer for this submission, in the
	 * caller's transaction, as when the lead it answered for goes. Says whether there was
	 * any.
	 */
	boolean eraseColleagues(UUID submissionId, Instant at);

	/**
	 * @param name {@code null} until the colleague answers, and once erased
	 * @param consentVersion the consent text version the colleague agreed to when they
	 * answered
	 * @param disagreements the questions (their labels) the two answered differently
	 */
	record Colleague(String name, String email, String consentVersion, Instant consentedAt, Instant invitedAt,
			Instant answeredAt, List<String> disagreements, boolean erased) {

		public Colleague {
			disagreements = List.copyOf(disagreements);
		}

	}

}
