package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Option;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.FunnelEvents;
import com.northbeam.gateway.client.SubmissionRejectedException;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PublicSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assessment wizard: one page per questionnaire step, answers kept in a server-side
 * draft (see {@link DraftRepository}) so back, next, reloads and returns keep every
 * answer. Works without JavaScript.
 * <p>
 * Steps are built from the questionnaire at run time, so the form arrives as a map of
 * field names; only the ids of the step being posted are read from it, nothing else is
 * bound.
 */
@Controller
@RequestMapping("/assessment")
class WizardController {

	static final String COOKIE = "nb_assessment";

	static final String HONEYPOT = "website";

	private static final Logger log = LoggerFactory.getLogger(WizardController.class);

	private final CurrentQuestionnaire questionnaires;

	private final DraftRepository drafts;

	private final AnswerCheck check;

	private final Submissions submissions;

	private final AttributionCookie attribution;

	private final ReadingPicks reading;

	private final AssessmentProperties properties;

	private final MessageSource messages;

	private final PublicSite site;

	private final FunnelEvents funnel;

	private final Clock clock;

	WizardController(CurrentQuestionnaire questionnaires, DraftRepository drafts, AnswerCheck check,
			Submissions submissions, AttributionCookie attribution, ReadingPicks reading,
			AssessmentProperties properties, MessageSource messages, PublicSite site, FunnelEvents funnel,
			Clock clock) {
		this.questionnaires = questionnaires;
		this.drafts = drafts;
		this.check = check;
		this.submissions = submissions;
		this.attribution = attribution;
		this.reading = reading;
		this.properties = properties;
		this.messages = messages;
		this.site = site;
		this.funnel = funnel;
		this.clock = clock;
	}

	@GetMapping
	String show(@RequestParam(name = "step", required = false) Integer requested, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		loadEarly(csrf);
		Questionnaire questionnaire = questionnaires.get();
		Draft draft = currentDraft(request).filter((found) -> !found.submitted())
			.orElseGet(() -> startDraft(request, response));
		int index = (requested != null && requested >= 0 && requested <= draft.step()) ? requested : draft.step();
		return render(questionnaire, draft.atStep(Math.min(index, steps(questionnaire).size() - 1)), Map.of(), model);
	}

	@PostMapping
	String next(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		loadEarly(csrf);
		Questionnaire questionnaire = questionnaires.get();
		UUID postedSubmission = uuid(form.getFirst("submissionId"));
		Optional<Draft> current = currentDraft(request);
		if (current.isEmpty() && postedSubmission != null) {
			current = drafts.findBySubmission(postedSubmission);
		}
		if (current.isEmpty()) {
			startDraft(request, response);
			return "redirect:/assessment";
		}
		Draft draft = current.get();
		if (draft.submitted()) {
			// Back button, refresh or double click after submitting: the one result, no
			// new lead.
			return "redirect:/assessment/result/" + draft.submissionId();
		}
		if (!blank(form.getFirst(HONEYPOT))) {
			log.info("Assessment post with the honeypot filled in ignored (draft {})", draft.id());
			return "redirect:/assessment/received";
		}
		List<Step> steps = steps(questionnaire);
		int index = clamp(parseInt(form.getFirst("step"), draft.step()), 0, Math.min(draft.step(), steps.size() - 1));
		Step step = steps.get(index);
		Draft updated = draft.with(merge(questionnaire, step, draft.data(), form)).atStep(index);
		if ("back".equals(form.getFirst("action"))) {
			drafts.save(updated.atStep(Math.max(index - 1, 0)), clock.instant());
			return "redirect:/assessment";
		}
		Map<String, String> errors = check.checkStep(questionnaire, step, updated.data());
		if (!errors.isEmpty()) {
			drafts.save(updated, clock.instant());
			return renderInvalid(questionnaire, updated, errors, model, response);
		}
		boolean last = index == steps.size() - 1;
		if (!last) {
			drafts.save(updated.atStep(index + 1), clock.instant());
			funnel.stepCompleted(step.id());
			return "redirect:/assessment";
		}
		drafts.save(updated, clock.instant());
		return submit(questionnaire, updated, model, response);
	}

