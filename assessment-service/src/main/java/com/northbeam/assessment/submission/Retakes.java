package com.northbeam.assessment.submission;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadIntake;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.scoring.ResultChanges;
import com.northbeam.assessment.scoring.ResultChanges.Changes;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.scoring.Scoring;
import com.northbeam.assessment.scoring.ScoringRules;
import com.northbeam.assessment.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retakes: a submission that starts from an earlier result, named by the gateway's signed
 * reference. A retake of a result on a lead lands on that same lead (its newest
 * assessment, with the lead's contact details and consent), creates no new lead and sends
 * no notification; its result carries what changed since the earlier one ({@code retake},
 * see {@link ResultChanges}). A retake that the gateway found suspicious, or of a result
 * without a lead, stays off any lead and asks for contact details like any result without
 * them.
 */
@Component
class Retakes {

	private static final Logger log = LoggerFactory.getLogger(Retakes.class);

	private final RetakeReferences references;

	private final SubmissionRepository submissions;

	private final RetakeTargetRepository targets;

	private final ResultRepository results;

	private final LeadIntake leads;

	private final Scoring scoring;

	private final Questionnaires questionnaires;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	private final SubmissionMetrics metrics;

	Retakes(RetakeReferences references, SubmissionRepository submissions, RetakeTargetRepository targets,
			ResultRepository results, LeadIntake leads, Scoring scoring, Questionnaires questionnaires,
			ObjectMapper json, TransactionTemplate transactions, SubmissionMetrics metrics) {
		this.transactions = transactions;
		this.metrics = metrics;
		this.references = references;
		this.submissions = submissions;
		this.targets = targets;
		this.results = results;
		this.leads = leads;
		this.scoring = scoring;
		this.questionnaires = questionnaires;
		this.json = json;
	}

	/**
	 * A retake about to be stored.
	 *
	 * @param previous the submission it started from
	 * @param lead the lead it lands on, or {@code null}
	 * @param contactFrom the submission whose contact details and consent it shares, or
	 * {@code null} when it is on no lead
	 * @param assistedBy the staff member who took it with the prospect, or {@code null}
	 */
	record Start(UUID previous, UUID lead, UUID contactFrom, String assistedBy) {
	}

	/**
	 * Checks a retake's reference and finds where it lands.
	 * @throws InvalidInputException naming {@code retake} when the reference is not
	 * valid, names no stored submission, or comes with contact details
	 */
	Start start(SubmissionRequest request, CheckedSubmission submission) {
		try {
			return find(request, submission);
		}
		catch (InvalidInputException ex) {
			this.metrics.count(SubmissionMetrics.Outcome.REFUSED);
			throw ex;
		}
	}

	private Start find(SubmissionRequest request, CheckedSubmission submission) {
		RetakeReferences.Reference reference = this.references.read(request.retake());
		if (!request.defersContact()) {
			throw InvalidInputException.of("contactLater",
					"must be true for a retake: it keeps the contact details of the result it retakes");
		}
		RetakeTargetRepository.RetakeTarget target = this.targets.find(reference.previous())
			.orElseThrow(() -> InvalidInputException.of("retake", "refers to no stored result"));
		if (target.id().equals(submission.id())) {
			throw InvalidInputException.of("retake", "refers to the submission itself");
		}
		Optional<UUID> lead = (target.contactFrom() != null) ? this.leads.leadOf(target.id()) : Optional.empty();
		if (lead.isPresent() && !submission.screening().isEmpty()) {
			log.info("Retake {} looks automated ({}); it stays off its lead", submission.id(),
					Suspicion.store(submission.screening()));
			lead = Optional.empty();
		}
		return new Start(target.id(), lead.orElse(null), lead.isPresent() ? target.contactFrom() : null,
				reference.assistedBy());
	}

	/**
	 * Stores a retake and puts it on its lead in one transaction; {@code false} when it
	 * was stored before (see {@link SubmissionRepository#insert}).
	 */
	boolean store(Start start, SubmissionRepository.NewSubmission submission) {
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			if (!this.submissions.insert(submission)) {
				return false;
			}
			attach(start, submission.submission().id(), submission.score(), submission.body(), submission.createdAt());
			return true;
		}));
	}

	/**
	 * Puts a retake just stored on its lead, in the caller's transaction, with a line on
	 * the lead's timeline saying what changed.
	 */
	private void attach(Start start, UUID id, Score score, String body, Instant now) {
		if (start.lead() == null) {
			return;
		}
		Changes changes = changes(start.previous(), this.json.readTree(body)).orElse(null);
		String summary = (changes != null) ? ResultChanges.summary(changes, modelNames(score.rulesVersion()))
				: "no earlier result to compare with";
		this.leads.retaken(new LeadIntake.Retake(start.lead(), start.previous(), id, score.recommendation(),
				score.priority().score(), start.assistedBy(), summary, now));
	}

	/** A result body with what changed since the result it retakes, if it is a retake. */
	String withChanges(String body, UUID retakeOf) {
		if (retakeOf == null || !body.startsWith("{") || body.length() <= 2) {
			return body;
		}
		return changes(retakeOf, this.json.readTree(body))
			.map((changes) -> "{\"retake\":" + this.json.writeValueAsString(changes) + "," + body.substring(1))
			.orElse(body);
	}

	private Optional<Changes> changes(UUID previous, JsonNode after) {
		return this.results.findNewest(previous)
			.map((before) -> ResultChanges.compare(this.json.readTree(before), after,
					this.questionnaires.version(after.path("questionnaireVersion").asInt())));
	}

	private Map<String, String> modelNames(int rulesVersion) {
		return this.scoring.rules(rulesVersion).map(ScoringRules::models).orElse(Map.of());
	}

}
