package com.northbeam.assessment.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.brief.Briefs;
import com.northbeam.assessment.lead.LeadDetail.Answer;
import com.northbeam.assessment.lead.LeadDetail.TimelineEntry;
import com.northbeam.assessment.lead.LeadDetail.Value;
import com.northbeam.assessment.lead.LeadRepository.LeadRecord;
import com.northbeam.assessment.lead.LeadSubmissions.Submission;
import com.northbeam.assessment.lead.LeadTimelineRepository.Event;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.responsetarget.ResponseTarget;
import com.northbeam.assessment.responsetarget.ResponseTargets;
import com.northbeam.assessment.scoring.ResultChanges;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Puts together everything the dashboard shows about one lead: the lead, the submission
 * it came from (answers labelled by their questionnaire, result, attribution), its
 * consultation request and timeline. Not audited: its callers are.
 */
@Component
class LeadDetails {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final LeadRepository leads;

	private final LeadTimelineRepository timeline;

	private final LeadSubmissions submissions;

	private final Questionnaires questionnaires;

	private final ObjectMapper json;

	private final Briefs briefs;

	private final LeadRespondents respondents;

	private final ResponseTargets targets;

	private final Clock clock;

	private final LeadAssessmentRepository assessments;

	LeadDetails(LeadRepository leads, LeadTimelineRepository timeline, LeadSubmissions submissions,
			Questionnaires questionnaires, ObjectMapper json, Briefs briefs, LeadRespondents respondents,
			ResponseTargets targets, Clock clock, LeadAssessmentRepository assessments) {
		this.assessments = assessments;
		this.briefs = briefs;
		this.respondents = respondents;
		this.targets = targets;
		this.clock = clock;
		this.leads = leads;
		this.timeline = timeline;
		this.submissions = submissions;
		this.questionnaires = questionnaires;
		this.json = json;
	}

	/** A stored lead with its submission. */
	record Found(LeadRecord lead, Submission submission) {
	}

