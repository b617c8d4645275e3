package com.northbeam.assessment.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import com.northbeam.assessment.scoring.ScoringRules;
import com.northbeam.assessment.submission.ResultRepository.StoredSubmission;
import com.northbeam.assessment.submission.SubmissionRepository.NewSubmission;
import com.northbeam.assessment.submission.SubmissionRepository.NewestScore;
import com.northbeam.assessment.submission.SubmissionRequest.Attribution;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;
import com.northbeam.assessment.system.AssessmentProperties;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes submissions in, scores and prices them, stores them once, and rescores them on
 * request. A submission with contact details gets its lead ({@link LeadIntake}) in the
 * transaction that stores its consent, so there is exactly one lead per consent; one that
 * looks automated ({@link Screening}) is held in {@link Quarantine} instead, in that same
 * transaction.
 */
@Service
class Submissions {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final SubmissionValidator validator;

	private final SubmissionRepository repository;

	private final ResultRepository results;

	private final LeadIntake leads;

	private final Scoring scoring;

	private final Costs costs;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final SubmissionMetrics metrics;

	private final Screening screening;

	private final QuarantineRepository quarantine;

	private final ReadingRepository reading;

	private final CompanySizes companySizes;

	private final Retakes retakes;

	Submissions(SubmissionValidator validator, SubmissionRepository repository, ResultRepository results,
			LeadIntake leads, Scoring scoring, Costs costs, ObjectMapper json, Clock clock,
			TransactionTemplate transactions, AssessmentProperties properties, SubmissionMetrics metrics,
			Screening screening, QuarantineRepository quarantine, ReadingRepository reading, CompanySizes companySizes,
			Retakes retakes) {
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
		this.batchSize = properties.rescore().batchSize();
		this.metrics = metrics;
	}

	/** The stored result as JSON, and whether this call created it. */
	record Outcome(UUID id, boolean created, String result) {
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
		// the same result either way.
		Set<Suspicion> reasons = submission.hasContact() ? this.screening.reasons(submission, fingerprint, now)
				: Set.of();
		boolean created = once(() -> {
			if (retake != null) {
				return this.retakes.store(retake, newSubmission);
			}
			if (!submission.hasContact() && submission.readingHistory().isEmpty()) {
				return this.repository.insert(newSubmission);
			}
			return this.transactions.execute((tx) -> {
				if (!this.repository.insert(newSubmission)) {
					return false;
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
			return new Outcome(submission.id(), true, withContactState(body, submission.hasContact()));
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
	private static boolean once(Supplier<Boolean> store) {
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

	/**
	 * Scores a stored submission again with the newest rules for its questionnaire
	 * version and the newest price assumptions, keeping the earlier results, and moves
	 * its lead with the new result. A submission already scored with the newest rules is
	 * left as it is.
	 */
	String rescore(UUID id, String actor) {
		StoredSubmission stored = this.results.findForRescoring(id)
			.orElseThrow(() -> new NotFoundException("There is no submission " + id));
		ScoringRules rules = this.scoring.newest(stored.questionnaireVersion());
		if (stored.newestRulesVersion() >= rules.version()) {
			return this.results.findNewest(id).orElseThrow();
		}
		Answers answers = new Answers(stored.questionnaireVersion(), this.json.readValue(stored.answers(), ANSWERS));
		CostInputs inputs = (stored.costs() != null) ? this.json.readValue(stored.costs(), CostInputs.class)
				: CostInputs.NONE;
		Score score = this.scoring.score(rules, answers);
		CostComparison cost = this.costs.compare(answers, inputs);
		// Stored with microseconds, as PostgreSQL keeps them, so the body and the row
		// agree.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String body = this.json
			.writeValueAsString(SubmissionResult.of(id, answers, score, cost, stored.createdAt(), now));
		boolean added = once(() -> this.transactions.execute((tx) -> {
			this.results.add(id, score, cost, body, now);
			this.leads.rescored(id, new LeadIntake.Rescoring(stored.newestRulesVersion(), rules.version(),
					score.recommendation(), score.priority().score(), actor, now));
			return true;
		}));
		if (!added) {
			// Rescored concurrently (another admin call or replica): show what was
			// stored.
			return this.results.findNewest(id).orElseThrow();
		}
		return body;
	}

	/**
	 * Rescores every submission not yet scored with the newest rules; returns how many
	 * were rescored.
	 */
	int rescoreAll(String actor) {
		int rescored = 0;
		for (int questionnaireVersion : this.scoring.questionnaireVersions()) {
			ScoringRules rules = this.scoring.newest(questionnaireVersion);
			List<UUID> batch;
			do {
				batch = this.results.findNeedingRescore(questionnaireVersion, rules.version(), this.batchSize);
				for (UUID id : batch) {
					rescore(id, actor);
					rescored++;
				}
			}
			while (!batch.isEmpty());
		}
		return rescored;
	}

}