	@GetMapping("/received")
	String received(Model model) {
		model.addAttribute("meta", meta("assessment.received.title").noindex());
		return "assessment/received";
	}

	private String submit(Questionnaire questionnaire, Draft draft, Model model, HttpServletResponse response) {
		Duration taken = Duration.between(draft.startedAt(), clock.instant());
		if (taken.compareTo(properties.minimumFillTime()) < 0) {
			log.info("Assessment {} finished in {} ms, faster than a person can; asked to confirm", draft.id(),
					taken.toMillis());
			return renderInvalid(questionnaire, draft, Map.of("", text("validation.tooFast")), model, response);
		}
		List<Step> steps = steps(questionnaire);
		for (int i = 0; i < steps.size(); i++) {
			Map<String, String> errors = check.checkStep(questionnaire, steps.get(i), draft.data());
			if (!errors.isEmpty()) {
				Draft back = draft.atStep(i);
				drafts.save(back, clock.instant());
				return renderInvalid(questionnaire, back, errors, model, response);
			}
		}
		SubmissionRequest request = check.toRequest(questionnaire, draft.submissionId(), draft.data(),
				draft.attribution(), properties.contactAfterResult());
		try {
			submissions.submit(request);
		}
		catch (SubmissionRejectedException ex) {
			return renderRejected(questionnaire, draft, ex, model, response);
		}
		reading.remember(draft.submissionId(), ReadingPicks.fromAnswers(draft.data().answers()));
		drafts.markSubmitted(draft.id(), clock.instant());
		funnel.stepCompleted(steps.get(steps.size() - 1).id());
		funnel.submitted();
		return "redirect:/assessment/result/" + draft.submissionId();
	}

	private String renderRejected(Questionnaire questionnaire, Draft draft, SubmissionRejectedException ex, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		int stepIndex = draft.step();
		boolean moved = false;
		for (var error : ex.errors()) {
			String field = fieldName(error.field());
			int owner = stepOf(steps(questionnaire), field);
			if (owner >= 0 && !moved) {
				stepIndex = owner;
				moved = true;
			}
			errors.put((owner == stepIndex) ? field : "", error.message());
		}
		Draft back = draft.atStep(stepIndex);
		drafts.save(back, clock.instant());
		return renderInvalid(questionnaire, back, errors, model, response);
	}

	private String renderInvalid(Questionnaire questionnaire, Draft draft, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(questionnaire, draft, errors, model);
	}

	private String render(Questionnaire questionnaire, Draft draft, Map<String, String> errors, Model model) {
		List<Step> steps = steps(questionnaire);
		int index = Math.min(draft.step(), steps.size() - 1);
		Step step = steps.get(index);
		List<QuestionView> questions = new ArrayList<>();
		for (String id : step.questionIds()) {
			questionnaire.question(id).ifPresent((question) -> {
				boolean ruleInThisStep = question.showWhen() != null
						&& step.questionIds().contains(question.showWhen().question());
				if (ruleInThisStep || AnswerCheck.shown(question, draft.data().answers())) {
					questions.add(new QuestionView(question, AnswerCheck.choices(question),
							draft.data().answer(question.id()), ruleInThisStep ? question.showWhen().question() : null,
							ruleInThisStep ? String.join(" ", question.showWhen().anyOf()) : null,
							errors.get(question.id())));
				}
			});
		}
		List<FieldView> fields = new ArrayList<>();
		for (String id : step.fieldIds()) {
			AnswerCheck.costField(questionnaire, id)
				.ifPresent((field) -> fields
					.add(new FieldView(field, "number", draft.data().costs().getOrDefault(id, ""), errors.get(id))));
			AnswerCheck.contactField(questionnaire, id)
				.ifPresent((field) -> fields.add(new FieldView(field, inputType(field),
						draft.data().contact().getOrDefault(id, ""), errors.get(id))));
		}
		String title = text("assessment.step.title", index + 1, steps.size(), step.title());
		model.addAttribute("meta", new PageMeta(title, text("assessment.description"), site.url("/assessment"),
				"website", index == 0 && errors.isEmpty(), null));
		model.addAttribute("step", step);
		model.addAttribute("stepIndex", index);
		model.addAttribute("stepNumber", index + 1);
		model.addAttribute("stepCount", steps.size());
		model.addAttribute("progress", Math.round(100.0 * index / steps.size()));
		model.addAttribute("questions", questions);
		model.addAttribute("fields", fields);
		model.addAttribute("consent", questionnaire.consent());
		model.addAttribute("submissionId", draft.submissionId());
		model.addAttribute("errors", errors);
		model.addAttribute("last", index == steps.size() - 1);
		return "assessment/step";
	}

