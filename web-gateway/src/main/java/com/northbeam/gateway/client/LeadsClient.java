package com.northbeam.gateway.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of assessment-service's leads API, for the sales dashboard. Every
 * call carries a token issued for the signed-in staff member, so the service's audit
 * trail names the real person.
 */
@Component
public class LeadsClient {

	private final LeadsApi leads;

	LeadsClient(LeadsApi leads) {
		this.leads = leads;
	}

	/**
	 * One page of leads matching {@code filter}, after {@code cursor} (null for the first
	 * page).
	 */
	public LeadPage leads(StaffCaller caller, Filter filter, String cursor, int limit) {
		QueryParams query = filter.query().add("limit", limit).add("after", cursor);
		LeadPage page = Refusals.LEADS.call("leads", () -> leads.leads(Caller.of(caller), query.values()));
		return (page != null) ? page : new LeadPage(List.of(), null);
	}

	public LeadDetail lead(StaffCaller caller, UUID id) {
		return Refusals.LEADS.answer("lead " + id, () -> leads.lead(Caller.of(caller), id));
	}

	/**
	 * Moves the lead in the pipeline; {@code version} is the version the salesperson saw.
	 */
	public LeadDetail changeStatus(StaffCaller caller, UUID id, int version, String status, String lostReason) {
		return Refusals.LEADS.answer("lead " + id, () -> leads.changeStatus(Caller.of(caller), id,
				new LeadsApi.StatusChange(version, status, lostReason)));
	}

	/** Gives the lead to a staff member (email), or to nobody. */
	public LeadDetail assign(StaffCaller caller, UUID id, int version, String owner) {
		return Refusals.LEADS.answer("lead " + id,
				() -> leads.assign(Caller.of(caller), id, new LeadsApi.OwnerChange(version, owner)));
	}

	/**
	 * Adds a note of {@code kind}: {@code note}, or {@code call} or {@code email}, which
	 * count as a contact with the prospect.
	 */
	public void addNote(StaffCaller caller, UUID id, String text, String kind) {
		Refusals.LEADS.run("lead " + id, () -> leads.addNote(Caller.of(caller), id, new LeadsApi.Note(text, kind)));
	}

	/**
	 * Copies the CSV export of every lead matching {@code filter} to {@code out} as it
	 * arrives.
	 */
	public void exportCsv(StaffCaller caller, Filter filter, OutputStream out) {
		ResponseEntity<InputStream> export;
		try {
			export = leads.exportCsv(Caller.of(caller), filter.query().values());
		}
		catch (Refusal refusal) {
			throw new ServiceUnavailableException(refusal.service(), refusal);
		}
		try (InputStream csv = export.getBody()) {
			if (csv != null) {
				csv.transferTo(out);
			}
		}
		catch (IOException ex) {
			throw new ServiceUnavailableException(ServiceClientConfiguration.ASSESSMENT, ex);
		}
	}

	/**
	 * Changes who owns one function of the lead's matrix; {@code version} is the cell
	 * version the salesperson saw (0 for the proposal). A stale version is refused with a
	 * {@code version} field error.
	 */
	public Brief.Responsibility editResponsibility(StaffCaller caller, UUID id, String function, int version,
			String owner, String note) {
		return Refusals.LEADS.answer("lead " + id, () -> leads.editResponsibility(Caller.of(caller), id, function,
				new LeadsApi.CellEdit(version, owner, note)));
	}

	/** The lead's matrix as CSV ({@code csv}) or Markdown ({@code md}). */
	public String exportResponsibility(StaffCaller caller, UUID id, String format) {
		return Refusals.LEADS.answer("lead " + id, () -> "md".equals(format)
				? leads.responsibilityMarkdown(Caller.of(caller), id) : leads.responsibilityCsv(Caller.of(caller), id));
	}

	/**
	 * The submissions that looked automated and wait for a decision, newest first (scope
	 * {@code quarantine:read}).
	 */
	public List<QuarantinedSubmission> quarantine(StaffCaller caller) {
		List<QuarantinedSubmission> items = Refusals.LEADS.call("quarantine",
				() -> leads.quarantine(Caller.of(caller)));
		return (items != null) ? items : List.of();
	}

	/**
	 * Makes a quarantined submission a lead, with its notification (scope
	 * {@code quarantine:write}).
	 * @throws LeadRejectedException when it was already released or discarded
	 * @throws LeadNotFoundException when there is no such quarantined submission
	 */
	public QuarantineDecision release(StaffCaller caller, UUID submissionId) {
		return Refusals.LEADS.answer("quarantined submission " + submissionId,
				() -> leads.release(Caller.of(caller), submissionId));
	}

	/**
	 * Deletes the contact details of a quarantined submission (scope
	 * {@code quarantine:write}).
	 * @throws LeadRejectedException when it was already released or discarded
	 * @throws LeadNotFoundException when there is no such quarantined submission
	 */
	public QuarantineDecision discard(StaffCaller caller, UUID submissionId) {
		return Refusals.LEADS.answer("quarantined submission " + submissionId,
				() -> leads.discard(Caller.of(caller), submissionId));
	}

	/** A submission held in quarantine, with every reason it looked automated. */
	public record QuarantinedSubmission(UUID submissionId, List<String> reasons, String name, String email,
			String company, String phone, String role, String source, String recommendation, int priority,
			Instant createdAt) {

		public QuarantinedSubmission {
			reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		}

	}

