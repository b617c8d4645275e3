package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.northbeam.assessment.brief.CallPrep;
import com.northbeam.assessment.brief.Responsibility;
import com.northbeam.assessment.scoring.ResultChanges;
import tools.jackson.databind.JsonNode;

/**
 * Everything the dashboard shows about one lead; {@code callPrep} and
 * {@code responsibility} are {@code null} when the lead has no result to derive them
 * from. {@code respondents} lists who answered for the company: the lead's own contact,
 * then a colleague invited to answer the technical questions, if any. {@code assessments}
 * is its history: the first assessment and every retake, oldest first, each retake with
 * what changed.
 */
record LeadDetail(UUID id, int version, Contact contact, String status, String owner, String lostReason, int priority,
		JsonNode priorityFactors, String recommendation, List<Answer> answers, JsonNode result, JsonNode cost,
		Attribution attribution, Consultation consultation, List<TimelineEntry> timeline, Instant createdAt,
		Instant updatedAt, boolean erased, CallPrep callPrep, Responsibility responsibility,
		List<Respondent> respondents, Response response, List<Assessment> assessments) {

	/**
	 * One person who answered for the company.
	 *
	 * @param role {@code respondent} (the lead's contact) or {@code colleague}
	 * @param submissionId for a colleague, the assessment they were invited to answer for
	 * (what names them to erase them); {@code null} for the lead's contact
	 * @param name {@code null} once erased, and for a colleague who has not answered yet
	 * @param disagreements the questions (their labels) where the colleague's answer
	 * differed (and was used, being technical)
	 */
	record Respondent(String role, UUID submissionId, String name, String email, String consentVersion,
			Instant consentedAt, Instant invitedAt, Instant answeredAt, List<String> disagreements, boolean erased) {
	}

	/**
	 * The lead against the response target: its first contact and the working time it
	 * waited for it (unknown for leads contacted before it was recorded), or while nobody
	 * has contacted it, the working time waited so far and whether that is past the
	 * target; when it was announced as overdue.
	 */
	record Response(int targetMinutes, Instant firstContactAt, Long firstContactSeconds, Long waitingSeconds,
			boolean overdue, Instant overdueNotifiedAt) {
	}

	record Contact(String name, String email, String company, String phone, String role) {
	}

	record Answer(String questionId, String question, List<Value> values) {
	}

	record Value(String code, String label) {
	}

	record Attribution(@JsonProperty("utm_source") String utmSource, @JsonProperty("utm_medium") String utmMedium,
			@JsonProperty("utm_campaign") String utmCampaign, String referrer, String landing) {
	}

	record Consultation(String preferredTimes, String message, Instant requestedAt) {
	}

	/**
	 * An entry of the timeline; {@code read} is the page read, for entries of kind
	 * {@code read}.
	 */
	record TimelineEntry(Instant at, String actor, String kind, String detail,
			@JsonInclude(JsonInclude.Include.NON_NULL) PageRead read) {

		TimelineEntry(Instant at, String actor, String kind, String detail) {
			this(at, actor, kind, detail, null);
		}

		static TimelineEntry read(LeadSubmissions.PageRead page) {
			return new TimelineEntry(page.viewedAt(), null, "read", null, new PageRead(page.slug(), page.title(),
					page.section(), page.sectionTitle(), page.afterAssessment()));
		}

	}

	/**
	 * An article or guide section the prospect read, before or after the assessment.
	 */
	record PageRead(String slug, String title, @JsonInclude(JsonInclude.Include.NON_NULL) String section,
			@JsonInclude(JsonInclude.Include.NON_NULL) String sectionTitle, boolean afterAssessment) {
	}

	/**
	 * One assessment of the lead.
	 *
	 * @param assistedBy the staff member who took it with the prospect, or {@code null}
	 * @param retakeOf the assessment it retakes, or {@code null} for the first
	 * @param changes what changed since {@code retakeOf}, or {@code null}
	 */
	record Assessment(UUID submissionId, Instant takenAt, String assistedBy, UUID retakeOf, Integer rulesVersion,
			String recommendation, JsonNode fit, ResultChanges.Changes changes) {
	}

}
