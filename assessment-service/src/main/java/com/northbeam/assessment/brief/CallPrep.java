package com.northbeam.assessment.brief;

import java.util.List;

/**
 * What a salesperson reads before the first call, derived from a result by the call-prep
 * rules version {@code rulesVersion}. Every item says why it is there ({@code because}:
 * the answers or the factor it came from) and links the guide section behind it.
 *
 * @param signals the strongest signals, strongest first
 * @param painPoints pain points in the prospect's own terms
 * @param objections likely objections, from the guide's misconceptions
 * @param questions the guide's questions that the answers left open or made urgent,
 * urgent first
 * @param cost the cost picture in one line
 * @param nextStep the suggested next step for the recommended model
 */
public record CallPrep(int rulesVersion, String recommendation, List<Item> signals, List<Item> painPoints,
		List<Objection> objections, List<Question> questions, String cost, Item nextStep) {

	/** Asked because the answers made it urgent. */
	public static final String URGENT = "urgent";

	/** Asked because the answers left it open. */
	public static final String OPEN = "open";

	public CallPrep {
		signals = List.copyOf(signals);
		painPoints = List.copyOf(painPoints);
		objections = List.copyOf(objections);
		questions = List.copyOf(questions);
	}

	public record Item(String code, String text, List<String> because, String guideAnchor) {

		public Item {
			because = List.copyOf(because);
		}

	}

	public record Objection(String code, String misconception, String response, List<String> because,
			String guideAnchor) {

		public Objection {
			because = List.copyOf(because);
		}

	}

	/**
	 * @param why {@link #URGENT} or {@link #OPEN}
	 */
	public record Question(String code, String text, String why, List<String> because, String guideAnchor) {

		public Question {
			because = List.copyOf(because);
		}

	}

}
