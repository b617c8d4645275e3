package com.northbeam.assessment.submission;

import com.northbeam.assessment.submission.SubmissionRequest.Consent;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;

/**
 * Contact details and consent given after the result, for a submission made with
 * {@code contactLater}; {@code screening} is what the gateway saw that looks automated,
 * optional.
 */
record ContactRequest(Contact contact, Consent consent, SubmissionRequest.Screening screening) {
}
