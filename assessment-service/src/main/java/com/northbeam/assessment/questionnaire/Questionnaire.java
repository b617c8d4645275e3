package com.northbeam.assessment.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * One published version of the questionnaire: its steps, questions with labels, help and
 * options, display rules, optional cost fields, contact fields and the consent text. A
 * published version is never changed; a new one gets a new number.
 */
public record Questionnaire(int version, ConsentText consent, List<Step> steps, List<Question> questions,
		List<CostField> costFields, List<ContactField> contactFields) {

	public Questionnaire {
		steps = List.copyOf(steps);
		questions = List.copyOf(questions);
		costFields = List.copyOf(costFields);
		contactFields = List.copyOf(contactFields);
	}

	public Optional<Question> question(String id) {
		for (Question question : this.questions) {
			if (question.id().equals(id)) {
				return Optional.of(question);
			}
		}
		return Optional.empty();
	}

	public Optional<CostField> costField(String id) {
		return this.costFields.stream().filter((field) -> field.id().equals(id)).findFirst();
	}

	public Optional<ContactField> contactField(String id) {
		return this.contactFields.stream().filter((field) -> field.id().equals(id)).findFirst();
	}

	/** The consent text the prospect agrees to, identified by its own version. */
	public record ConsentText(String version, String text) {
	}

	/**
	 * A page of the wizard; {@code fieldIds} lists the cost or contact fields it holds.
	 */
	public record Step(String id, String title, String intro, List<String> questionIds, List<String> fieldIds) {

		public Step {
			questionIds = List.copyOf(questionIds);
			fieldIds = (fieldIds != null) ? List.copyOf(fieldIds) : List.of();
		}

	}

	/**
	 * A question. When {@code showWhen} does not hold, the question is not asked and is
	 * answered {@code answerWhenHidden} automatically.
	 */
	public record Question(String id, String kind, String label, String help, boolean required, List<Option> options,
			ShowWhen showWhen, String answerWhenHidden) {

		public static final String SINGLE = "single";

		public static final String MULTI = "multi";

		/** The code that, in a multiple-choice question, excludes every other code. */
		public static final String NONE = "none";

		public Question {
			options = List.copyOf(options);
		}

		public boolean multi() {
			return MULTI.equals(this.kind);
		}

		public boolean hasOption(String code) {
			for (Option option : this.options) {
				if (option.code().equals(code)) {
					return true;
				}
			}
			return false;
		}

		public int optionIndex(String code) {
			for (int i = 0; i < this.options.size(); i++) {
				if (this.options.get(i).code().equals(code)) {
					return i;
				}
			}
			return -1;
		}

		public Optional<String> optionLabel(String code) {
			return this.options.stream().filter((option) -> option.code().equals(code)).map(Option::label).findFirst();
		}

	}

	public record Option(String code, String label) {
	}

	/**
	 * Asks a question only when an earlier single-choice question has one of the given
	 * answers.
	 */
	public record ShowWhen(String question, List<String> anyOf) {

		public ShowWhen {
			anyOf = List.copyOf(anyOf);
		}

	}

	/** An optional numeric cost input ({@code kind} is {@code number}). */
	public record CostField(String id, String kind, String label, String help, boolean required, double min,
			double max) {
	}

	/** A field of the contact step. */
	public record ContactField(String id, String kind, String label, boolean required, Integer maxLength) {
	}

}
