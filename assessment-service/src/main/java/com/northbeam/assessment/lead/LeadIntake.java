package com.northbeam.assessment.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.lead.LeadTimelineRepository.Consultation;
import com.northbeam.assessment.lead.LeadTimelineRepository.Event;
import com.northbeam.assessment.routing.Routing;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * What prospects bring in: the submission feature creates a submission's lead when its
 * contact details are stored and moves it with each new result, in its own transaction;
 * prospects ask for a consultation. New leads and consultation requests are announced
 * with a {@link LeadEvent}, published inside the transaction that stores them.
 */
@Service
public class LeadIntake {

	private final LeadRepository repository;

	private final LeadTimelineRepository timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final Audit audit;

	private final Routing routing;

	private final LeadAssessmentRepository assessments;

	LeadIntake(LeadRepository repository, LeadTimelineRepository timeline, ApplicationEventPublisher events,
			Clock clock, TransactionTemplate transactions, MeterRegistry meters, Audit audit, Routing routing,
			LeadAssessmentRepository assessments) {
		this.assessments = assessments;
		this.audit = audit;
		this.routing = routing;
		this.repository = repository;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
		this.meters = meters;
	}

	/**
	 * A submission's new lead: the prospect's contact details, the recommendation and
	 * priority of the submission's newest result, where the prospect came from, and the
	 * company size answered (for routing; {@code null} when not answered).
	 */
	public record NewLead(UUID submissionId, String name, String email, String company, String phone, String role,
			String recommendation, int priority, String source, String companySize, Instant createdAt) {
	}

