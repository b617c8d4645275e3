package com.northbeam.assessment.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.northbeam.assessment.cost.CostInputs;
import com.northbeam.assessment.lead.LeadIntake;
import tools.jackson.databind.JsonNode;

/**
 * A submission as posted by the gateway; also accepts the body of the gateway's public
 * JSON API. Everything is checked by {@link SubmissionValidator} before anything is
 * stored.
 *
 * @param id the client's idempotency key; generated when absent
 * @param questionnaireVersion the version answered; the current one when absent
 * @param answers question id to a code, or an array of codes for multiple choice
 * @param costs the optional cost figures
 * @param contact who to contact; absent when {@code contactLater} is true
 * @param consent the consent given, with the consent text version shown; absent when
 * {@code contactLater} is true
 * @param attribution where the prospect came from, all optional
 * @param contactLater {@code true} when the prospect sees the result first and may leave
 * contact details afterwards ({@code PUT /api/submissions/{id}/contact}); no lead exists
 * until then
 * @param screening what the gateway saw that looks automated (see {@link Suspicion}),
 * optional
 * @param readingHistory the articles and guide sections the prospect read on the site
 * before the assessment, as the gateway recorded them in the visit's own session;
 * optional, at most {@value ReadingHistory#MAX_PAGES} pages
 * @param retake for a retake, the gateway's signed reference to the result it started
 * from (see {@link RetakeReferences}); it comes with {@code contactLater}, since a retake
 * shares its lead's contact details
 */
record SubmissionRequest(UUID id, Integer questionnaireVersion, JsonNode answers, CostInputs costs, Contact contact,
		Consent consent, Attribution attribution, Boolean contactLater, Screening screening,
		List<PageRead> readingHistory, String retake) {

	boolean defersContact() {
		return Boolean.TRUE.equals(this.contactLater);
	}

	record Contact(String name, String email, String company, String phone, String role) {

		/** The new lead of {@code submissionId}, whose contact this is. */
		LeadIntake.NewLead newLead(UUID submissionId, String recommendation, int priority, Attribution attribution,
				String companySize, Instant now) {
			return new LeadIntake.NewLead(submissionId, this.name, this.email, this.company, this.phone, this.role,
					recommendation, priority, attribution.source(), companySize, now);
		}

	}

	record Consent(Boolean accepted, String textVersion) {
	}

	/**
	 * A page read on the site: an article (its slug and title), and the guide section
	 * followed to it or within it, if any.
	 *
	 * @param slug the article's slug
	 * @param title the article's title when it was read
	 * @param section the anchor of the guide section, optional
	 * @param sectionTitle the heading of that section, optional
	 * @param viewedAt when it was read, an ISO-8601 instant from the year 2000 to 9999
	 */
	record PageRead(String slug, String title, String section, String sectionTitle, String viewedAt) {
	}

	/** The codes of what the gateway saw that looks automated. */
	record Screening(List<String> reasons) {
	}

	record Attribution(@JsonProperty("utm_source") String utmSource, @JsonProperty("utm_medium") String utmMedium,
			@JsonProperty("utm_campaign") String utmCampaign, String referrer, String landing) {

		static final Attribution NONE = new Attribution(null, null, null, null, null);

		/** Where the lead came from, as the lead list shows it. */
		String source() {
			if (this.utmSource != null) {
				return this.utmSource;
			}
			return (this.referrer != null) ? "referral" : "direct";
		}

	}

}
