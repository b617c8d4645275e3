package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.scoring.ScoringRules.Condition;
import com.northbeam.assessment.scoring.ScoringRules.Rule;
import com.northbeam.assessment.system.FieldError;

/**
 * Checks a rules definition against its questionnaire and names every problem by its path
 * in the definition (for example {@code rules[3].when[0].anyOf[1]}): the same checks for
 * the versions shipped with the service and for drafts made in the workbench.
 */
final class RulesCheck {

	/** Points beyond this are surely a typing error (the whole scale is a few dozen). */
	static final int MAX_POINTS = 1000;

	private RulesCheck() {
	}

	static List<FieldError> check(ScoringRules rules, Questionnaire questionnaire, String prefix) {
		List<FieldError> errors = new ArrayList<>();
		Problems problems = new Problems(prefix, errors);
		problems.require(rules.models().keySet().containsAll(Model.ALL), "models", "every model needs a name");
		rules.models().forEach((model, name) -> {
			problems.require(Model.ALL.contains(model), "models." + model, "is not a model");
			problems.require(notBlank(name), "models." + model, "needs a name");
		});
		rules.baseline().forEach((model, points) -> {
			problems.require(Model.ALL.contains(model), "baseline." + model, "is not a model");
			problems.require(points != null && Math.abs(points) <= MAX_POINTS, "baseline." + model,
					"must be between -" + MAX_POINTS + " and " + MAX_POINTS);
		});
		problems.require(Double.isFinite(rules.scale()) && rules.scale() > 0, "scale",
				"must be a finite number above 0");
		ScoringRules.Confidence confidence = rules.confidence();
		if (confidence == null) {
			problems.add("confidence", "is required");
		}
		else {
			problems.require(Double.isFinite(confidence.fullAt()) && confidence.fullAt() > 0, "confidence.fullAt",
					"must be a finite number above 0");
			problems.require(0 <= confidence.moderate() && confidence.moderate() <= confidence.clear()
					&& confidence.clear() <= 100, "confidence", "bands must be 0 <= moderate <= clear <= 100");
			problems.require(
					confidence.basis() == null || ScoringRules.Confidence.FIT.equals(confidence.basis())
							|| ScoringRules.Confidence.RAW.equals(confidence.basis()),
					"confidence.basis", "must be fit or raw");
		}
		if (rules.priority() == null) {
			problems.add("priority", "is required");
		}
		else {
			problems.require(within(rules.priority().fit()), "priority.fit", "must be 0-100");
			problems.require(within(rules.priority().urgency()), "priority.urgency", "must be 0-100");
		}
		problems.require(!rules.rules().isEmpty(), "rules", "must list at least one rule");
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < rules.rules().size(); i++) {
			checkRule(rules.rules().get(i), "rules[" + i + "]", questionnaire, codes, problems);
		}
		return errors;
	}

	private static void checkRule(Rule rule, String at, Questionnaire questionnaire, Set<String> codes,
			Problems problems) {
		if (rule == null) {
			problems.add(at, "is empty");
			return;
		}
		if (!notBlank(rule.code())) {
			problems.add(at + ".code", "is required");
		}
		else if (!codes.add(rule.code())) {
			problems.add(at + ".code", "repeats the rule code " + rule.code());
		}
		problems.require(!rule.when().isEmpty(), at + ".when", "needs at least one condition");
		for (int j = 0; j < rule.when().size(); j++) {
			checkCondition(rule.when().get(j), at + ".when[" + j + "]", questionnaire, problems);
		}
		rule.effects().forEach((model, points) -> {
			problems.require(Model.ALL.contains(model), at + ".effects." + model, "is not a model");
			problems.require(points != null && Math.abs(points) <= MAX_POINTS, at + ".effects." + model,
					"must be between -" + MAX_POINTS + " and " + MAX_POINTS);
		});
		problems.require(
				rule.effects().isEmpty()
						|| rule.effects().values().stream().anyMatch((points) -> points != null && points > 0),
				at + ".effects", "must speak for at least one model");
		problems.require(!rule.effects().isEmpty() || rule.priority().fit() != 0 || rule.priority().urgency() != 0, at,
				"has no effect at all");
		problems.require(Math.abs(rule.priority().fit()) <= 100 && Math.abs(rule.priority().urgency()) <= 100,
				at + ".priority", "points must be between -100 and 100");
		problems.require(notBlank(rule.reason()), at + ".reason", "is required");
		problems.require(notBlank(rule.because()), at + ".because", "is required");
		if (!notBlank(rule.guideAnchor())) {
			problems.add(at + ".guideAnchor", "is required");
		}
		else {
			problems.require(GuideAnchors.ALL.contains(rule.guideAnchor()), at + ".guideAnchor",
					"unknown guide anchor " + rule.guideAnchor());
		}
	}

	private static void checkCondition(Condition condition, String at, Questionnaire questionnaire, Problems problems) {
		if (condition == null) {
			problems.add(at, "is empty");
			return;
		}
		Optional<Question> found = Optional.ofNullable(condition.question()).flatMap(questionnaire::question);
		if (found.isEmpty()) {
			problems.add(at + ".question", "unknown question " + condition.question() + " of questionnaire version "
					+ questionnaire.version());
			return;
		}
		Question question = found.get();
		problems.require(!condition.anyOf().isEmpty(), at + ".anyOf", "lists no codes");
		for (int k = 0; k < condition.anyOf().size(); k++) {
			String code = condition.anyOf().get(k);
			problems.require(code != null && question.hasOption(code), at + ".anyOf[" + k + "]",
					"unknown code " + code + " of " + question.id());
		}
		problems.require(condition.atLeast() >= 1 && condition.atLeast() <= Math.max(1, condition.anyOf().size()),
				at + ".atLeast", "must be between 1 and the number of codes");
	}

	private static boolean within(int value) {
		return value >= 0 && value <= 100;
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private record Problems(String prefix, List<FieldError> errors) {

		void require(boolean condition, String field, String message) {
			if (!condition) {
				add(field, message);
			}
		}

		void add(String field, String message) {
			this.errors.add(new FieldError(this.prefix + field, message));
		}

	}

	/** Every problem as one line, for a start-up failure. */
	static String describe(List<FieldError> errors) {
		return String.join("; ", errors.stream().map((error) -> error.field() + ": " + error.message()).toList());
	}

}
