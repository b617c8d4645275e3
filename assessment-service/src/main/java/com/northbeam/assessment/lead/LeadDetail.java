package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.northbeam.assessment.brief.CallPrep;
import com.northbeam.assessment.brief.Responsibility;
import com.northbeam.assessment.scoring.ResultChanges;
import tools.jackson.databind.JsonNode;

/**
 * Everything the dashboard shows about one lead; {@code callPrep} and
 * {@code responsibility} are {@code null} when the lead has no result to derive them
 * from. {@code assessments} is its history: the first assessment and every retake, oldest
 * first, each retake with what changed.
 */
record LeadDetail(UUID id, int version, Contact contact, String status, String owner, String lostReason, int priority,
		JsonNode priorityFactors, String recommendation, List<Answer> answers, JsonNode result, JsonNode cost,
		Attribution attribution, Consultation consultation, List<TimelineEntry> timeline, Instant createdAt,
		Instant updatedAt, boolean erased, CallPrep callPrep, Responsibility responsibility,
		List<Assessment> assessments) {

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

	record TimelineEntry(Instant at, String actor, String kind, String detail) {
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
