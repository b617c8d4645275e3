package com.northbeam.gateway.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AssessmentClient.ConsentGiven;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;
import com.northbeam.gateway.client.ColleagueClient;
import com.northbeam.gateway.client.ColleagueClient.Link;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.SubmissionRejectedException;
import com.northbeam.gateway.system.PageNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Several respondents, one company result. On the result page a respondent invites a
 * colleague (usually the IT person) by email; the email's signed link opens a page with
 * just the technical steps, where the colleague answers, says who they are and consents.
 * Their answers merge into the same result, which then shows every disagreement. Works
 * without JavaScript; only the posted fields of the questions asked are read.
 */
@Controller
class ColleagueController {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** The colleague's own details: a subset of the contact step's fields. */
	static final List<String> CONTACT_FIELDS = List.of("name", "email", SubmissionRequests.CONSENT);

	private final ColleagueClient colleagues;

	private final Submissions submissions;

	private final CurrentQuestionnaire questionnaires;

	private final ColleaguePage page;

	ColleagueController(ColleagueClient colleagues, Submissions submissions, CurrentQuestionnaire questionnaires,
			ColleaguePage page) {
		this.colleagues = colleagues;
		this.submissions = submissions;
		this.questionnaires = questionnaires;
		this.page = page;
	}

	/**
	 * The result page's invitation form; the outcome comes back to the result page as
	 * {@code ?colleague=invited} or the code of what to fix.
	 */
	@PostMapping("/assessment/result/{id}/colleague")
	String invite(@PathVariable UUID id, @RequestParam(required = false) String email,
			@RequestParam(required = false) String expected) {
		String address = (email != null) ? email.strip() : "";
		String back = "redirect:/assessment/result/" + id + "?colleague=";
		if (address.isEmpty() || address.length() > 254 || !EMAIL.matcher(address).matches()) {
			return back + "email#colleague";
		}
		if (!SubmissionRequests.accepted(expected)) {
			return back + "expected#colleague";
		}
		try {
			if (colleagues.invite(id, new ColleagueClient.Invitation(address, true)).isEmpty()) {
				throw new PageNotFoundException("" + id);
			}
		}
		catch (SubmissionRejectedException ex) {
			return back + "refused#colleague";
		}
		submissions.forget(id);
		return back + "invited#colleague";
	}

	@GetMapping("/assessment/colleague/{token}")
	String show(@PathVariable String token, CsrfToken csrf, Model model, HttpServletResponse response) {
		WizardController.loadEarly(csrf);
		Link link = link(token);
		if (!link.open()) {
			response.setStatus(HttpStatus.GONE.value());
			return page.closed(link, model);
		}
		return page.render(questionnaires.get(), link, token, Draft.Data.empty(), Map.of(), model);
	}

	@PostMapping("/assessment/colleague/{token}")
	String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		WizardController.loadEarly(csrf);
		Link link = link(token);
		if (!link.open()) {
			response.setStatus(HttpStatus.GONE.value());
			return page.closed(link, model);
		}
		Questionnaire questionnaire = questionnaires.get();
		List<Step> steps = ColleaguePage.steps(questionnaire, link);
		Draft.Data data = Draft.Data.empty();
		for (Step step : steps) {
			for (String id : step.questionIds()) {
				data = data.withAnswer(id,
						form.getOrDefault(id, List.of()).stream().filter((code) -> !WizardFlow.blank(code)).toList());
			}
		}
		for (String id : CONTACT_FIELDS) {
			data = data.withContact(id, SubmissionRequests.contactValue(id, form.getFirst(id)));
		}
		Map<String, String> errors = page.check(questionnaire, steps, data);
		if (errors.isEmpty()) {
			try {
				UUID submission = colleagues.answer(token, request(questionnaire, steps, data))
					.orElseThrow(() -> new PageNotFoundException("colleague link"));
				submissions.forget(submission);
				return "redirect:/assessment/result/" + submission + "?colleague=answered#disagreements";
			}
			catch (SubmissionRejectedException ex) {
				ex.errors().forEach((error) -> errors.put(WizardFlow.fieldName(error.field()), error.message()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.render(questionnaire, link, token, data, errors, model);
	}

	private Link link(String token) {
		return colleagues.link(token).orElseThrow(() -> new PageNotFoundException("colleague link"));
	}

	/** Answers to the questions shown, the colleague's name and email, and consent. */
	private static ColleagueClient.Answers request(Questionnaire questionnaire, List<Step> steps, Draft.Data data) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Step step : steps) {
			for (String id : step.questionIds()) {
				Question question = questionnaire.question(id).orElseThrow();
				List<String> codes = data.answer(id);
				if (DisplayRules.shown(question, data.answers()) && !codes.isEmpty()) {
					answers.put(id, question.multi() ? new ArrayList<>(codes) : codes.get(0));
				}
			}
		}
		return new ColleagueClient.Answers(answers,
				new ColleagueClient.Contact(data.contact().get("name"), data.contact().get("email")),
				new ConsentGiven(SubmissionRequests.accepted(data.contact().get(SubmissionRequests.CONSENT)),
						(questionnaire.consent() != null) ? questionnaire.consent().version() : null));
	}

}
