package com.northbeam.assessment.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the scoring engine concluded from one set of answers, with everything needed to
 * explain it.
 *
 * @param rulesVersion the rules version that produced it
 * @param recommendation the model that fits best
 * @param fit fit of each model, 0-100
 * @param confidence how clearly the winner leads, 0-100
 * @param confidenceLabel {@code clear}, {@code moderate} or {@code close}
 * @param summary one plain sentence saying why
 * @param factors every rule that moved a model's fit, heaviest first; each says whether
 * it points to the recommendation ({@code for}) or the other way ({@code against})
 * @param priority the lead's priority for the sales team, with its own factors
 * @param runnerUp the model that came second
 * @param tipping for a close call: single answers that would change the recommendation,
 * most decisive first (empty otherwise, or when the questionnaire was not at hand)
 */
public record Score(int rulesVersion, String recommendation, Fit fit, int confidence, String confidenceLabel,
		String summary, List<Factor> factors, LeadPriority priority, String runnerUp, List<Tip> tipping) {

	/** The confidence label of a close call. */
	public static final String CLOSE = "close";

	public Score {
		factors = List.copyOf(factors);
		tipping = (tipping != null) ? List.copyOf(tipping) : List.of();
	}

	/** Whether two models are so near each other that a small change would swap them. */
	public boolean closeCall() {
		return CLOSE.equals(this.confidenceLabel);
	}

	public record Fit(@JsonProperty(Model.CO_MANAGED) int coManaged,
			@JsonProperty(Model.FULLY_MANAGED) int fullyManaged, @JsonProperty(Model.HYBRID) int hybrid) {

		public int of(String model) {
			return switch (model) {
				case Model.CO_MANAGED -> this.coManaged;
				case Model.FULLY_MANAGED -> this.fullyManaged;
				case Model.HYBRID -> this.hybrid;
				default -> throw new IllegalArgumentException("Unknown model " + model);
			};
		}

	}

	/**
	 * @param code the rule's code
	 * @param model the model the rule speaks for (its largest effect)
	 * @param weight how many raw points it gave that model
	 * @param effects its raw points for every model it touched
	 * @param reason one plain sentence
	 * @param guideAnchor id of the guide section explaining it
	 * @param direction {@code for} when it speaks for the recommended model,
	 * {@code against} when it points the other way
	 * @param fitDelta how many fit points it moved the fit of {@link #model()}
	 * @param fitEffects how many fit points it moved the fit of every model it touched
	 */
	public record Factor(String code, String model, int weight, Map<String, Integer> effects, String reason,
			String guideAnchor, String direction, int fitDelta, Map<String, Integer> fitEffects) {

		/** Speaks for the recommended model. */
		public static final String FOR = "for";

		/** Points to another model than the recommended one. */
		public static final String AGAINST = "against";

		public Factor {
			effects = Collections.unmodifiableMap(new LinkedHashMap<>(effects));
			fitEffects = Collections.unmodifiableMap(new LinkedHashMap<>(fitEffects));
		}

	}

	/**
	 * A single answer that would tip a close call.
	 *
	 * @param question the question to answer differently
	 * @param answer the codes that would tip it
	 * @param recommendation the model that would then fit best
	 * @param explanation the same in one plain sentence
	 */
	public record Tip(String question, List<String> answer, String recommendation, String explanation) {

		public Tip {
			answer = List.copyOf(answer);
		}

	}

	/**
	 * @param score fit for the MSP times urgency, 0-100
	 * @param fit how well the prospect fits the MSP's services, 0-100
	 * @param urgency how pressing the need is, 0-100
	 * @param factors every rule that moved fit or urgency, heaviest first
	 */
	public record LeadPriority(int score, int fit, int urgency, List<PriorityFactor> factors) {

		public LeadPriority {
			factors = List.copyOf(factors);
		}

	}

	public record PriorityFactor(String code, int fit, int urgency, String reason, String guideAnchor) {
	}

}
