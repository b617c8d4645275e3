package com.northbeam.assessment.submission;

import com.northbeam.assessment.submission.SubmissionRequest.Consent;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;

/**
 * Contact details and consent given after the result, for a submission made with
 * {@code contactLater}.
 */
record ContactRequest(Contact contact, Consent consent) {
}
