package com.northbeam.gateway.assessment;

import java.util.List;
import java.util.function.Supplier;

import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.ResultColleague;

/**
 * A result's colleague as its page shows them: whether they were invited or answered, and
 * each disagreement with the labels of the question and of both answers.
 */
record DisagreementsView(ResultColleague colleague, List<Row> rows) {

	/** Reads the questionnaire only when there are disagreements to label. */
	static DisagreementsView of(ResultColleague colleague, Supplier<Questionnaire> questionnaires) {
		if (colleague == null || colleague.disagreements().isEmpty()) {
			return new DisagreementsView(colleague, List.of());
		}
		Questionnaire questionnaire = questionnaires.get();
		List<Row> rows = colleague.disagreements().stream().map((disagreement) -> {
			Question question = questionnaire.question(disagreement.question()).orElse(null);
			return new Row((question != null) ? question.label() : disagreement.question(),
					labels(question, disagreement.respondent()), labels(question, disagreement.colleague()),
					"colleague".equals(disagreement.used()), "technical".equals(disagreement.domain()));
		}).toList();
		return new DisagreementsView(colleague, rows);
	}

	public boolean invited() {
		return colleague != null;
	}

	public boolean answered() {
		return colleague != null && colleague.answered();
	}

	private static String labels(Question question, List<String> codes) {
		return String.join(", ",
				codes.stream()
					.map((code) -> (question == null) ? code
							: question.options()
								.stream()
								.filter((option) -> option.code().equals(code))
								.map((option) -> option.label())
								.findFirst()
								.orElse(code))
					.toList());
	}

	/**
	 * @param usedColleague whether the result used the colleague's answer (else the
	 * respondent's)
	 */
	record Row(String question, String respondent, String colleague, boolean usedColleague, boolean technical) {
	}

}
