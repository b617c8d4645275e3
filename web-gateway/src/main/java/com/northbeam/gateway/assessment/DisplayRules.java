package com.northbeam.gateway.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Option;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;

/**
 * What the questionnaire asks given the answers so far: which questions are shown, which
 * options may be picked, which steps the wizard has and which of a step's fields are
 * costs or contact details.
 */
final class DisplayRules {

	private DisplayRules() {
	}

	/** Whether a question is asked, given the answers so far. */
	static boolean shown(Question question, Map<String, List<String>> answers) {
		if (question.showWhen() == null || question.showWhen().question() == null) {
			return true;
		}
		return answers.getOrDefault(question.showWhen().question(), List.of())
			.stream()
			.anyMatch(question.showWhen().anyOf()::contains);
	}

	/**
	 * The options a visitor may pick: the answer implied when the question is hidden is
	 * not one.
	 */
	static List<Option> choices(Question question) {
		return question.options()
			.stream()
			.filter((option) -> !option.code().equals(question.answerWhenHidden()))
			.toList();
	}

	/**
	 * The steps the wizard shows: all of them, or all but the contact step when it comes
	 * after the result.
	 */
	static List<Step> wizardSteps(Questionnaire questionnaire, boolean contactAfterResult) {
		if (!contactAfterResult) {
			return questionnaire.steps();
		}
		return questionnaire.steps()
			.stream()
			.filter((step) -> step.fieldIds().stream().noneMatch((id) -> contactField(questionnaire, id).isPresent()))
			.toList();
	}

	static Optional<Field> costField(Questionnaire questionnaire, String id) {
		return questionnaire.costFields().stream().filter((field) -> field.id().equals(id)).findFirst();
	}

	static Optional<Field> contactField(Questionnaire questionnaire, String id) {
		return questionnaire.contactFields().stream().filter((field) -> field.id().equals(id)).findFirst();
	}

}
