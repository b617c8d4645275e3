package com.northbeam.gateway.assessment;

import java.util.List;

import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;

import org.springframework.util.MultiValueMap;

/** What a posted wizard step adds to a draft's answers. */
final class StepAnswers {

	private StepAnswers() {
	}

	/**
	 * The draft's data with the answers and fields of {@code step} as posted; answers to
	 * questions the new answers hide no longer count.
	 */
	static Draft.Data merge(Questionnaire questionnaire, Step step, Draft.Data data,
			MultiValueMap<String, String> form) {
		Draft.Data merged = data;
		for (String id : step.questionIds()) {
			List<String> codes = form.getOrDefault(id, List.of())
				.stream()
				.filter((code) -> !WizardFlow.blank(code))
				.toList();
			merged = merged.withAnswer(id, codes);
		}
		for (String id : step.fieldIds()) {
			String value = form.getFirst(id);
			if (DisplayRules.costField(questionnaire, id).isPresent()) {
				merged = merged.withCost(id, (value != null) ? value.strip() : "");
			}
			else if (SubmissionRequests.CONSENT.equals(id)
					|| DisplayRules.contactField(questionnaire, id).isPresent()) {
				merged = merged.withContact(id, SubmissionRequests.contactValue(id, value));
			}
		}
		// Answers to questions that the new answers hide no longer count.
		for (Question question : questionnaire.questions()) {
			if (!DisplayRules.shown(question, merged.answers()) && !merged.answer(question.id()).isEmpty()
					&& !step.questionIds().contains(question.showWhen().question())) {
				merged = merged.withAnswer(question.id(), List.of());
			}
		}
		return merged;
	}

}
