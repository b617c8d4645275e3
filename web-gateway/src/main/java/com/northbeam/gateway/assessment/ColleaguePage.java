package com.northbeam.gateway.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;
import com.northbeam.gateway.client.ColleagueClient.Link;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The colleague's page: the technical steps of the questionnaire on one page, each with
 * its questions, then the colleague's name, email and consent; or, for a link that no
 * longer works, why.
 */
@Component
class ColleaguePage {

	private final AnswerCheck check;

	private final MessageSource messages;

	private final PublicSite site;

	ColleaguePage(AnswerCheck check, MessageSource messages, PublicSite site) {
		this.check = check;
		this.messages = messages;
		this.site = site;
	}

	/** The questionnaire's steps the link asks, in the questionnaire's order. */
	static List<Step> steps(Questionnaire questionnaire, Link link) {
		return questionnaire.steps().stream().filter((step) -> link.steps().contains(step.id())).toList();
	}

	/** Errors by form field: the questions of every step, then the colleague's fields. */
	Map<String, String> check(Questionnaire questionnaire, List<Step> steps, Draft.Data data) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Step step : steps) {
			errors.putAll(check.checkStep(questionnaire, step, data));
		}
		errors.putAll(check.checkStep(questionnaire, contactStep(), data));
		return errors;
	}

	String render(Questionnaire questionnaire, Link link, String token, Draft.Data data, Map<String, String> errors,
			Model model) {
		List<StepView> steps = new ArrayList<>();
		for (Step step : steps(questionnaire, link)) {
			List<WizardStepPage.QuestionView> questions = new ArrayList<>();
			for (String id : step.questionIds()) {
				questionnaire.question(id).ifPresent((question) -> {
					boolean ruleInThisStep = question.showWhen() != null
							&& step.questionIds().contains(question.showWhen().question());
					questions.add(new WizardStepPage.QuestionView(question, DisplayRules.choices(question),
							data.answer(id), ruleInThisStep ? question.showWhen().question() : null,
							ruleInThisStep ? String.join(" ", question.showWhen().anyOf()) : null, errors.get(id)));
				});
			}
			steps.add(new StepView(step, questions));
		}
		List<WizardStepPage.FieldView> fields = new ArrayList<>();
		for (String id : ColleagueController.CONTACT_FIELDS) {
			DisplayRules.contactField(questionnaire, id)
				.ifPresent((field) -> fields.add(new WizardStepPage.FieldView(field, WizardStepPage.inputType(field),
						data.contact().getOrDefault(id, ""), errors.get(id))));
		}
		model.addAttribute("meta", meta());
		model.addAttribute("steps", steps);
		model.addAttribute("fields", fields);
		model.addAttribute("consent", questionnaire.consent());
		model.addAttribute("token", token);
		model.addAttribute("expiresAt", link.expiresAt());
		model.addAttribute("errors", errors);
		return "assessment/colleague";
	}

	/** A link that was answered already or has expired. */
	String closed(Link link, Model model) {
		model.addAttribute("meta", meta());
		model.addAttribute("state", link.state());
		return "assessment/colleague-closed";
	}

	private PageMeta meta() {
		return PageMeta
			.of(messages.getMessage("colleague.page.title", null, LocaleContextHolder.getLocale()),
					messages.getMessage("assessment.description", null, LocaleContextHolder.getLocale()),
					site.url("/assessment"))
			.noindex();
	}

	private static Step contactStep() {
		return new Step("colleague", null, null, List.of(), ColleagueController.CONTACT_FIELDS);
	}

	/** A technical step with its questions. */
	record StepView(Step step, List<WizardStepPage.QuestionView> questions) {
	}

}
