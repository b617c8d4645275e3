package com.northbeam.gateway.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import com.northbeam.gateway.client.ConsultationRequest;
import com.northbeam.gateway.client.AssessmentClient.ContactDetails;
import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.ContentClient.ArticleLookup;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.RetakeReferences;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.SubmissionRejectedException;
import com.northbeam.gateway.client.SubmissionScreening;
import com.northbeam.gateway.site.SiteContent;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PageNotFoundException;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The personalised result page, its "on its way" state, the consultation request form,
 * and, when the contact step comes after the result, the contact form that turns the
 * result into a lead.
 */
@Controller
@RequestMapping("/assessment/result/{id}")
class ResultController {

	private final Submissions submissions;

	private final ReadingPicks reading;

	private final SiteContent content;

	private final MessageSource messages;

	private final PublicSite site;

	private final CurrentQuestionnaire questionnaires;

	private final AnswerCheck check;

	private final RetakeReferences retakes;

	ResultController(Submissions submissions, ReadingPicks reading, SiteContent content, MessageSource messages,
			PublicSite site, CurrentQuestionnaire questionnaires, AnswerCheck check, RetakeReferences retakes) {
		this.retakes = retakes;
		this.submissions = submissions;
		this.reading = reading;
		this.content = content;
		this.messages = messages;
		this.site = site;
		this.questionnaires = questionnaires;
		this.check = check;
	}