	/**
	 * Creates the lead of a submission in the caller's transaction, which has just stored
	 * the submission's contact consent, gives it its owner by the routing rules, and
	 * announces it. Returns its id.
	 */
	public UUID create(NewLead lead) {
		requireTransaction();
		UUID id = UUID.randomUUID();
		Routing.Decision routed = this.routing.route(id,
				new Routing.Lead(lead.recommendation(), lead.companySize(), lead.priority(), lead.source()),
				lead.createdAt());
		this.repository.insert(id, lead, routed.owner());
		routed.timelineEntry()
			.ifPresent(
					(text) -> this.timeline.addEvent(id, new Event(lead.createdAt(), Routing.ACTOR, "routed", text)));
		this.events.publishEvent(new LeadEvent(UUID.randomUUID(), LeadEvent.LEAD_CREATED, id, lead.createdAt()));
		Counter created = Counter.builder("assessment.leads")
			.description("Leads created, by recommendation")
			.tag("recommendation", lead.recommendation())
			.register(this.meters);
		// Counted once stored: a submission sent twice at once rolls one of them back.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				created.increment();
			}

		});
		return id;
	}

	/**
	 * Moves the lead of a rescored submission, if it has one, to the new result's
	 * recommendation and priority, in the caller's transaction; its timeline and the
	 * audit trail say who rescored it with which rules, and what changed.
	 */
	public void rescored(UUID submissionId, Rescoring rescoring) {
		requireTransaction();
		this.repository.updateScore(submissionId, rescoring.recommendation(), rescoring.priority(), rescoring.at())
			.ifPresent((before) -> {
				String detail = "rules v" + rescoring.fromRulesVersion() + " → v" + rescoring.toRulesVersion() + ": "
						+ before.recommendation() + " → " + rescoring.recommendation() + ", priority "
						+ before.priority() + " → " + rescoring.priority();
				this.timeline.addEvent(before.id(), new Event(rescoring.at(), rescoring.actor(), "rescored", detail));
				this.audit.record(rescoring.actor(), Audit.LEAD_CHANGED, before.id(), "rescored, " + detail,
						rescoring.at());
			});
	}

	/**
	 * Moves the lead of a submission whose colleague has just answered the technical
	 * questions, if it has one, to the merged result, in the caller's transaction. Not a
	 * new lead, so nobody is notified; its timeline says what changed.
	 */
	public void colleagueAnswered(UUID submissionId, ColleagueAnswers answers) {
		requireTransaction();
		this.repository.updateScore(submissionId, answers.recommendation(), answers.priority(), answers.at())
			.ifPresent((before) -> this.timeline.addEvent(before.id(), new Event(answers.at(), "colleague", "colleague",
					"colleague answered the IT questions (" + answers.disagreements() + " answered differently): "
							+ before.recommendation() + " → " + answers.recommendation() + ", priority "
							+ before.priority() + " → " + answers.priority())));
	}

	/** The merged result after a colleague answered, and how many answers differed. */
	public record ColleagueAnswers(String recommendation, int priority, int disagreements, Instant at) {
	}

	/**
	 * The lead, not erased, that has {@code submissionId} among its assessments.
	 */
	public Optional<UUID> leadOf(UUID submissionId) {
		return this.assessments.leadOf(submissionId);
	}

	/**
	 * Puts a retake on its lead in the caller's transaction, which has just stored it: it
	 * becomes the lead's newest assessment, the lead takes its recommendation and
	 * priority, and the timeline and the audit trail say what changed and who took it
	 * (the prospect, or the staff member with them). No {@link LeadEvent}: it is not a
	 * new lead, so nobody is notified as if it were.
	 */
	public void retaken(Retake retake) {
		requireTransaction();
		if (!this.repository.moveToRetake(retake.leadId(), retake.submissionId(), retake.recommendation(),
				retake.priority(), retake.at())) {
			return;
		}
		this.assessments.add(retake.leadId(), retake.submissionId(), retake.assistedBy(), retake.at());
		String actor = (retake.assistedBy() != null) ? retake.assistedBy() : "prospect";
		String detail = ((retake.assistedBy() != null) ? "staff-assisted, with the prospect: " : "") + retake.summary();
		this.timeline.addEvent(retake.leadId(), new Event(retake.at(), actor, "retake", clip(detail, 4000)));
		this.audit.record(actor, Audit.LEAD_CHANGED, retake.leadId(), clip("retaken, " + detail, 1000), retake.at());
	}

	private static String clip(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	/**
	 * A retake of {@code previousSubmissionId}, stored as {@code submissionId}, landing
	 * on {@code leadId}.
	 *
	 * @param assistedBy the staff member who took it with the prospect, or {@code null}
	 * @param summary what changed, in one plain line
	 */
	public record Retake(UUID leadId, UUID previousSubmissionId, UUID submissionId, String recommendation, int priority,
			String assistedBy, String summary, Instant at) {
	}

	/** A submission scored again with newer rules, by {@code actor}. */
	public record Rescoring(int fromRulesVersion, int toRulesVersion, String recommendation, int priority, String actor,
			Instant at) {
	}

	private static void requireTransaction() {
		Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
				"Leads are written in the transaction of their submission");
	}

	/**
	 * Attaches a prospect's consultation request to the lead of {@code submissionId}; the
	 * same request again changes nothing, a different one replaces it. Returns when the
	 * request now held was made.
	 */
	/**
	 * Keeps a consultation request on the lead; one that {@code looksAutomated} is kept
	 * and marked so on the timeline, but nobody is notified.
	 */
	Instant requestConsultation(UUID submissionId, String preferredTimes, String message, boolean looksAutomated) {
		List<FieldError> errors = new ArrayList<>();
		String times = (preferredTimes != null && !preferredTimes.isBlank()) ? preferredTimes.strip() : null;
		String text = (message != null && !message.isBlank()) ? message.strip() : null;
		if (times != null && times.length() > 500) {
			errors.add(new FieldError("preferredTimes", "must be at most 500 characters"));
		}
		if (text != null && text.length() > 2000) {
			errors.add(new FieldError("message", "must be at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return this.transactions.execute((tx) -> {
			UUID leadId = this.repository.lockBySubmission(submissionId)
				.orElseThrow(() -> new NotFoundException("There is no submission " + submissionId));
			Optional<Consultation> existing = this.timeline.consultation(leadId);
			if (existing.isPresent() && same(existing.get().preferredTimes(), times)
					&& same(existing.get().message(), text)) {
				return existing.get().requestedAt();
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			this.timeline.saveConsultation(leadId, new Consultation(times, text, now));
			this.repository.touch(leadId, now);
			this.timeline.addEvent(leadId, new Event(now, "prospect", "consultation",
					(looksAutomated ? "held, looks automated (the hidden field was filled in); nobody was notified; "
							: "") + ((times != null) ? "preferred times: " + times : "no preferred times")
							+ ((text != null) ? "; " + text : "")));
			if (!looksAutomated) {
				this.events
					.publishEvent(new LeadEvent(UUID.randomUUID(), LeadEvent.CONSULTATION_REQUESTED, leadId, now));
			}
			return now;
		});
	}

	private static boolean same(String a, String b) {
		return (a == null) ? b == null : a.equals(b);
	}

}
