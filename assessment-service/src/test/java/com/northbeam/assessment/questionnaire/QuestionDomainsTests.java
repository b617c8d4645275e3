package com.northbeam.assessment.questionnaire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QuestionDomainsTests {

	static final Questionnaires QUESTIONNAIRES = QuestionnairesTests.QUESTIONNAIRES;

	static final QuestionDomains DOMAINS = new QuestionDomains(QUESTIONNAIRES,
			QuestionDomains.load(JsonMapper.builder().build()));

	@Test
	void theTeamAndNeedsStepsAreTechnicalAndTheRestIsBusiness() {
		Questionnaire v1 = QUESTIONNAIRES.version(1).orElseThrow();
		assertThat(DOMAINS.technicalSteps(v1)).extracting(Questionnaire.Step::id).containsExactly("team", "needs");
		assertThat(DOMAINS.technicalQuestions(v1)).containsExactly("internal_it", "workload", "skills_gaps",
				"project_delays", "support_wait", "coverage", "security_complexity");
		assertThat(DOMAINS.technical(v1, "predictability")).isFalse();
		assertThat(DOMAINS.technical(v1, "control_preference")).isFalse();
	}

	@Test
	void aVersionWithoutDomainsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new QuestionDomains(QUESTIONNAIRES, List.of()))
			.withMessageContaining("has no domains");
	}

	@Test
	void aQuestionWithoutADomainIsRefused() {
		Map<String, String> domains = new HashMap<>(v1Domains());
		domains.remove("hiring");
		assertThatIllegalStateException().isThrownBy(() -> definedAs(domains))
			.withMessageContaining("every question, and only they, needs a domain");
	}

	@Test
	void aStepThatMixesTheDomainsIsRefused() {
		Map<String, String> domains = new HashMap<>(v1Domains());
		domains.put("coverage", QuestionDomains.BUSINESS);
		assertThatIllegalStateException().isThrownBy(() -> definedAs(domains))
			.withMessageContaining("step needs mixes technical and business questions");
	}

	@Test
	void aQuestionThatDependsOnAnotherDomainIsRefused() {
		// workload is asked only when internal_it names an IT person or team: merged
		// answers would be inconsistent if the two came from different people.
		Map<String, String> domains = new HashMap<>(v1Domains());
		domains.put("internal_it", QuestionDomains.BUSINESS);
		domains.put("support_wait", QuestionDomains.BUSINESS);
		domains.put("project_delays", QuestionDomains.BUSINESS);
		domains.put("workload", QuestionDomains.TECHNICAL);
		assertThatIllegalStateException().isThrownBy(() -> definedAs(domains)).withMessageContaining("team mixes");
		domains.put("workload", QuestionDomains.BUSINESS);
		domains.put("internal_it", QuestionDomains.TECHNICAL);
		assertThatIllegalStateException().isThrownBy(() -> definedAs(domains));
	}

	private static Map<String, String> v1Domains() {
		Map<String, String> domains = new HashMap<>();
		Questionnaire v1 = QUESTIONNAIRES.version(1).orElseThrow();
		v1.questions()
			.forEach((question) -> domains.put(question.id(),
					DOMAINS.technical(v1, question.id()) ? QuestionDomains.TECHNICAL : QuestionDomains.BUSINESS));
		return domains;
	}

	private static QuestionDomains definedAs(Map<String, String> domains) {
		return new QuestionDomains(QUESTIONNAIRES, List.of(new QuestionDomains.Definition(1, domains)));
	}

}
