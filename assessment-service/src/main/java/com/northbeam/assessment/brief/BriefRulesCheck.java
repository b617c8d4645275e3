package com.northbeam.assessment.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.scoring.GuideAnchors;
import com.northbeam.assessment.scoring.Model;

/**
 * Checks brief rules at start-up: known questions and codes, models, owners, guide
 * anchors, and every function owned under every model. A rules file that fails stops the
 * start, as scoring rules do.
 */
final class BriefRulesCheck {

	private BriefRulesCheck() {
	}

	static void check(CallPrepRules rules, Questionnaire questionnaire) {
		List<String> errors = new ArrayList<>();
		if (rules.signals() == null || rules.signals().count() < 1) {
			throw new IllegalStateException(
					"Call-prep rules version " + rules.version() + ": signals.count must be at least 1");
		}
		rules.painPoints()
			.forEach((pain) -> conditions("painPoints." + pain.code(), pain.when(), questionnaire, errors));
		rules.painPoints().forEach((pain) -> anchor("painPoints." + pain.code(), pain.guideAnchor(), errors));
		for (CallPrepRules.Objection objection : rules.objections()) {
			conditions("objections." + objection.code(), objection.when(), questionnaire, errors);
			models("objections." + objection.code(), objection.models(), errors);
			anchor("objections." + objection.code(), objection.guideAnchor(), errors);
		}
		for (CallPrepRules.Question question : rules.questions()) {
			conditions("questions." + question.code(), question.urgentWhen(), questionnaire, errors);
			conditions("questions." + question.code(), question.openWhen(), questionnaire, errors);
			anchor("questions." + question.code(), question.guideAnchor(), errors);
		}
		if (rules.cost() == null) {
			errors.add("cost is missing");
		}
		for (String model : Model.ALL) {
			CallPrepRules.NextStep step = rules.nextSteps().get(model);
			if (step == null) {
				errors.add("nextSteps." + model + " is missing");
			}
			else {
				anchor("nextSteps." + model, step.guideAnchor(), errors);
			}
		}
		fail("Call-prep rules version " + rules.version(), errors);
	}

	static void check(ResponsibilityRules rules, Questionnaire questionnaire) {
		List<String> errors = new ArrayList<>();
		if (rules.functions().isEmpty()) {
			errors.add("functions are missing");
		}
		for (String model : Model.ALL) {
			Map<String, ResponsibilityRules.Cell> defaults = rules.defaults().getOrDefault(model, Map.of());
			for (String function : rules.functions().keySet()) {
				ResponsibilityRules.Cell cell = defaults.get(function);
				if (cell == null || !ResponsibilityRules.OWNERS.contains(cell.owner()) || cell.reason() == null) {
					errors.add("defaults." + model + "." + function + " needs an owner and a reason");
				}
			}
			defaults.keySet()
				.stream()
				.filter((function) -> !rules.functions().containsKey(function))
				.forEach((function) -> errors.add("defaults." + model + " names unknown function " + function));
		}
		for (ResponsibilityRules.Rule rule : rules.rules()) {
			String name = "rules." + rule.code();
			if (!rules.functions().containsKey(rule.function())) {
				errors.add(name + " names unknown function " + rule.function());
			}
			if (!ResponsibilityRules.OWNERS.contains(rule.owner()) || rule.reason() == null) {
				errors.add(name + " needs an owner (internal, provider or shared) and a reason");
			}
			models(name, rule.models(), errors);
			conditions(name, rule.when(), questionnaire, errors);
		}
		fail("Responsibility rules version " + rules.version(), errors);
	}

	private static void conditions(String name, List<When> conditions, Questionnaire questionnaire,
			List<String> errors) {
		for (When when : conditions) {
			var question = questionnaire.question(when.question());
			if (question.isEmpty()) {
				errors.add(name + " reads unknown question " + when.question());
				continue;
			}
			when.anyOf()
				.stream()
				.filter((code) -> !question.get().hasOption(code))
				.forEach((code) -> errors.add(name + " names unknown answer " + when.question() + "=" + code));
		}
	}

	private static void models(String name, List<String> models, List<String> errors) {
		models.stream()
			.filter((model) -> !Model.ALL.contains(model))
			.forEach((model) -> errors.add(name + " names unknown model " + model));
	}

	private static void anchor(String name, String anchor, List<String> errors) {
		if (anchor != null && !GuideAnchors.ALL.contains(anchor)) {
			errors.add(name + " links unknown guide section " + anchor);
		}
	}

	private static void fail(String what, List<String> errors) {
		if (!errors.isEmpty()) {
			throw new IllegalStateException(what + ": " + String.join("; ", errors));
		}
	}

}
