package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the lead feature needs of the submission a lead came from. The submission feature
 * creates leads, so the lead feature does not call it; it declares this and the
 * submission feature implements it.
 */
public interface LeadSubmissions {

	/** The stored submission, for a lead's detail and personal data export. */
	Optional<Submission> find(UUID submissionId);

	/**
	 * Removes the personal data a submission holds (the referrer, the reading history)
	 * when its lead is erased.
	 */
	void erasePersonalData(UUID submissionId);

	/** The articles and guide sections the prospect read, oldest first. */
	List<PageRead> readingHistory(UUID submissionId);

	/**
	 * A page the prospect read on the site.
	 *
	 * @param section the anchor of the guide section followed, or {@code null}
	 * @param sectionTitle its heading, or {@code null}
	 * @param afterAssessment whether it was read after the assessment was submitted
	 */
	record PageRead(String slug, String title, String section, String sectionTitle, Instant viewedAt,
			boolean afterAssessment) {
	}

	/**
	 * A stored submission as the lead's detail shows it.
	 *
	 * @param answers the answers as stored JSON (question id to answer codes)
	 * @param result the newest result as stored JSON, or {@code null}
	 * @param consentVersion the consent text version agreed to, or {@code null}
	 * @param retakeOf the submission this one retakes, or {@code null}
	 */
	record Submission(int questionnaireVersion, String answers, String utmSource, String utmMedium, String utmCampaign,
			String referrer, String landing, String result, String consentVersion, Instant consentedAt, UUID retakeOf) {
	}

}
