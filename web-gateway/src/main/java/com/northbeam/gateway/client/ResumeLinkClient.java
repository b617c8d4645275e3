package com.northbeam.gateway.client;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Has assessment-service email a prospect the link to finish their assessment later (it
 * sends it through its outbox).
 */
@Component
public class ResumeLinkClient {

	private static final Caller SUBMITTING = Caller.gateway("submissions:write");

	private final AssessmentApi assessment;

	ResumeLinkClient(AssessmentApi assessment) {
		this.assessment = assessment;
	}

	/** The email with a link to finish an assessment later, until {@code expiresAt}. */
	public record ResumeLink(String email, String link, Instant expiresAt) {
	}

	/**
	 * @throws SubmissionRejectedException when the service refuses the address
	 * @throws ServiceUnavailableException when the service cannot take it now
	 * @throws ServiceRefusedException when the service refuses the gateway's call itself
	 */
	public void send(ResumeLink link) {
		try {
			assessment.sendResumeLink(SUBMITTING, link);
		}
		catch (Refusal refusal) {
			throw refusal.is(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_CONTENT) ? Refusals.submission(refusal)
					: new ServiceRefusedException(refusal);
		}
	}

}
