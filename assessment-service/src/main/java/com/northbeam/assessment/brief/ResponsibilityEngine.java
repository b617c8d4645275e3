package com.northbeam.assessment.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Answers;

/**
 * Proposes who owns each IT function under a model, with one version of the
 * responsibility rules: for each function the first rule that applies to the model and
 * the answers, else the model's default. A pure function of its inputs.
 */
final class ResponsibilityEngine {

	/** The rule code of a cell decided by the model's default. */
	static final String DEFAULT = "default";

	private ResponsibilityEngine() {
	}

	static Responsibility propose(ResponsibilityRules rules, Answers answers, String model, When.Labels labels) {
		Map<String, ResponsibilityRules.Cell> defaults = rules.defaults().get(model);
		if (defaults == null) {
			throw new IllegalArgumentException("The responsibility rules know no model " + model);
		}
		List<Responsibility.Cell> cells = new ArrayList<>();
		rules.functions()
			.forEach((function, label) -> cells.add(cell(rules, answers, model, labels, defaults, function, label)));
		return new Responsibility(rules.version(), model, cells,
				rules.leadershipKeeps().getOrDefault(model, List.of()));
	}

	private static Responsibility.Cell cell(ResponsibilityRules rules, Answers answers, String model,
			When.Labels labels, Map<String, ResponsibilityRules.Cell> defaults, String function, String label) {
		for (ResponsibilityRules.Rule rule : rules.rules()) {
			if (rule.function().equals(function) && rule.appliesTo(model) && When.all(rule.when(), answers)) {
				return new Responsibility.Cell(function, label, rule.owner(), rule.reason(), rule.code(),
						When.because(rule.when(), answers, labels), rule.owner(), null);
			}
		}
		ResponsibilityRules.Cell fallback = defaults.get(function);
		return new Responsibility.Cell(function, label, fallback.owner(), fallback.reason(), DEFAULT, List.of(),
				fallback.owner(), null);
	}

}
