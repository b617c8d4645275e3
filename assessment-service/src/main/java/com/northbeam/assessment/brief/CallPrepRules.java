package com.northbeam.assessment.brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the call-prep rules, kept as data in {@code brief/call-prep-v*.json}:
 * how factors become signals, which answers make which pain points, objections and
 * questions, how the cost line is worded and the next step for each model.
 */
record CallPrepRules(int version, Signals signals, List<PainPoint> painPoints, List<Objection> objections,
		List<Question> questions, CostLine cost, Map<String, NextStep> nextSteps) {

	CallPrepRules {
		painPoints = (painPoints != null) ? List.copyOf(painPoints) : List.of();
		objections = (objections != null) ? List.copyOf(objections) : List.of();
		questions = (questions != null) ? List.copyOf(questions) : List.of();
		nextSteps = (nextSteps != null) ? new LinkedHashMap<>(nextSteps) : Map.of();
	}

	/**
	 * @param count how many signals the brief lists
	 * @param phrases a sales-facing sentence for each factor code (the factor's own
	 * reason otherwise)
	 * @param fromAnswers signals read from the answers, used after the factors and the
	 * urgency when those give fewer than {@code count}
	 */
	record Signals(int count, Map<String, String> phrases, List<PainPoint> fromAnswers) {

		Signals {
			phrases = (phrases != null) ? new LinkedHashMap<>(phrases) : Map.of();
			fromAnswers = (fromAnswers != null) ? List.copyOf(fromAnswers) : List.of();
		}

	}

	/** Text that applies when every condition holds. */
	record PainPoint(String code, List<When> when, String text, String guideAnchor) {

		PainPoint {
			when = (when != null) ? List.copyOf(when) : List.of();
		}

	}

	/**
	 * @param models the recommendations it applies to (every model when empty)
	 */
	record Objection(String code, List<When> when, List<String> models, String misconception, String response,
			String guideAnchor) {

		Objection {
			when = (when != null) ? List.copyOf(when) : List.of();
			models = (models != null) ? List.copyOf(models) : List.of();
		}

	}

	/**
	 * One of the guide's questions to ask before choosing: asked as urgent when
	 * {@code urgentWhen} holds, as left open when {@code openWhen} holds, else not at
	 * all.
	 */
	record Question(String code, String text, String guideAnchor, List<When> urgentWhen, List<When> openWhen) {

		Question {
			urgentWhen = (urgentWhen != null) ? List.copyOf(urgentWhen) : List.of();
			openWhen = (openWhen != null) ? List.copyOf(openWhen) : List.of();
		}

	}

	/**
	 * @param line the three totals ({@code {current}}, {@code {co_managed}},
	 * {@code {fully_managed}})
	 * @param compareWith for each recommendation, the priced setup compared with today
	 * @param more the difference when that setup costs more ({@code {model}},
	 * {@code {amount}})
	 * @param less when it costs less
	 * @param same when it costs about the same
	 * @param missing when the result has no cost comparison
	 */
	record CostLine(String line, Map<String, String> compareWith, String more, String less, String same,
			String missing) {

	}

	record NextStep(String text, String guideAnchor) {
	}

}
