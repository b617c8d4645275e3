package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;

/**
 * Finds the single answers that would change a close call: every other option of every
 * asked question (for a multiple-choice question: one code more or less), kept only when
 * the changed answers could really be given (questions it hides are answered
 * automatically; a question it reveals would need an answer first).
 */
final class Tipping {

	static final int LIMIT = 3;

	private Tipping() {
	}

	static List<Score.Tip> tips(ScoringRules rules, Answers answers, Questionnaire questionnaire, int winner) {
		List<Candidate> found = new ArrayList<>();
		for (Question question : questionnaire.questions()) {
			if (!shown(question, answers.values())) {
				continue;
			}
			Candidate best = null;
			for (List<String> codes : alternatives(question, answers.codes(question.id()))) {
				Answers changed = consistent(questionnaire, answers.with(question.id(), codes));
				if (changed == null) {
					continue;
				}
				int[] raw = ScoringEngine.raw(rules, changed);
				int newWinner = ScoringEngine.winner(raw);
				if (newWinner == winner) {
					continue;
				}
				int lead = raw[newWinner] - raw[ScoringEngine.runnerUp(raw, newWinner)];
				if (best == null || lead > best.lead()) {
					best = new Candidate(question, codes, Model.ALL.get(newWinner), lead);
				}
			}
			if (best != null) {
				found.add(best);
			}
		}
		return found.stream()
			.sorted(Comparator.comparingInt(Candidate::lead).reversed())
			.limit(LIMIT)
			.map((candidate) -> candidate.tip(rules))
			.toList();
	}

	private static List<List<String>> alternatives(Question question, List<String> current) {
		List<List<String>> alternatives = new ArrayList<>();
		for (Questionnaire.Option option : question.options()) {
			String code = option.code();
			if (code.equals(question.answerWhenHidden())) {
				continue;
			}
			if (!question.multi()) {
				if (!current.contains(code)) {
					alternatives.add(List.of(code));
				}
				continue;
			}
			if (Question.NONE.equals(code)) {
				continue;
			}
			List<String> toggled = new ArrayList<>(current);
			if (!toggled.remove(code)) {
				toggled.remove(Question.NONE);
				toggled.add(code);
			}
			if (toggled.isEmpty()) {
				if (!question.hasOption(Question.NONE)) {
					continue;
				}
				toggled.add(Question.NONE);
			}
			alternatives.add(List.copyOf(toggled));
		}
		return alternatives;
	}

	/**
	 * The answers with hidden questions answered automatically, or {@code null} when a
	 * question the change reveals has no real answer yet.
	 */
	private static Answers consistent(Questionnaire questionnaire, Answers answers) {
		Map<String, List<String>> values = new LinkedHashMap<>(answers.values());
		for (Question question : questionnaire.questions()) {
			List<String> codes = values.getOrDefault(question.id(), List.of());
			if (!shown(question, values)) {
				values.put(question.id(), List.of(question.answerWhenHidden()));
			}
			else if (question.answerWhenHidden() != null && codes.contains(question.answerWhenHidden())) {
				return null;
			}
		}
		return new Answers(answers.questionnaireVersion(), values);
	}

	private static boolean shown(Question question, Map<String, List<String>> values) {
		if (question.showWhen() == null) {
			return true;
		}
		for (String code : values.getOrDefault(question.showWhen().question(), List.of())) {
			if (question.showWhen().anyOf().contains(code)) {
				return true;
			}
		}
		return false;
	}

	private record Candidate(Question question, List<String> codes, String model, int lead) {

		Score.Tip tip(ScoringRules rules) {
			String answer = String.join(", ",
					this.codes.stream()
						.map((code) -> "\u201c" + this.question.optionLabel(code).orElse(code) + "\u201d")
						.toList());
			String explanation = "Answering " + answer + " to \u201c" + this.question.label() + "\u201d would make "
					+ ScoringEngine.lowerFirst(rules.models().get(this.model)) + " the better fit.";
			return new Score.Tip(this.question.id(), this.codes, this.model, explanation);
		}

	}

}
