package com.northbeam.assessment.scoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.northbeam.assessment.questionnaire.Answers;

/**
 * One published version of the scoring rules, written for one questionnaire version. The
 * rules are data: each names the answers it applies to, how much it moves each model's
 * fit and the lead's priority, a plain-language reason and the guide section that
 * explains it.
 *
 * @param version the rules version, recorded with every result
 * @param questionnaireVersion the questionnaire version whose answers these rules read
 * @param models how each model is named in explanations
 * @param baseline each model's raw score before any rule applies
 * @param scale raw points that move a fit from 50 to about 73 (the logistic curve's
 * scale)
 * @param confidence how the lead of the winner turns into a confidence figure and word
 * @param priority where the lead's priority starts before any rule applies
 * @param rules the rules, in the order their factors are listed when weights are equal
 */
public record ScoringRules(int version, int questionnaireVersion, Map<String, String> models,
		Map<String, Integer> baseline, double scale, Confidence confidence, Priority priority, List<Rule> rules) {

	public ScoringRules {
		models = (models != null) ? Map.copyOf(models) : Map.of();
		baseline = (baseline != null) ? Map.copyOf(baseline) : Map.of();
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	/** The same rules under another version number. */
	ScoringRules withVersion(int version) {
		return new ScoringRules(version, this.questionnaireVersion, this.models, this.baseline, this.scale,
				this.confidence, this.priority, this.rules);
	}

	/** The same rules with {@code rules} instead of these rules. */
	ScoringRules withRules(List<Rule> rules) {
		return new ScoringRules(this.version, this.questionnaireVersion, this.models, this.baseline, this.scale,
				this.confidence, this.priority, rules);
	}

	/**
	 * @param fullAt the gap between the winner and the runner-up that gives confidence
	 * 100
	 * @param clear the confidence from which the recommendation is called clear
	 * @param moderate the confidence from which it is called moderate (below: close)
	 * @param basis what the gap is measured in: {@code fit} (fit points, the default) or
	 * {@code raw} (raw points, which do not flatten near a fit of 0 or 100 the way fit
	 * points do)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Confidence(double fullAt, int clear, int moderate, String basis) {

		public static final String FIT = "fit";

		public static final String RAW = "raw";

		public Confidence(double fullAt, int clear, int moderate) {
			this(fullAt, clear, moderate, null);
		}

		boolean raw() {
			return RAW.equals(this.basis);
		}

	}

	/**
	 * @param fit where the fit-for-the-MSP part starts (0-100) @param urgency where
	 * urgency starts
	 */
	public record Priority(int fit, int urgency) {
	}

	/**
	 * @param code stable id of the rule, shown as the factor code
	 * @param when conditions that must all hold
	 * @param effects raw points added to each model's score
	 * @param priority points added to the lead's fit for the MSP and to its urgency
	 * @param reason one plain sentence shown next to the factor
	 * @param because the same reason as a short clause for the summary sentence
	 * @param guideAnchor the guide section that explains it
	 */
	public record Rule(String code, List<Condition> when, Map<String, Integer> effects, PriorityEffect priority,
			String reason, String because, String guideAnchor) {

		public Rule {
			when = (when != null) ? List.copyOf(when) : List.of();
			effects = (effects != null) ? Map.copyOf(effects) : Map.of();
			priority = (priority != null) ? priority : new PriorityEffect(0, 0);
		}

		boolean appliesTo(Answers answers) {
			for (Condition condition : this.when) {
				if (!condition.holds(answers)) {
					return false;
				}
			}
			return true;
		}

		int effect(String model) {
			return this.effects.getOrDefault(model, 0);
		}

	}

	/**
	 * Holds when at least {@code atLeast} (default 1) of the codes given to
	 * {@code question} are in {@code anyOf}.
	 */
	public record Condition(String question, List<String> anyOf, Integer atLeast) {

		public Condition {
			anyOf = (anyOf != null) ? List.copyOf(anyOf) : List.of();
			atLeast = (atLeast != null) ? atLeast : 1;
		}

		boolean holds(Answers answers) {
			int matching = 0;
			for (String code : answers.codes(this.question)) {
				if (this.anyOf.contains(code) && ++matching >= this.atLeast) {
					return true;
				}
			}
			return false;
		}

	}

	public record PriorityEffect(int fit, int urgency) {
	}

}