	Found find(UUID id) {
		LeadRecord lead = this.leads.find(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
		Submission submission = this.submissions.find(lead.submissionId())
			.orElseThrow(() -> new IllegalStateException("Lead " + id + " has no submission"));
		return new Found(lead, submission);
	}

	LeadDetail detail(UUID id) {
		return detail(find(id));
	}

	LeadDetail detail(Found found) {
		LeadRecord lead = found.lead();
		Submission submission = found.submission();
		JsonNode result = (submission.result() != null) ? this.json.readTree(submission.result())
				: this.json.createObjectNode();
		JsonNode cost = result.path("cost");
		JsonNode priorityFactors = result.path("priority").path("factors");
		if (result instanceof ObjectNode object) {
			object.remove("answers");
			object.remove("cost");
		}
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(new TimelineEntry(lead.createdAt(), "prospect", "created", "from " + lead.source()));
		for (Event event : this.timeline.events(lead.id())) {
			entries.add(new TimelineEntry(event.at(), event.actor(), event.kind(), event.detail()));
		}
		// A lead has a handful of assessments (the first, each retake); listed once for
		// the
		// reading history, the respondents and the history below.
		List<LeadAssessmentRepository.Assessment> assessed = this.assessments.list(lead.id());
		mergeReading(entries, readingHistory(assessed));
		LeadDetail.Consultation consultation = this.timeline.consultation(lead.id())
			.map((c) -> new LeadDetail.Consultation(c.preferredTimes(), c.message(), c.requestedAt()))
			.orElse(null);
		return new LeadDetail(lead.id(), lead.version(),
				new LeadDetail.Contact(lead.name(), lead.email(), lead.company(), lead.phone(), lead.role()),
				lead.status(), lead.owner(), lead.lostReason(), lead.priority(),
				priorityFactors.isMissingNode() ? this.json.createArrayNode() : priorityFactors, lead.recommendation(),
				answers(submission), result, cost.isMissingNode() ? null : cost,
				new LeadDetail.Attribution(submission.utmSource(), submission.utmMedium(), submission.utmCampaign(),
						submission.referrer(), submission.landing()),
				consultation, entries, lead.createdAt(), lead.updatedAt(), lead.erasedAt() != null,
				this.briefs.callPrep(submission.result()).orElse(null),
				this.briefs.responsibility(lead.id(), submission.result()).orElse(null),
				respondents(lead, submission, assessed), response(lead),
				history(assessed, lead.submissionId(), submission));
	}

	private List<LeadDetail.Respondent> respondents(LeadRecord lead, Submission submission,
			List<LeadAssessmentRepository.Assessment> assessed) {
		List<LeadDetail.Respondent> respondents = new ArrayList<>();
		respondents
			.add(new LeadDetail.Respondent("respondent", null, lead.name(), lead.email(), submission.consentVersion(),
					submission.consentedAt(), null, lead.createdAt(), List.of(), lead.erasedAt() != null));
		for (LeadAssessmentRepository.Assessment assessment : assessed) {
			this.respondents.colleague(assessment.submissionId())
				.ifPresent((colleague) -> respondents.add(new LeadDetail.Respondent("colleague",
						assessment.submissionId(), colleague.name(), colleague.email(), colleague.consentVersion(),
						colleague.consentedAt(), colleague.invitedAt(), colleague.answeredAt(),
						colleague.disagreements(), colleague.erased())));
		}
		return respondents;
	}

	/**
	 * The pages read around every assessment of the lead (the first, each retake), in
	 * time order.
	 */
	List<LeadSubmissions.PageRead> readingHistory(UUID leadId) {
		return readingHistory(this.assessments.list(leadId));
	}

	private List<LeadSubmissions.PageRead> readingHistory(List<LeadAssessmentRepository.Assessment> assessed) {
		List<LeadSubmissions.PageRead> pages = new ArrayList<>();
		for (LeadAssessmentRepository.Assessment assessment : assessed) {
			pages.addAll(this.submissions.readingHistory(assessment.submissionId()));
		}
		pages.sort(Comparator.comparing(LeadSubmissions.PageRead::viewedAt));
		return pages;
	}

	/**
	 * Places each page read among the entries by time, leaving the order of the others as
	 * it is.
	 */
	static void mergeReading(List<TimelineEntry> entries, List<LeadSubmissions.PageRead> pages) {
		int position = 0;
		for (LeadSubmissions.PageRead page : pages) {
			while (position < entries.size() && !entries.get(position).at().isAfter(page.viewedAt())) {
				position++;
			}
			entries.add(position++, TimelineEntry.read(page));
		}
	}

	private LeadDetail.Response response(LeadRecord lead) {
		Instant now = this.clock.instant();
		ResponseTarget target = this.targets.current();
		SpeedToLead speed = SpeedToLead.of(lead.createdAt(), lead.firstContactAt(), target, target.overdueCutoff(now),
				now);
		return new LeadDetail.Response(target.minutes(), lead.firstContactAt(), lead.firstContactSeconds(),
				speed.waitingSeconds(), speed.overdue(), lead.overdueNotifiedAt());
	}

	/**
	 * The lead's assessments, oldest first, each retake compared with the result it
	 * started from. A lead has a handful, so each is read on its own; {@code current},
	 * the lead's newest ({@code currentId}), is already read.
	 */
	private List<LeadDetail.Assessment> history(List<LeadAssessmentRepository.Assessment> assessed, UUID currentId,
			Submission current) {
		Map<UUID, JsonNode> results = new HashMap<>();
		List<LeadDetail.Assessment> history = new ArrayList<>();
		for (LeadAssessmentRepository.Assessment assessment : assessed) {
			Optional<Submission> submission = assessment.submissionId().equals(currentId) ? Optional.of(current)
					: this.submissions.find(assessment.submissionId());
			JsonNode result = submission.map(Submission::result).map(this.json::readTree).orElse(null);
			UUID retakeOf = submission.map(Submission::retakeOf).orElse(null);
			ResultChanges.Changes changes = null;
			if (result != null && retakeOf != null) {
				JsonNode before = results.computeIfAbsent(retakeOf, (
						id) -> this.submissions.find(id).map(Submission::result).map(this.json::readTree).orElse(null));
				if (before != null) {
					changes = ResultChanges.compare(before, result,
							this.questionnaires.version(result.path("questionnaireVersion").asInt()));
				}
			}
			if (result != null) {
				results.put(assessment.submissionId(), result);
			}
			history.add(new LeadDetail.Assessment(assessment.submissionId(), assessment.takenAt(),
					assessment.assistedBy(), retakeOf,
					(result != null && result.has("rulesVersion")) ? result.path("rulesVersion").asInt() : null,
					(result != null) ? result.path("recommendation").asString(null) : null,
					(result != null) ? result.path("fit") : null, changes));
		}
		return history;
	}

	List<Answer> answers(Submission submission) {
		Map<String, List<String>> values = this.json.readValue(submission.answers(), ANSWERS);
		Optional<Questionnaire> questionnaire = this.questionnaires.version(submission.questionnaireVersion());
		List<Answer> answers = new ArrayList<>();
		if (questionnaire.isEmpty()) {
			values.forEach((id, codes) -> answers
				.add(new Answer(id, id, codes.stream().map((code) -> new Value(code, code)).toList())));
			return answers;
		}
		for (Question question : questionnaire.get().questions()) {
			List<String> codes = values.get(question.id());
			if (codes != null) {
				answers.add(new Answer(question.id(), question.label(),
						codes.stream()
							.map((code) -> new Value(code, question.optionLabel(code).orElse(code)))
							.toList()));
			}
		}
		return answers;
	}

}
