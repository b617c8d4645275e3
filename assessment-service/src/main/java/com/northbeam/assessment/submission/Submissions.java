package com.northbeam.assessment.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.cost.CostInputs;
import com.northbeam.assessment.cost.Costs;
import com.northbeam.assessment.lead.LeadIntake;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.scoring.Scoring;
import com.northbeam.assessment.submission.SubmissionRepository.NewSubmission;
import com.northbeam.assessment.submission.SubmissionRepository.NewestScore;
import com.northbeam.assessment.submission.SubmissionRequest.Attribution;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes submissions in, scores and prices them and stores them once ({@link Rescores}
 * scores them again on request). A submission with contact details gets its lead
 * ({@link LeadIntake}) in the transaction that stores its consent, so there is exactly
 * one lead per consent; one that looks automated ({@link Screening}) is held in
 * {@link Quarantine} instead, in that same transaction.
 */
@Service
class Submissions {

	private final SubmissionValidator validator;

	private final SubmissionRepository repository;

	private final ResultRepository results;

	private final LeadIntake leads;

	private final Scoring scoring;

	private final Costs costs;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final SubmissionMetrics metrics;

	private final Screening screening;

	private final QuarantineRepository quarantine;

	private final ReadingRepository reading;

	private final CompanySizes companySizes;

	private final Retakes retakes;

	Submissions(SubmissionValidator validator, SubmissionRepository repository, ResultRepository results,
			LeadIntake leads, Scoring scoring, Costs costs, ObjectMapper json, Clock clock,
			TransactionTemplate transactions, SubmissionMetrics metrics, Screening screening,
			QuarantineRepository quarantine, ReadingRepository reading, CompanySizes companySizes, Retakes retakes) {
		this.reading = reading;
		this.companySizes = companySizes;
		this.retakes = retakes;
		this.screening = screening;
		this.quarantine = quarantine;
		this.validator = validator;
		this.repository = repository;
		this.results = results;
		this.leads = leads;
		this.scoring = scoring;
		this.costs = costs;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.metrics = metrics;
	}

	/**
	 * The stored result as JSON, and whether this call created it; {@code computed} when
	 * this call has just stored its first result (else {@code null}).
	 */
	record Outcome(UUID id, boolean created, String result, Computed computed) {

		Outcome(UUID id, boolean created, String result) {
			this(id, created, result, null);
		}

	}

	/**
	 * A result this call has just computed and stored: what derives from it is derived
	 * from these rather than from its stored JSON, and nothing (such as a colleague's
	 * invitation) can have been added to the submission yet.
	 */
	record Computed(Answers answers, String recommendation) {
	}

	Outcome submit(SubmissionRequest request) {
		CheckedSubmission submission = check(request);
		Retakes.Start retake = (request.retake() != null) ? this.retakes.start(request, submission) : null;
		Score score = this.scoring.score(submission.answers());
		CostComparison cost = this.costs.compare(submission.answers(), submission.costs());
		// Stored with microseconds, as PostgreSQL keeps them, so the body and the row
		// agree.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String body = this.json
			.writeValueAsString(SubmissionResult.of(submission.id(), submission.answers(), score, cost, now, now));
		String answersJson = this.json.writeValueAsString(submission.answers().values());
		String fingerprint = Screening.fingerprint(submission, answersJson);
		NewSubmission newSubmission = new NewSubmission(submission, answersJson,
				(submission.costs() != CostInputs.NONE) ? this.json.writeValueAsString(submission.costs()) : null,
				score, cost, body, fingerprint, now, (retake != null) ? retake.previous() : null,
				(retake != null) ? retake.contactFrom() : null);
		// Whatever looks automated is held for staff, never dropped: the prospect gets
		// the same result either way. Whether it repeats an earlier one is asked by the
		// statement that stores it.
		Set<Suspicion> reasons = EnumSet.noneOf(Suspicion.class);
		Instant repeatSince = this.screening.repeatSince(now);
		boolean created = once(() -> {
			if (retake != null) {
				if (submission.hasContact()) {
					reasons.addAll(
							this.screening.reasons(submission, this.repository.seenSince(newSubmission, repeatSince)));
				}
				return this.retakes.store(retake, newSubmission);
			}
			if (!submission.hasContact() && submission.readingHistory().isEmpty()) {
				return this.repository.insert(newSubmission);
			}
			return this.transactions.execute((tx) -> {
				SubmissionRepository.Stored stored = this.repository.insert(newSubmission, repeatSince);
				if (!stored.stored()) {
					return false;
				}
				if (submission.hasContact()) {
					reasons.addAll(this.screening.reasons(submission, stored.seen()));
				}
				this.reading.insertBefore(submission.id(), submission.readingHistory());
				if (submission.hasContact() && reasons.isEmpty()) {
					this.leads.create(submission.contact()
						.newLead(submission.id(), score.recommendation(), score.priority().score(),
								submission.attribution(), submission.answers().code(CompanySizes.QUESTION), now));
				}
				else if (submission.hasContact()) {
					this.quarantine.insert(new QuarantineRepository.Held(submission.id(), reasons, submission.contact(),
							submission.attribution().source(), now));
				}
				return true;
			});
		});
		this.metrics.countTakenIn(created, !reasons.isEmpty());
		if (created && retake == null) {
			return new Outcome(submission.id(), true, withContactState(body, submission.hasContact()),
					new Computed(submission.answers(), score.recommendation()));
		}
		String stored = result(submission.id())
			.orElseThrow(() -> new IllegalStateException("Submission " + submission.id() + " exists without a result"));
		return new Outcome(submission.id(), created, stored);
	}

