package com.northbeam.gateway.client;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Adds pages read after the assessment to the reading history of its submission. */
@Component
public class ReadingHistoryClient {

	private static final Caller SUBMITTING = Caller.gateway("submissions:write");

	private final AssessmentApi assessment;

	ReadingHistoryClient(AssessmentApi assessment) {
		this.assessment = assessment;
	}

	/**
	 * Adds one page; the same {@code pageId} again adds nothing.
	 * @return {@code false} when the service does not know the submission (yet), so the
	 * caller keeps the page and tries again later
	 * @throws SubmissionRejectedException when the service refuses the page
	 * @throws ServiceUnavailableException when the service cannot take it now
	 */
	public boolean addPageRead(UUID submissionId, UUID pageId, PageRead page) {
		try {
			assessment.addPageRead(SUBMITTING, submissionId, pageId, page);
			return true;
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND)) {
				return false;
			}
			throw refusal.is(HttpStatus.BAD_REQUEST) ? Refusals.submission(refusal)
					: new ServiceRefusedException(refusal);
		}
	}

}
