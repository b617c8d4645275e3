package com.northbeam.gateway.assessment;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.CurrentQuestionnaire;

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
 * draft (see {@link DraftRepository}) whose id is the browser's cookie, so back, next,
 * reloads and returns keep every answer. Works without JavaScript. What a post does is
 * {@link WizardFlow}'s, the pages are {@link WizardStepPage}'s.
 * <p>
 * Steps are built from the questionnaire at run time, so the form arrives as a map of
 * field names; only the ids of the step being posted are read from it, nothing else is
 * bound.
 */
@Controller
@RequestMapping("/assessment")
class WizardController {

	static final String COOKIE = "nb_assessment";

	private final CurrentQuestionnaire questionnaires;

	private final WizardFlow flow;

	private final WizardStepPage page;

	private final AttributionCookie attribution;

	WizardController(CurrentQuestionnaire questionnaires, WizardFlow flow, WizardStepPage page,
			AttributionCookie attribution) {
		this.questionnaires = questionnaires;
		this.flow = flow;
		this.page = page;
		this.attribution = attribution;
	}

	@GetMapping
	String show(@RequestParam(name = "step", required = false) Integer requested, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		loadEarly(csrf);
		Questionnaire questionnaire = questionnaires.get();
		Draft draft = currentDraft(request).filter((found) -> !found.submitted())
			.orElseGet(() -> startDraft(request, response));
		return page.render(questionnaire, flow.showing(questionnaire, draft, requested), Map.of(), model);
	}

	@PostMapping
	String next(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		loadEarly(csrf);
		Questionnaire questionnaire = questionnaires.get();
		UUID postedSubmission = uuid(form.getFirst("submissionId"));
		Optional<Draft> current = currentDraft(request);
		if (current.isEmpty() && postedSubmission != null) {
			current = flow.findBySubmission(postedSubmission);
		}
		if (current.isEmpty()) {
			startDraft(request, response);
			return "redirect:/assessment";
		}
		WizardFlow.Outcome outcome = flow.next(questionnaire, current.get(), form, PostRateLimit.overLimit(request));
		if (outcome instanceof WizardFlow.Outcome.Invalid invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page.render(questionnaire, invalid.draft(), invalid.errors(), model);
		}
		return "redirect:" + ((WizardFlow.Outcome.Redirect) outcome).location();
	}

	@GetMapping("/received")
	String received(Model model) {
		return page.received(model);
	}

	private Optional<Draft> currentDraft(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				UUID id = uuid(cookie.getValue());
				if (id != null) {
					return flow.find(id);
				}
			}
		}
		return Optional.empty();
	}

	private Draft startDraft(HttpServletRequest request, HttpServletResponse response) {
		Draft draft = flow.start(attribution.read(request));
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

}