	@InitBinder("consultation")
	void onlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields("preferredTimes", "message", "website");
	}

	@GetMapping
	String result(@PathVariable UUID id, @RequestParam(name = "consultation", required = false) String consultation,
			@RequestParam(name = "contact", required = false) String contact, CsrfToken csrf, Model model) {
		WizardController.loadEarly(csrf);
		// Query parameters rather than flash attributes: no server session, so any
		// replica shows them.
		model.addAttribute("consultationSent", "sent".equals(consultation));
		model.addAttribute("contactSent", "sent".equals(contact));
		if (!model.containsAttribute("consultation")) {
			model.addAttribute("consultation", new ConsultationForm("", "", ""));
		}
		return page(id, model);
	}

	@PostMapping("/consultation")
	String requestConsultation(@PathVariable UUID id, @Valid @ModelAttribute("consultation") ConsultationForm form,
			BindingResult binding, CsrfToken csrf, Model model) {
		WizardController.loadEarly(csrf);
		if (binding.hasErrors()) {
			model.addAttribute("consultationErrors",
					binding.getFieldErrors()
						.stream()
						.collect(LinkedHashMap<String, String>::new,
								(map, error) -> map.putIfAbsent(error.getField(), text(error.getDefaultMessage())),
								Map::putAll));
			return page(id, model);
		}
		Submissions.ResultState state = submissions.result(id);
		if (state instanceof Submissions.ResultState.Unknown) {
			throw new PageNotFoundException("" + id);
		}
		if (state instanceof Submissions.ResultState.Ready ready && ready.result().needsContact()) {
			// No lead to attach the request to yet: the contact form comes first.
			return "redirect:/assessment/result/" + id + "#contact";
		}
		// A filled honeypot is not dropped: the request is kept on the lead, held from
		// notifications, and the visitor sees the same confirmation as anyone.
		boolean honeypotFilled = form.website() != null && !form.website().isBlank();
		try {
			submissions.requestConsultation(id,
					new ConsultationRequest(form.preferredTimes().strip(), blankToNull(form.message()),
							SubmissionScreening.of(honeypotFilled ? List.of(Screening.HONEYPOT) : List.of())));
		}
		catch (SubmissionRejectedException ex) {
			model.addAttribute("consultationErrors", Map.of("message", text("consultation.refused")));
			return page(id, model);
		}
		return "redirect:/assessment/result/" + id + "?consultation=sent#consultation";
	}

	@PostMapping("/contact")
	String giveContact(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, CsrfToken csrf,
			HttpServletRequest request, Model model) {
		WizardController.loadEarly(csrf);
		// What looks automated goes with the details, which then wait in quarantine;
		// the visitor sees the same pages.
		List<String> screening = new ArrayList<>();
		if (!WizardFlow.blank(form.getFirst(WizardFlow.HONEYPOT))) {
			screening.add(Screening.HONEYPOT);
		}
		if (PostRateLimit.overLimit(request)) {
			screening.add(Screening.RATE_LIMIT);
		}
		Submissions.ResultState state = submissions.result(id);
		if (!(state instanceof Submissions.ResultState.Ready ready)) {
			throw new PageNotFoundException("" + id);
		}
		if (!ready.result().needsContact()) {
			return "redirect:/assessment/result/" + id + "?contact=sent#consultation";
		}
		Questionnaire questionnaire = questionnaires.get();
		Map<String, String> values = new LinkedHashMap<>();
		for (Field field : questionnaire.contactFields()) {
			values.put(field.id(), SubmissionRequests.contactValue(field.id(), form.getFirst(field.id())));
		}
		Map<String, String> errors = check.checkContactDetails(questionnaire, values);
		if (errors.isEmpty()) {
			try {
				ContactDetails details = SubmissionRequests.toContactDetails(questionnaire, values);
				details = new ContactDetails(details.contact(), details.consent(), SubmissionScreening.of(screening));
				if (!submissions.giveContact(id, details)) {
					throw new PageNotFoundException("" + id);
				}
				return "redirect:/assessment/result/" + id + "?contact=sent#consultation";
			}
			catch (SubmissionRejectedException ex) {
				ex.errors().forEach((error) -> errors.put(WizardFlow.fieldName(error.field()), error.message()));
			}
		}
		addContactForm(model, questionnaire, values, errors);
		return page(id, model);
	}

	@GetMapping(path = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		if (!(submissions.result(id) instanceof Submissions.ResultState.Ready ready)) {
			throw new PageNotFoundException("report " + id);
		}
		byte[] pdf = ResultReport.render(ResultView.of(ready.result()), (code) -> text(code), site::url);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("it-support-recommendation.pdf").build().toString())
			.header("X-Robots-Tag", "noindex")
			.body(pdf);
	}

	private String page(UUID id, Model model) {
		Submissions.ResultState state = submissions.result(id);
		String path = "/assessment/result/" + id;
		if (state instanceof Submissions.ResultState.Pending) {
			model.addAttribute("meta",
					PageMeta.of(text("result.pending.title"), text("result.description"), site.url(path)).noindex());
			model.addAttribute("id", id);
			return "assessment/pending";
		}
		if (!(state instanceof Submissions.ResultState.Ready ready)) {
			throw new PageNotFoundException("" + id);
		}
		ResultView view = ResultView.of(ready.result());
		if (ready.result().needsContact() && !model.containsAttribute("contactFields")) {
			addContactForm(model, questionnaires.get(), Map.of(), Map.of());
		}
		model.addAttribute("meta",
				PageMeta
					.of(text("result.title", text("model." + ready.result().recommendation())),
							text("result.description"), site.url(path))
					.noindex());
		model.addAttribute("view", view);
		model.addAttribute("colleague", DisagreementsView.of(ready.result().colleague(), questionnaires::get));
		model.addAttribute("id", id);
		model.addAttribute("reading", readingFor(id, view));
		model.addAttribute("retake", retakes.forResult(id));
		return "assessment/result";
	}

	private static void addContactForm(Model model, Questionnaire questionnaire, Map<String, String> values,
			Map<String, String> errors) {
		List<WizardStepPage.FieldView> fields = new ArrayList<>();
		for (Field field : questionnaire.contactFields()) {
			fields.add(new WizardStepPage.FieldView(field, WizardStepPage.inputType(field),
					values.getOrDefault(field.id(), ""), errors.get(field.id())));
		}
		model.addAttribute("contactFields", fields);
		model.addAttribute("contactErrors", errors);
		model.addAttribute("consent", questionnaire.consent());
	}

	private List<Pick> readingFor(UUID id, ResultView view) {
		List<Pick> picks = new ArrayList<>();
		for (String slug : reading.forResult(id, view.result().factors())) {
			String title = text("reading." + slug);
			String summary = null;
			try {
				if (content.article(slug) instanceof ArticleLookup.Found found) {
					title = found.article().title();
					summary = found.article().summary();
				}
			}
			catch (ServiceUnavailableException ex) {
				// Titles from the bundle are good enough while content-service is away.
			}
			picks.add(new Pick(slug, title, summary));
		}
		return picks;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	record Pick(String slug, String title, String summary) {
	}

	/** The consultation form; {@code website} is the honeypot. */
	record ConsultationForm(
			@NotBlank(message = "consultation.preferredTimes.required") @Size(max = 500,
					message = "consultation.preferredTimes.tooLong") String preferredTimes,
			@Size(max = 2000, message = "consultation.message.tooLong") String message, String website) {
	}

}