	/** What a release or discard did; {@code leadId} is the new lead of a release. */
	public record QuarantineDecision(UUID submissionId, String status, UUID leadId) {
	}

	/**
	 * What the leads list is narrowed to; empty values mean "any". {@code overdue} keeps
	 * the leads nobody has contacted that waited past the response target.
	 */
	public record Filter(List<String> status, List<String> recommendation, String owner, Integer minPriority,
			Integer maxPriority, LocalDate createdFrom, LocalDate createdTo, String q, String sort, boolean overdue) {

		public Filter {
			status = (status != null) ? List.copyOf(status) : List.of();
			recommendation = (recommendation != null) ? List.copyOf(recommendation) : List.of();
		}

		/** The filter as query parameters; empty values are left out. */
		QueryParams query() {
			QueryParams query = new QueryParams();
			status.forEach((value) -> query.add("status", value));
			recommendation.forEach((value) -> query.add("recommendation", value));
			return query.add("owner", owner)
				.add("minPriority", minPriority)
				.add("maxPriority", maxPriority)
				.add("createdFrom", createdFrom)
				.add("createdTo", createdTo)
				.add("q", q)
				.add("overdue", overdue ? "true" : null)
				.add("sort", sort);
		}

	}

	public record LeadPage(List<LeadRow> items, String nextCursor) {

		public LeadPage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	/**
	 * A lead of the list. While nobody has contacted it, {@code waitingSeconds} is the
	 * working time it has waited and {@code overdue} whether that is past the response
	 * target; once contacted, {@code firstContactSeconds} is the working time that took
	 * (absent for leads contacted before it was recorded).
	 */
	public record LeadRow(UUID id, String name, String company, String email, String recommendation, int priority,
			String status, String owner, Instant createdAt, String source, Instant firstContactAt,
			Long firstContactSeconds, Long waitingSeconds, Boolean overdue) {

		public LeadRow {
			overdue = Boolean.TRUE.equals(overdue);
		}

	}

	public record LeadDetail(UUID id, int version, Contact contact, String status, String owner, String lostReason,
			int priority, List<PriorityFactor> priorityFactors, String recommendation, List<Answer> answers,
			AssessmentClient.SubmissionResult result, AssessmentClient.Cost cost, Attribution attribution,
			Consultation consultation, List<TimelineEntry> timeline, Instant createdAt, Instant updatedAt,
			Boolean erased, Brief.CallPrep callPrep, Brief.Responsibility responsibility, List<Respondent> respondents,
			Response response, List<Assessment> assessments) {

		public LeadDetail {
			assessments = (assessments != null) ? List.copyOf(assessments) : List.of();
			erased = Boolean.TRUE.equals(erased);
			respondents = (respondents != null) ? List.copyOf(respondents) : List.of();
			priorityFactors = (priorityFactors != null) ? List.copyOf(priorityFactors) : List.of();
			answers = (answers != null) ? List.copyOf(answers) : List.of();
			timeline = (timeline != null) ? List.copyOf(timeline) : List.of();
		}

	}

	public record Contact(String name, String email, String company, String phone, String role) {
	}

	/**
	 * The lead against the response target of {@code targetMinutes} working minutes: its
	 * first contact, or how long it has waited so far and whether that is past the
	 * target.
	 */
	public record Response(int targetMinutes, Instant firstContactAt, Long firstContactSeconds, Long waitingSeconds,
			Boolean overdue, Instant overdueNotifiedAt) {

		public Response {
			overdue = Boolean.TRUE.equals(overdue);
		}

	}

	/**
	 * One of a lead's assessments: the first, or a retake with what changed since the one
	 * it retook.
	 *
	 * @param assistedBy the staff member who took it with the prospect, or {@code null}
	 */
	public record Assessment(UUID submissionId, Instant takenAt, String assistedBy, UUID retakeOf, Integer rulesVersion,
			String recommendation, AssessmentClient.Fit fit, Changes changes) {

		public boolean retake() {
			return retakeOf != null;
		}

	}

	public record PriorityFactor(String code, String reason, Double weight) {
	}

	public record Answer(String questionId, String question, List<Choice> values) {

		public Answer {
			values = (values != null) ? List.copyOf(values) : List.of();
		}

	}

	public record Choice(String code, String label) {
	}

	public record Attribution(@JsonProperty("utm_source") String utmSource,
			@JsonProperty("utm_medium") String utmMedium, @JsonProperty("utm_campaign") String utmCampaign,
			String referrer, String landing) {
	}

	public record Consultation(String preferredTimes, String message, Instant requestedAt) {
	}

	/**
	 * An entry of a lead's timeline; {@code read} is the page read, for entries of kind
	 * {@code read}.
	 */
	public record TimelineEntry(Instant at, String actor, String kind, String detail, PageRead read) {

		public TimelineEntry(Instant at, String actor, String kind, String detail) {
			this(at, actor, kind, detail, null);
		}

	}

	/**
	 * An article the prospect read, with the guide section followed if any, before or
	 * after the assessment.
	 */
	public record PageRead(String slug, String title, String section, String sectionTitle, boolean afterAssessment) {
	}

}
