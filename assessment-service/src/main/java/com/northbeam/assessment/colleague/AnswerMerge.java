package com.northbeam.assessment.colleague;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.QuestionDomains;
import com.northbeam.assessment.submission.ResultRespondents.Disagreement;

/**
 * Merges the answers of a company's two respondents into the company's answers. A
 * question only one of them answered takes that answer. Where both answered differently,
 * a technical question (about the IT team and its needs) takes the IT colleague's answer
 * and a business question the respondent's; each such question is a disagreement, with
 * both answers and whose was used. Multiple-choice answers are compared as sets.
 */
final class AnswerMerge {

	static final String RESPONDENT = "respondent";

	static final String COLLEAGUE = "colleague";

	private AnswerMerge() {
	}

	record Merged(Map<String, List<String>> answers, List<Disagreement> disagreements) {
	}

	/**
	 * @param technical whether a question of the questionnaire is technical
	 */
	static Merged merge(Questionnaire questionnaire, Predicate<String> technical, Map<String, List<String>> respondent,
			Map<String, List<String>> colleague) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		List<Disagreement> disagreements = new ArrayList<>();
		for (Question question : questionnaire.questions()) {
			List<String> mine = respondent.get(question.id());
			List<String> theirs = colleague.get(question.id());
			if (mine == null && theirs == null) {
				continue;
			}
			boolean itsTechnical = technical.test(question.id());
			if (mine == null || theirs == null) {
				answers.put(question.id(), (mine != null) ? mine : theirs);
				continue;
			}
			answers.put(question.id(), itsTechnical ? theirs : mine);
			if (!new HashSet<>(mine).equals(new HashSet<>(theirs))) {
				disagreements.add(new Disagreement(question.id(),
						itsTechnical ? QuestionDomains.TECHNICAL : QuestionDomains.BUSINESS, mine, theirs,
						itsTechnical ? COLLEAGUE : RESPONDENT));
			}
		}
		return new Merged(answers, disagreements);
	}

}
