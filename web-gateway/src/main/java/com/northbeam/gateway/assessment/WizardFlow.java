package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Attribution;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;
import com.northbeam.gateway.client.FunnelEvents;
import com.northbeam.gateway.client.RetakeReferences.Reference;
import com.northbeam.gateway.client.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The wizard's flow: the draft that keeps a visitor's answers, the step they are on, what
 * a posted step does (back, next, answers that new answers hide, the checks) and the
 * submission after the last step. The step pages are {@link WizardStepPage}'s, requests
 * and cookies {@link WizardController}'s.
 */
@Component
class WizardFlow {

	static final String HONEYPOT = "website";

	private static final Logger log = LoggerFactory.getLogger(WizardFlow.class);

	private final DraftRepository drafts;

	private final AnswerCheck check;

	private final Submissions submissions;

	private final ReadingPicks reading;

	private final AssessmentProperties properties;

	private final FunnelEvents funnel;

	private final Clock clock;

	private final ReadingHistory readingHistory;

	private final Retakes retakes;

	WizardFlow(DraftRepository drafts, AnswerCheck check, Submissions submissions, ReadingPicks reading,
			AssessmentProperties properties, FunnelEvents funnel, Clock clock, ReadingHistory readingHistory,
			Retakes retakes) {
		this.readingHistory = readingHistory;
		this.retakes = retakes;
		this.drafts = drafts;
		this.check = check;
		this.submissions = submissions;
		this.reading = reading;
		this.properties = properties;
		this.funnel = funnel;
		this.clock = clock;
	}

	Optional<Draft> find(UUID id) {
		return drafts.find(id);
	}

	Optional<Draft> findBySubmission(UUID submissionId) {
		return drafts.findBySubmission(submissionId);
	}

	Draft start(Attribution attribution) {
		Instant now = clock.instant();
		Draft draft = Draft.start(attribution, now);
		drafts.insert(draft, now);
		funnel.assessmentStarted();
		return draft;
	}

	/**
	 * The draft at the step to show: the one asked for if the visitor got that far, else
	 * the one they are on.
	 */
	Draft showing(Questionnaire questionnaire, Draft draft, Integer requested) {
		int index = (requested != null && requested >= 0 && requested <= draft.step()) ? requested : draft.step();
		return draft.atStep(Math.min(index, steps(questionnaire, retakes.of(draft).isPresent()).size() - 1));
	}

	/**
	 * What a posted step leads to. A filled honeypot or a post over the rate limit
	 * ({@code overRateLimit}) changes nothing the visitor sees: it is noted in the draft
	 * and sent with the submission, which assessment-service then quarantines.
	 */
	Outcome next(Questionnaire questionnaire, Draft draft, MultiValueMap<String, String> form, boolean overRateLimit) {
		return next(questionnaire, draft, form, overRateLimit, null);
	}

	/**
	 * The same, for a visitor whose reading session is {@code readingSession} (or
	 * {@code null}): a submission brings the pages read in it.
	 */
	Outcome next(Questionnaire questionnaire, Draft draft, MultiValueMap<String, String> form, boolean overRateLimit,
			UUID readingSession) {
		if (draft.submitted()) {
			// Back button, refresh or double click after submitting: the one result, no
			// new lead.
			return new Outcome.Redirect("/assessment/result/" + draft.submissionId());
		}
		Optional<Reference> retake = retakes.of(draft);
		Draft.Data data = draft.data();
		if (!blank(form.getFirst(HONEYPOT))) {
			log.info("Assessment post with the honeypot filled in; its submission will be quarantined (draft {})",
					draft.id());
			data = data.withScreening(Screening.HONEYPOT);
		}
		if (overRateLimit) {
			data = data.withScreening(Screening.RATE_LIMIT);
		}
		List<Step> steps = steps(questionnaire, retake.isPresent());
		int index = clamp(parseInt(form.getFirst("step"), draft.step()), 0, Math.min(draft.step(), steps.size() - 1));
		Step step = steps.get(index);
		Draft updated = draft.with(StepAnswers.merge(questionnaire, step, data, form)).atStep(index);
		if ("back".equals(form.getFirst("action"))) {
			drafts.save(updated.atStep(Math.max(index - 1, 0)), clock.instant());
			return new Outcome.Redirect("/assessment");
		}
		Map<String, String> errors = check.checkStep(questionnaire, step, updated.data());
		if (!errors.isEmpty()) {
			drafts.save(updated, clock.instant());
			return new Outcome.Invalid(updated, errors);
		}
		boolean last = index == steps.size() - 1;
		boolean counted = retake.isEmpty() || !retake.get().staffAssisted();
		if (!last) {
			drafts.save(updated.atStep(index + 1), clock.instant());
			if (counted) {
				funnel.stepCompleted(step.id());
			}
			return new Outcome.Redirect("/assessment");
		}
		drafts.save(updated, clock.instant());
		return submit(questionnaire, updated, readingSession, retake);
	}

