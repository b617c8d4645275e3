package com.northbeam.gateway.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Option;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.RetakeReferences;
import com.northbeam.gateway.client.AssessmentClient.Step;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The wizard's pages: a step with its questions, fields, answers so far and errors, and
 * the page a bot's post quietly ends on.
 */
@Component
class WizardStepPage {

	private final AssessmentProperties properties;

	private final MessageSource messages;

	private final PublicSite site;

	private final Retakes retakes;

	WizardStepPage(AssessmentProperties properties, MessageSource messages, PublicSite site, Retakes retakes) {
		this.retakes = retakes;
		this.properties = properties;
		this.messages = messages;
		this.site = site;
	}

	/** The draft's step, with the errors next to their questions and fields. */
	String render(Questionnaire questionnaire, Draft draft, Map<String, String> errors, Model model) {
		Optional<RetakeReferences.Reference> retake = retakes.of(draft);
		List<Step> steps = DisplayRules.wizardSteps(questionnaire,
				properties.contactAfterResult() || retake.isPresent());
		int index = Math.min(draft.step(), steps.size() - 1);
		Step step = steps.get(index);
		List<QuestionView> questions = new ArrayList<>();
		for (String id : step.questionIds()) {
			questionnaire.question(id).ifPresent((question) -> {
				boolean ruleInThisStep = question.showWhen() != null
						&& step.questionIds().contains(question.showWhen().question());
				if (ruleInThisStep || DisplayRules.shown(question, draft.data().answers())) {
					questions.add(new QuestionView(question, DisplayRules.choices(question),
							draft.data().answer(question.id()), ruleInThisStep ? question.showWhen().question() : null,
							ruleInThisStep ? String.join(" ", question.showWhen().anyOf()) : null,
							errors.get(question.id())));
				}
			});
		}
		List<FieldView> fields = new ArrayList<>();
		for (String id : step.fieldIds()) {
			DisplayRules.costField(questionnaire, id)
				.ifPresent((field) -> fields
					.add(new FieldView(field, "number", draft.data().costs().getOrDefault(id, ""), errors.get(id))));
			DisplayRules.contactField(questionnaire, id)
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
		model.addAttribute("retake", retake.orElse(null));
		return "assessment/step";
	}

	/** A retake link that has expired, or that names no result. */
	String retakeExpired(Model model) {
		model.addAttribute("meta",
				PageMeta.of(text("retake.expired.title"), text("assessment.description"), site.url("/assessment"))
					.noindex());
		return "assessment/retake-expired";
	}

	String received(Model model) {
		model.addAttribute("meta",
				PageMeta.of(text("assessment.received.title"), text("assessment.description"), site.url("/assessment"))
					.noindex());
		return "assessment/received";
	}

	/**
	 * After "Email me a link to finish later": where the link went and how long it works.
	 */
	String linkSent(long days, Model model) {
		model.addAttribute("meta",
				PageMeta
					.of(text("assessment.resume.sent.title"), text("assessment.description"), site.url("/assessment"))
					.noindex());
		model.addAttribute("days", days);
		return "assessment/link-sent";
	}

	/**
	 * A link to finish later that no longer works: {@code expired}, {@code gone} (its
	 * assessment was finished or deleted) or {@code invalid}; each offers a fresh start.
	 */
	String linkProblem(String kind, Model model) {
		model.addAttribute("meta",
				PageMeta
					.of(text("assessment.resume." + kind + ".title"), text("assessment.description"),
							site.url("/assessment"))
					.noindex());
		model.addAttribute("kind", kind);
		return "assessment/link-problem";
	}

	/** The embedded wizard's last page: the result opens outside the frame. */
	String embeddedDone(UUID submissionId, Model model) {
		model.addAttribute("meta",
				PageMeta
					.of(text("assessment.embed.done.title"), text("assessment.description"), site.url("/assessment"))
					.noindex());
		model.addAttribute("resultUrl", site.url("/assessment/result/" + submissionId));
		return "assessment/embed-done";
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

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
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