	private static Draft.Data merge(Questionnaire questionnaire, Step step, Draft.Data data,
			MultiValueMap<String, String> form) {
		Draft.Data merged = data;
		for (String id : step.questionIds()) {
			List<String> codes = form.getOrDefault(id, List.of()).stream().filter((code) -> !blank(code)).toList();
			merged = merged.withAnswer(id, codes);
		}
		for (String id : step.fieldIds()) {
			String value = form.getFirst(id);
			if (AnswerCheck.costField(questionnaire, id).isPresent()) {
				merged = merged.withCost(id, (value != null) ? value.strip() : "");
			}
			else if (AnswerCheck.CONSENT.equals(id) || AnswerCheck.contactField(questionnaire, id).isPresent()) {
				merged = merged.withContact(id, AnswerCheck.contactValue(id, value));
			}
		}
		// Answers to questions that the new answers hide no longer count.
		for (Question question : questionnaire.questions()) {
			if (!AnswerCheck.shown(question, merged.answers()) && !merged.answer(question.id()).isEmpty()
					&& !step.questionIds().contains(question.showWhen().question())) {
				merged = merged.withAnswer(question.id(), List.of());
			}
		}
		return merged;
	}

	private Optional<Draft> currentDraft(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				UUID id = uuid(cookie.getValue());
				if (id != null) {
					return drafts.find(id);
				}
			}
		}
		return Optional.empty();
	}

	private Draft startDraft(HttpServletRequest request, HttpServletResponse response) {
		Instant now = clock.instant();
		Draft draft = Draft.start(attribution.read(request), now);
		drafts.insert(draft, now);
		funnel.assessmentStarted();
		response.addHeader("Set-Cookie",
				ResponseCookie.from(COOKIE, draft.id().toString())
					.path("/assessment")
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.build()
					.toString());
		return draft;
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
			return AnswerCheck.CONSENT;
		}
		int dot = apiField.indexOf('.');
		return (dot >= 0) ? apiField.substring(dot + 1) : apiField;
	}

	/**
	 * The steps this wizard shows: without the contact step when contact details come
	 * after the result.
	 */
	private List<Step> steps(Questionnaire questionnaire) {
		return AnswerCheck.wizardSteps(questionnaire, properties.contactAfterResult());
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

	static String inputType(Field field) {
		if (field.kind() == null) {
			return "text";
		}
		return switch (field.kind()) {
			case "email" -> "email";
			case "tel" -> "tel";
			case "consent" -> "checkbox";
			default -> "text";
		};
	}

	private PageMeta meta(String titleCode) {
		return PageMeta.of(text(titleCode), text("assessment.description"), site.url("/assessment"));
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/**
	 * Spring Security creates the form's CSRF token when the template first asks for it;
	 * on a long page that is after the response is committed, too late to set the token's
	 * cookie.
	 */
	static void loadEarly(CsrfToken csrf) {
		if (csrf != null) {
			csrf.getToken();
		}
	}

	private static UUID uuid(String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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

	/**
	 * A question as the step shows it.
	 *
	 * @param dependsOn the question in the same step that decides whether this one is
	 * asked (the page's script hides it until then), or {@code null}
	 */
	record QuestionView(Question question, List<Option> choices, List<String> selected, String dependsOn,
			String dependsOnAnyOf, String error) {

		public boolean isSelected(String code) {
			return selected.contains(code);
		}

	}

	record FieldView(Field field, String type, String value, String error) {
	}

}