	/**
	 * Keeps what was entered on the posted step, unchecked, for a visitor who leaves to
	 * finish later: they come back to this step.
	 */
	Draft keep(Questionnaire questionnaire, Draft draft, MultiValueMap<String, String> form) {
		List<Step> steps = steps(questionnaire, retakes.of(draft).isPresent());
		int index = clamp(parseInt(form.getFirst("step"), draft.step()), 0, Math.min(draft.step(), steps.size() - 1));
		Draft kept = draft.with(StepAnswers.merge(questionnaire, steps.get(index), draft.data(), form)).atStep(index);
		drafts.save(kept, clock.instant());
		return kept;
	}

	/** The index of the wizard step that asks a question, or -1. */
	int stepAsking(Questionnaire questionnaire, String questionId) {
		return stepOf(steps(questionnaire, false), questionId);
	}

	/**
	 * Moves the draft to a step, from a guide section about one of its questions; every
	 * answer stays, and the last step checks that none is missing.
	 */
	void openAt(Draft draft, int index) {
		drafts.save(draft.atStep(index), clock.instant());
	}

	/**
	 * The steps this wizard shows: without the contact step when contact details come
	 * after the result, or come from the lead of the result a retake started from.
	 */
	List<Step> steps(Questionnaire questionnaire, boolean retake) {
		return DisplayRules.wizardSteps(questionnaire, properties.contactAfterResult() || retake);
	}

	private Outcome submit(Questionnaire questionnaire, Draft draft, UUID readingSession, Optional<Reference> retake) {
		Duration taken = Duration.between(draft.startedAt(), clock.instant());
		if (retake.isEmpty() && taken.compareTo(properties.minimumFillTime()) < 0) {
			log.info("Assessment {} finished in {} ms, faster than a person can; its submission will be quarantined",
					draft.id(), taken.toMillis());
			draft = draft.with(draft.data().withScreening(Screening.TOO_FAST));
		}
		List<Step> steps = steps(questionnaire, retake.isPresent());
		for (int i = 0; i < steps.size(); i++) {
			Map<String, String> errors = check.checkStep(questionnaire, steps.get(i), draft.data());
			if (!errors.isEmpty()) {
				Draft back = draft.atStep(i);
				drafts.save(back, clock.instant());
				return new Outcome.Invalid(back, errors);
			}
		}
		SubmissionRequest request = SubmissionRequests.withReadingHistory(
				SubmissionRequests.screened(SubmissionRequests.toRequest(questionnaire, draft.submissionId(),
						draft.data(), draft.attribution(), properties.contactAfterResult()), draft.data().screening()),
				(readingSession != null) ? readingHistory.before(readingSession) : List.of());
		if (retake.isPresent()) {
			request = SubmissionRequests.retake(request, retake.get().value());
		}
		try {
			submissions.submit(request);
		}
		catch (SubmissionRejectedException ex) {
			return rejected(questionnaire, draft, ex, retake.isPresent());
		}
		reading.remember(draft.submissionId(), ReadingPicks.fromAnswers(draft.data().answers()));
		drafts.markSubmitted(draft.id(), clock.instant());
		if (readingSession != null) {
			readingHistory.submitted(readingSession, draft.submissionId());
		}
		if (retake.isEmpty() || !retake.get().staffAssisted()) {
			funnel.stepCompleted(steps.get(steps.size() - 1).id());
			funnel.submitted();
		}
		return new Outcome.Redirect("/assessment/result/" + draft.submissionId());
	}

	/** The service's refusal on the step of its first field that the wizard shows. */
	private Outcome rejected(Questionnaire questionnaire, Draft draft, SubmissionRejectedException ex, boolean retake) {
		Map<String, String> errors = new LinkedHashMap<>();
		int stepIndex = draft.step();
		boolean moved = false;
		for (var error : ex.errors()) {
			String field = fieldName(error.field());
			int owner = stepOf(steps(questionnaire, retake), field);
			if (owner >= 0 && !moved) {
				stepIndex = owner;
				moved = true;
			}
			errors.put((owner == stepIndex) ? field : "", error.message());
		}
		Draft back = draft.atStep(stepIndex);
		drafts.save(back, clock.instant());
		return new Outcome.Invalid(back, errors);
	}

	/**
	 * {@code answers.workload} → {@code workload}; {@code consent.accepted} →
	 * {@code consent}.
	 */
	static String fieldName(String apiField) {
		if (apiField == null) {
			return "";
		}
		if (apiField.startsWith("consent")) {
			return SubmissionRequests.CONSENT;
		}
		int dot = apiField.indexOf('.');
		return (dot >= 0) ? apiField.substring(dot + 1) : apiField;
	}

	private static int stepOf(List<Step> steps, String field) {
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (step.questionIds().contains(field) || step.fieldIds().contains(field)) {
				return i;
			}
		}
		return -1;
	}

	private static int parseInt(String value, int fallback) {
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** Where a posted step leads: another page, or the step again with its errors. */
	sealed interface Outcome {

		record Redirect(String location) implements Outcome {
		}

		record Invalid(Draft draft, Map<String, String> errors) implements Outcome {
		}

	}

}
