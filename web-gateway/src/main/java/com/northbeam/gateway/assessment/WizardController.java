package com.northbeam.gateway.assessment;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.system.EmbedCookies;
import com.northbeam.gateway.system.PageNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assessment wizard: one page per questionnaire step, answers kept in a server-side
 * draft (see {@link DraftRepository}) whose id is the browser's cookie, so back, next,
 * reloads and returns keep every answer. Works without JavaScript. What a post does is
 * {@link WizardFlow}'s, the pages are {@link WizardStepPage}'s.
 * <p>
 * The same wizard runs at {@code /embed/assessment} for other sites' frames: a page
 * without the site's header and footer, its own draft cookie (see {@link EmbedCookies})
 * and, at the end, a page linking to the result instead of the result itself, which no
 * other site may frame.
 * <p>
 * Steps are built from the questionnaire at run time, so the form arrives as a map of
 * field names; only the ids of the step being posted are read from it, nothing else is
 * bound.
 */
@Controller
class WizardController {

	static final String COOKIE = "nb_assessment";

	static final String EMBED = "/embed";

	private final CurrentQuestionnaire questionnaires;

	private final WizardFlow flow;

	private final WizardStepPage page;

	private final AttributionCookie attribution;

	private final ResumeLinks resumeLinks;

	WizardController(CurrentQuestionnaire questionnaires, WizardFlow flow, WizardStepPage page,
			AttributionCookie attribution, ResumeLinks resumeLinks) {
		this.questionnaires = questionnaires;
		this.flow = flow;
		this.page = page;
		this.attribution = attribution;
		this.resumeLinks = resumeLinks;
	}

	@GetMapping({ "/assessment", "/embed/assessment" })
	String show(@RequestParam(name = "step", required = false) Integer requested, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		loadEarly(csrf);
		Questionnaire questionnaire = questionnaires.get();
		Draft draft = currentDraft(request).filter((found) -> !found.submitted())
			.orElseGet(() -> startDraft(request, response));
		embedded(request, model);
		return page.render(questionnaire, flow.showing(questionnaire, draft, requested), Map.of(), model);
	}

	@PostMapping({ "/assessment", "/embed/assessment" })
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
			return "redirect:" + prefix(request) + "/assessment";
		}
		if (ResumeLinks.ACTION.equals(form.getFirst("action")) && !current.get().submitted()) {
			return emailLink(questionnaire, current.get(), form, request, response, model);
		}
		// A frame on another site is no place for the site's own reading session.
		UUID readingSession = isEmbedded(request) ? null : ReadingCookies.sessionFor(request, response).orElse(null);
		WizardFlow.Outcome outcome = flow.next(questionnaire, current.get(), form, PostRateLimit.overLimit(request),
				readingSession);
		if (outcome instanceof WizardFlow.Outcome.Invalid invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			embedded(request, model);
			return page.render(questionnaire, invalid.draft(), invalid.errors(), model);
		}
		String location = ((WizardFlow.Outcome.Redirect) outcome).location();
		if (isEmbedded(request) && location.startsWith("/assessment/result/")) {
			return "redirect:" + EMBED + "/assessment/done/" + location.substring("/assessment/result/".length());
		}
		return "redirect:" + prefix(request) + location;
	}

	@GetMapping({ "/assessment/received", "/embed/assessment/received" })
	String received(HttpServletRequest request, Model model) {
		embedded(request, model);
		return page.received(model);
	}

	/** The end of the embedded wizard: a link that opens the result outside the frame. */
	@GetMapping("/embed/assessment/done/{id}")
	String done(@PathVariable UUID id, Model model) {
		return page.embeddedDone(id, model);
	}

	/**
	 * "Email me a link to finish later": keeps the step's answers as they are, then asks
	 * for the email; the step again, with what stood in the way, if it was not sent.
	 */
	private String emailLink(Questionnaire questionnaire, Draft draft, MultiValueMap<String, String> form,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Draft kept = flow.keep(questionnaire, draft, form);
		ResumeLinks.Sent sent = resumeLinks.send(kept, form, PostRateLimit.overLimit(request));
		if (sent instanceof ResumeLinks.Sent.No no) {
			response.setStatus(no.status().value());
			embedded(request, model);
			model.addAttribute("resumeOpen", true);
			model.addAttribute("resumeEmail", form.getFirst(ResumeLinks.EMAIL));
			return page.render(questionnaire, kept, no.errors(), model);
		}
		return "redirect:" + prefix(request) + "/assessment/link-sent";
	}

	@GetMapping({ "/assessment/link-sent", "/embed/assessment/link-sent" })
	String linkSent(HttpServletRequest request, Model model) {
		embedded(request, model);
		return page.linkSent(resumeLinks.lifetimeDays(), model);
	}

	/**
	 * A link from the email: this browser gets a copy of the answers and carries on where
	 * the visitor left off. The same link works again until it expires.
	 */
	@GetMapping("/assessment/resume/{token}")
	String resume(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, CsrfToken csrf,
			Model model) {
		loadEarly(csrf);
		UUID current = currentDraft(request).map(Draft::id).orElse(null);
		ResumeLinks.Opened opened = resumeLinks.open(token, current);
		if (opened instanceof ResumeLinks.Opened.Restored restored) {
			remember(restored.draft(), request, response);
			return "redirect:/assessment";
		}
		if (opened instanceof ResumeLinks.Opened.Here) {
			return "redirect:/assessment";
		}
		HttpStatus status = (opened instanceof ResumeLinks.Opened.Invalid) ? HttpStatus.BAD_REQUEST : HttpStatus.GONE;
		response.setStatus(status.value());
		return page.linkProblem((opened instanceof ResumeLinks.Opened.Expired) ? "expired"
				: (opened instanceof ResumeLinks.Opened.Gone) ? "gone" : "invalid", model);
	}

	/** "Start afresh": a new, empty assessment for this browser. */
	@PostMapping("/assessment/restart")
	String restart(HttpServletRequest request, HttpServletResponse response) {
		startDraft(request, response);
		return "redirect:/assessment";
	}

	/**
	 * From a guide section ("Does this apply to you?"): the wizard at the step that asks
	 * the section's question, with every answer given so far.
	 */
	@GetMapping("/assessment/questions/{question}")
	String atQuestion(@PathVariable String question, HttpServletRequest request, HttpServletResponse response) {
		int index = flow.stepAsking(questionnaires.get(), question);
		if (index < 0) {
			throw new PageNotFoundException("question " + question);
		}
		Draft draft = currentDraft(request).filter((found) -> !found.submitted())
			.orElseGet(() -> startDraft(request, response));
		flow.openAt(draft, index);
		return "redirect:/assessment#field-" + question;
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
		response.addHeader("Set-Cookie", draftCookie(draft, request).toString());
		return draft;
	}

	/** Makes {@code draft} this browser's assessment. */
	private void remember(Draft draft, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Set-Cookie", draftCookie(draft, request).toString());
	}

	/** The cookie that makes {@code draft} the visitor's assessment in progress. */
	static ResponseCookie draftCookie(Draft draft, HttpServletRequest request) {
		return isEmbedded(request) ? EmbedCookies.cookie(COOKIE, draft.id().toString(), EMBED + "/assessment", request)
				: ResponseCookie.from(COOKIE, draft.id().toString())
					.path("/assessment")
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.build();
	}

	private static boolean isEmbedded(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + EMBED + "/");
	}

	private static String prefix(HttpServletRequest request) {
		return isEmbedded(request) ? EMBED : "";
	}

	private static void embedded(HttpServletRequest request, Model model) {
		model.addAttribute("embed", isEmbedded(request));
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
