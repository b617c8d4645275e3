package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.scoring.Score.Factor;
import com.northbeam.assessment.scoring.Score.Fit;
import com.northbeam.assessment.scoring.Score.LeadPriority;
import com.northbeam.assessment.scoring.Score.PriorityFactor;
import com.northbeam.assessment.scoring.ScoringRules.Rule;

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

	private static final int MODELS = Model.ALL.size();

	private ScoringEngine() {
	}

	public static Score score(ScoringRules rules, Answers answers) {
		return score(rules, answers, null);
	}

	/**
	 * Scores answers; with the questionnaire at hand a close call also says which single
	 * answers would tip it.
	 */
	public static Score score(ScoringRules rules, Answers answers, Questionnaire questionnaire) {
		if (answers.questionnaireVersion() != rules.questionnaireVersion()) {
			throw new IllegalArgumentException("Rules version " + rules.version() + " reads questionnaire version "
					+ rules.questionnaireVersion() + ", not " + answers.questionnaireVersion());
		}
		int[] raw = raw(rules, answers);
		int priorityFit = rules.priority().fit();
		int urgency = rules.priority().urgency();
		List<Rule> applied = new ArrayList<>();
		List<PriorityFactor> priorityFactors = new ArrayList<>();
		for (Rule rule : rules.rules()) {
			if (!rule.appliesTo(answers)) {
				continue;
			}
			if (!rule.effects().isEmpty()) {
				applied.add(rule);
			}
			priorityFit += rule.priority().fit();
			urgency += rule.priority().urgency();
			if (rule.priority().fit() != 0 || rule.priority().urgency() != 0) {
				priorityFactors.add(new PriorityFactor(rule.code(), rule.priority().fit(), rule.priority().urgency(),
						rule.reason(), rule.guideAnchor()));
			}
		}
		Fit fit = new Fit(fit(raw[0], rules.scale()), fit(raw[1], rules.scale()), fit(raw[2], rules.scale()));
		int winnerIndex = winner(raw);
		int runnerUpIndex = runnerUp(raw, winnerIndex);
		String winner = Model.ALL.get(winnerIndex);
		String runnerUp = Model.ALL.get(runnerUpIndex);
		List<Factor> factors = new ArrayList<>();
		for (Rule rule : applied) {
			factors.add(factor(rules, rule, raw, winner));
		}
		double gap = rules.confidence().raw() ? raw[winnerIndex] - raw[runnerUpIndex]
				: fit.of(winner) - fit.of(runnerUp);
		int confidence = (int) Math.min(100, Math.round(gap * 100.0 / rules.confidence().fullAt()));
		String label = (confidence >= rules.confidence().clear()) ? "clear"
				: (confidence >= rules.confidence().moderate()) ? "moderate" : Score.CLOSE;
		factors.sort(Comparator.comparingInt(Factor::weight).reversed());
		priorityFactors
			.sort(Comparator.comparingInt((PriorityFactor factor) -> factor.fit() + factor.urgency()).reversed());
		int fitPart = clamp(priorityFit);
		int urgencyPart = clamp(urgency);
		int priority = (int) Math.round(fitPart * urgencyPart / 100.0);
		List<Score.Tip> tipping = (Score.CLOSE.equals(label) && questionnaire != null)
				? Tipping.tips(rules, answers, questionnaire, winnerIndex) : List.of();
		return new Score(rules.version(), winner, fit, confidence, label,
				summary(rules, winner, runnerUp, label, factors), factors,
				new LeadPriority(priority, fitPart, urgencyPart, priorityFactors), runnerUp, tipping);
	}

	/**
	 * Only the recommended model, without explanation: for scoring many stored answers at
	 * once.
	 */
	public static String recommend(ScoringRules rules, Answers answers) {
		return Model.ALL.get(winner(raw(rules, answers)));
	}

	/** Each model's raw score, in the order of {@link Model#ALL}. */
	static int[] raw(ScoringRules rules, Answers answers) {
		int[] raw = new int[MODELS];
		for (int i = 0; i < MODELS; i++) {
			raw[i] = rules.baseline().getOrDefault(Model.ALL.get(i), 0);
		}
		for (Rule rule : rules.rules()) {
			if (!rule.effects().isEmpty() && rule.appliesTo(answers)) {
				for (int i = 0; i < MODELS; i++) {
					raw[i] += rule.effect(Model.ALL.get(i));
				}
			}
		}
		return raw;
	}

	static int winner(int[] raw) {
		int winner = 0;
		for (int i = 1; i < raw.length; i++) {
			if (raw[i] > raw[winner]) {
				winner = i;
			}
		}
		return winner;
	}

	static int runnerUp(int[] raw, int winner) {
		int runnerUp = -1;
		for (int i = 0; i < raw.length; i++) {
			if (i != winner && (runnerUp < 0 || raw[i] > raw[runnerUp])) {
				runnerUp = i;
			}
		}
		return runnerUp;
	}

	private static Factor factor(ScoringRules rules, Rule rule, int[] raw, String winner) {
		String strongest = strongest(rule);
		// A rule that speaks as strongly for the winner as for any other model supports
		// it.
		String model = (rule.effect(winner) == rule.effect(strongest)) ? winner : strongest;
		Map<String, Integer> effects = new LinkedHashMap<>();
		Map<String, Integer> fitEffects = new LinkedHashMap<>();
		for (int i = 0; i < MODELS; i++) {
			String each = Model.ALL.get(i);
			int points = rule.effect(each);
			if (points != 0) {
				effects.put(each, points);
				fitEffects.put(each, fit(raw[i], rules.scale()) - fit(raw[i] - points, rules.scale()));
			}
		}
		return new Factor(rule.code(), model, rule.effect(model), effects, rule.reason(), rule.guideAnchor(),
				model.equals(winner) ? Factor.FOR : Factor.AGAINST, fitEffects.getOrDefault(model, 0), fitEffects);
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

	static int fit(int raw, double scale) {
		return (int) Math.round(100.0 / (1.0 + Math.exp(-raw / scale)));
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(100, value));
	}

	private static String summary(ScoringRules rules, String winner, String runnerUp, String label,
			List<Factor> factors) {
		String name = rules.models().get(winner);
		String opening = Score.CLOSE.equals(label)
				? name + " fits you slightly better than " + lowerFirst(rules.models().get(runnerUp))
				: name + " fits you best";
		return factors.stream()
			.filter((factor) -> factor.model().equals(winner))
			.findFirst()
			.flatMap((factor) -> rules.rules().stream().filter((rule) -> rule.code().equals(factor.code())).findFirst())
			.map((rule) -> opening + ", mainly because " + rule.because() + ".")
			.orElse(opening + ", judging by your answers as a whole.");
	}

	static String lowerFirst(String name) {
		// Model names start with a word such as "Co-managed"; keep acronyms like "IT"
		// intact.
		return (name.length() > 1 && Character.isLowerCase(name.charAt(1)))
				? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
	}

}
