package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.ScoringRules.Rule;
import com.northbeam.assessment.scoring.Score.Factor;
import com.northbeam.assessment.scoring.Score.Fit;
import com.northbeam.assessment.scoring.Score.LeadPriority;
import com.northbeam.assessment.scoring.Score.PriorityFactor;

/**
 * Applies one version of the scoring rules to checked answers. Pure and deterministic:
 * the same rules and answers always give the same score, with no clock, randomness or I/O
 * involved.
 * <p>
 * Each model's raw score is its baseline plus the points of every rule whose conditions
 * hold; a logistic curve maps it to a fit of 0-100, so more points always mean an equal
 * or higher fit. The winner has the highest raw score (exact ties go to the first model
 * in {@link Model#ALL}). Priority is fit for the MSP times urgency, each the clamped sum
 * of its rules' points.
 */
public final class ScoringEngine {

	private ScoringEngine() {
	}

	public static Score score(ScoringRules rules, Answers answers) {
		if (answers.questionnaireVersion() != rules.questionnaireVersion()) {
			throw new IllegalArgumentException("Rules version " + rules.version() + " reads questionnaire version "
					+ rules.questionnaireVersion() + ", not " + answers.questionnaireVersion());
		}
		Map<String, Integer> raw = new HashMap<>();
		Model.ALL.forEach((model) -> raw.put(model, rules.baseline().getOrDefault(model, 0)));
		int priorityFit = rules.priority().fit();
		int urgency = rules.priority().urgency();
		List<Factor> factors = new ArrayList<>();
		List<PriorityFactor> priorityFactors = new ArrayList<>();
		for (Rule rule : rules.rules()) {
			if (!rule.appliesTo(answers)) {
				continue;
			}
			Model.ALL.forEach((model) -> raw.merge(model, rule.effect(model), Integer::sum));
			if (!rule.effects().isEmpty()) {
				String model = strongest(rule);
				Map<String, Integer> effects = new LinkedHashMap<>();
				Model.ALL.stream()
					.filter((each) -> rule.effect(each) != 0)
					.forEach((each) -> effects.put(each, rule.effect(each)));
				factors.add(
						new Factor(rule.code(), model, rule.effect(model), effects, rule.reason(), rule.guideAnchor()));
			}
			priorityFit += rule.priority().fit();
			urgency += rule.priority().urgency();
			if (rule.priority().fit() != 0 || rule.priority().urgency() != 0) {
				priorityFactors.add(new PriorityFactor(rule.code(), rule.priority().fit(), rule.priority().urgency(),
						rule.reason(), rule.guideAnchor()));
			}
		}
		Fit fit = new Fit(fit(raw.get(Model.CO_MANAGED), rules.scale()),
				fit(raw.get(Model.FULLY_MANAGED), rules.scale()), fit(raw.get(Model.HYBRID), rules.scale()));
		String winner = Model.ALL.get(0);
		for (String model : Model.ALL) {
			if (raw.get(model) > raw.get(winner)) {
				winner = model;
			}
		}
		String runnerUp = null;
		for (String model : Model.ALL) {
			if (!model.equals(winner) && (runnerUp == null || raw.get(model) > raw.get(runnerUp))) {
				runnerUp = model;
			}
		}
		int gap = fit.of(winner) - fit.of(runnerUp);
		int confidence = (int) Math.min(100, Math.round(gap * 100.0 / rules.confidence().fullAt()));
		String label = (confidence >= rules.confidence().clear()) ? "clear"
				: (confidence >= rules.confidence().moderate()) ? "moderate" : "close";
		factors.sort(Comparator.comparingInt(Factor::weight).reversed());
		priorityFactors
			.sort(Comparator.comparingInt((PriorityFactor factor) -> factor.fit() + factor.urgency()).reversed());
		int fitPart = clamp(priorityFit);
		int urgencyPart = clamp(urgency);
		int priority = (int) Math.round(fitPart * urgencyPart / 100.0);
		return new Score(rules.version(), winner, fit, confidence, label,
				summary(rules, winner, runnerUp, label, factors), factors,
				new LeadPriority(priority, fitPart, urgencyPart, priorityFactors));
	}

	private static String strongest(Rule rule) {
		String strongest = null;
		for (String model : Model.ALL) {
			if (strongest == null || rule.effect(model) > rule.effect(strongest)) {
				strongest = model;
			}
		}
		return strongest;
	}

	private static int fit(int raw, double scale) {
		return (int) Math.round(100.0 / (1.0 + Math.exp(-raw / scale)));
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(100, value));
	}

	private static String summary(ScoringRules rules, String winner, String runnerUp, String label,
			List<Factor> factors) {
		String name = rules.models().get(winner);
		String opening = "close".equals(label)
				? name + " fits you slightly better than " + lowerFirst(rules.models().get(runnerUp))
				: name + " fits you best";
		return factors.stream()
			.filter((factor) -> factor.model().equals(winner))
			.findFirst()
			.flatMap((factor) -> rules.rules().stream().filter((rule) -> rule.code().equals(factor.code())).findFirst())
			.map((rule) -> opening + ", mainly because " + rule.because() + ".")
			.orElse(opening + ", judging by your answers as a whole.");
	}

	private static String lowerFirst(String name) {
		// Model names start with a word such as "Co-managed"; keep acronyms like "IT"
		// intact.
		return (name.length() > 1 && Character.isLowerCase(name.charAt(1)))
				? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
	}

}
