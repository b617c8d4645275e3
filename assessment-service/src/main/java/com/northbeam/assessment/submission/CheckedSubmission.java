package com.northbeam.assessment.submission;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.northbeam.assessment.cost.CostInputs;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.submission.SubmissionRequest.Attribution;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;

/**
 * A submission that passed every check, with trimmed values and hidden questions
 * answered. {@code screening} holds what the gateway saw that looks automated.
 * {@code contact} and {@code consentVersion} are {@code null} when the contact details
 * come later. {@code readingHistory} holds the pages read before the assessment, perhaps
 * none.
 */
record CheckedSubmission(UUID id, Questionnaire questionnaire, Answers answers, CostInputs costs, Contact contact,
		String consentVersion, Attribution attribution, Set<Suspicion> screening,
		List<ReadingHistory.Page> readingHistory) {

	boolean hasContact() {
		return this.contact != null;
	}

}
