package com.northbeam.assessment.colleague;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.northbeam.assessment.colleague.AnswerMerge.Merged;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.submission.ResultRespondents.Disagreement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge rules of two respondents' answers. */
class AnswerMergeTests {

	static final Questionnaire V1 = new Questionnaires(
			Questionnaires.load(List.of("classpath*:questionnaire/v*.json"), JsonMapper.builder().build()))
		.version(1)
		.orElseThrow();

	static final Set<String> TECHNICAL = Set.of("internal_it", "workload", "skills_gaps", "project_delays",
			"support_wait", "coverage", "security_complexity");

	static final Map<String, List<String>> RESPONDENT = answers("employees", "51-200", "internal_it", "it_team",
			"growth", "fast", "workload", "stretched", "skills_gaps", "cybersecurity,cloud_migration", "project_delays",
			"often", "support_wait", "sometimes", "coverage", "business_hours", "security_complexity", "growing",
			"tech_footprint", "cloud", "control_preference", "keep_control", "hiring", "somewhat_hard",
			"predictability", "medium");

	@Test
	void aTechnicalQuestionAnsweredDifferentlyTakesTheColleaguesAnswerAndIsADisagreement() {
		Merged merged = merge(RESPONDENT, answers("workload", "overloaded", "coverage", "24x7"));
		assertThat(merged.answers().get("workload")).containsExactly("overloaded");
		assertThat(merged.answers().get("coverage")).containsExactly("24x7");
		assertThat(merged.disagreements()).containsExactly(
				new Disagreement("workload", "technical", List.of("stretched"), List.of("overloaded"), "colleague"),
				new Disagreement("coverage", "technical", List.of("business_hours"), List.of("24x7"), "colleague"));
	}

	@Test
	void aBusinessQuestionAnsweredDifferentlyKeepsTheRespondentsAnswerAndIsADisagreement() {
		Merged merged = merge(RESPONDENT, answers("predictability", "high"));
		assertThat(merged.answers().get("predictability")).containsExactly("medium");
		assertThat(merged.disagreements()).containsExactly(
				new Disagreement("predictability", "business", List.of("medium"), List.of("high"), "respondent"));
	}

	@Test
	void aQuestionOnlyOneAnsweredTakesThatAnswer() {
		Map<String, List<String>> withoutHiring = new LinkedHashMap<>(RESPONDENT);
		withoutHiring.remove("hiring");
		Merged merged = merge(withoutHiring, answers("hiring", "very_hard"));
		assertThat(merged.answers().get("hiring")).containsExactly("very_hard");
		assertThat(merged.answers()).containsAllEntriesOf(Map.of("employees", List.of("51-200")));
		assertThat(merged.disagreements()).isEmpty();
	}

	@Test
	void multipleChoiceAnswersAreComparedAsSets() {
		Merged same = merge(RESPONDENT, answers("skills_gaps", "cloud_migration,cybersecurity"));
		assertThat(same.disagreements()).isEmpty();
		Merged different = merge(RESPONDENT, answers("skills_gaps", "cybersecurity,compliance"));
		assertThat(different.answers().get("skills_gaps")).containsExactly("cybersecurity", "compliance");
		assertThat(different.disagreements()).extracting(Disagreement::question).containsExactly("skills_gaps");
	}

	@Test
	void theMergedAnswersFollowTheQuestionnairesOrderAndAgreeingAnswersAreNoDisagreement() {
		Merged merged = merge(RESPONDENT, answers("internal_it", "it_team", "security_complexity", "growing"));
		assertThat(merged.answers().keySet()).containsExactlyElementsOf(RESPONDENT.keySet());
		assertThat(merged.answers()).isEqualTo(RESPONDENT);
		assertThat(merged.disagreements()).isEmpty();
	}

	@Test
	void aColleagueWhoSaysThereIsNoTeamCarriesTheHiddenWorkloadAnswerWithIt() {
		// internal_it decides whether workload is asked; both are technical, so both come
		// from the colleague and stay consistent.
		Merged merged = merge(RESPONDENT, answers("internal_it", "tech_savvy_staff", "workload", "no_team"));
		assertThat(merged.answers().get("internal_it")).containsExactly("tech_savvy_staff");
		assertThat(merged.answers().get("workload")).containsExactly("no_team");
		assertThat(merged.disagreements()).extracting(Disagreement::question)
			.containsExactly("internal_it", "workload");
	}

	private static Merged merge(Map<String, List<String>> respondent, Map<String, List<String>> colleague) {
		return AnswerMerge.merge(V1, TECHNICAL::contains, respondent, colleague);
	}

	/** Pairs of question id and comma-separated codes. */
	static Map<String, List<String>> answers(String... pairs) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put(pairs[i], List.of(pairs[i + 1].split(",")));
		}
		return answers;
	}

}
