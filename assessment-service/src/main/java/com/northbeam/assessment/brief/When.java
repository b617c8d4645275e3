package com.northbeam.assessment.brief;

import java.util.ArrayList;
import java.util.List;

import com.northbeam.assessment.questionnaire.Answers;

/**
 * A condition of a brief rule: holds when at least {@code atLeast} (default 1) of the
 * codes given to {@code question} are in {@code anyOf}; the same shape as a scoring
 * rule's condition.
 */
record When(String question, List<String> anyOf, Integer atLeast) {

	When {
		anyOf = (anyOf != null) ? List.copyOf(anyOf) : List.of();
		atLeast = (atLeast != null) ? atLeast : 1;
	}

	boolean holds(Answers answers) {
		return matching(answers).size() >= this.atLeast;
	}

	/** The codes given to the question that this condition names. */
	List<String> matching(Answers answers) {
		List<String> matching = new ArrayList<>();
		for (String code : answers.codes(this.question)) {
			if (this.anyOf.contains(code)) {
				matching.add(code);
			}
		}
		return matching;
	}

	/** Whether every condition holds (an empty list never holds). */
	static boolean all(List<When> conditions, Answers answers) {
		if (conditions.isEmpty()) {
			return false;
		}
		for (When condition : conditions) {
			if (!condition.holds(answers)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The answers that made {@code conditions} hold, in plain words ("question: answer").
	 */
	static List<String> because(List<When> conditions, Answers answers, Labels labels) {
		return conditions.stream().map((when) -> labels.answer(when.question(), when.matching(answers))).toList();
	}

	/** Names questions and answers in plain words. */
	interface Labels {

		String answer(String question, List<String> codes);

	}

}