	private CheckedSubmission check(SubmissionRequest request) {
		try {
			return this.validator.check(request);
		}
		catch (InvalidInputException ex) {
			this.metrics.count(SubmissionMetrics.Outcome.REFUSED);
			throw ex;
		}
	}

	/**
	 * Runs a store that refuses to store twice; {@code false} when it did not store. A
	 * row stored before (or concurrently) makes it either insert nothing (PostgreSQL's
	 * {@code ON CONFLICT DO NOTHING}) or throw a duplicate key (the embedded database,
	 * and a second result of the same rules version), which has rolled its transaction
	 * back.
	 */
	static boolean once(Supplier<Boolean> store) {
		try {
			return Boolean.TRUE.equals(store.get());
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The newest result, with whether the prospect has given contact details. */
	Optional<String> result(UUID id) {
		return this.results.findNewestWithContactState(id)
			.map((stored) -> withContactState(this.retakes.withChanges(stored.body(), stored.retakeOf()),
					stored.contactGiven()));
	}

	/**
	 * Adds contact details and consent to a submission made with {@code contactLater}:
	 * the lead appears now, with its notification, unless they look automated (then they
	 * wait in quarantine). Details given before are kept as they are.
	 * @return the result, and whether this call created the lead
	 */
	Outcome addContact(UUID id, ContactRequest request) {
		SubmissionRepository.ContactTarget target = this.repository.findContactTarget(id)
			.orElseThrow(() -> new NotFoundException("There is no submission " + id));
		Set<Suspicion> reasons = EnumSet.noneOf(Suspicion.class);
		Contact contact = this.validator.checkLateContact(target.questionnaireVersion(), request, reasons);
		if (this.screening.disposable(contact.email())) {
			reasons.add(Suspicion.DISPOSABLE_EMAIL);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean created = !target.contactGiven() && once(() -> this.transactions.execute((tx) -> {
			Optional<NewestScore> score = this.repository.addConsent(id, request.consent().textVersion(), now);
			score.ifPresent((newest) -> {
				if (reasons.isEmpty()) {
					this.leads.create(contact.newLead(id, newest.recommendation(), newest.priority(),
							target.attribution(), this.companySizes.companySize(id), now));
				}
				else {
					this.quarantine.insert(
							new QuarantineRepository.Held(id, reasons, contact, target.attribution().source(), now));
				}
			});
			return score.isPresent();
		}));
		return new Outcome(id, created, result(id).orElseThrow());
	}

	/**
	 * The stored result body stays as computed; whether contact details were given
	 * changes later, so it is added as the first member on the way out.
	 */
	private static String withContactState(String body, boolean contactGiven) {
		String member = "\"contactGiven\":" + contactGiven;
		return body.equals("{}") ? "{" + member + "}" : "{" + member + "," + body.substring(1);
	}

	List<String> results(UUID id) {
		return this.results.findAll(id);
	}

}
