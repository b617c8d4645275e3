package com.northbeam.gateway.assessment;

import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Option;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.ShowWhen;
import com.northbeam.gateway.client.AssessmentClient.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayRulesTests {

	static final Question INTERNAL_IT = new Question("internal_it", "single", "Who runs IT?", null, true,
			List.of(new Option("none", "Nobody"), new Option("it_team", "A team")), null, null);

	static final Question TEAM_SIZE = new Question("team_size", "single", "How large is the team?", null, true,
			List.of(new Option("small", "Small"), new Option("na", "Not asked")),
			new ShowWhen("internal_it", List.of("it_team")), "na");

	static final Field EMAIL = new Field("email", "email", "Email", null, true, null, null, 254);

	static final Questionnaire QUESTIONNAIRE = new Questionnaire(1,
			List.of(new Step("it", "Your IT", null, List.of("internal_it", "team_size"), List.of()),
					new Step("contact", "Contact", null, List.of(), List.of("email"))),
			List.of(INTERNAL_IT, TEAM_SIZE), null, List.of(), List.of(EMAIL));

	@Test
	void aQuestionWithARuleIsShownOnlyWhenTheRuleIsMet() {
		assertThat(DisplayRules.shown(INTERNAL_IT, Map.of())).isTrue();
		assertThat(DisplayRules.shown(TEAM_SIZE, Map.of())).isFalse();
		assertThat(DisplayRules.shown(TEAM_SIZE, Map.of("internal_it", List.of("none")))).isFalse();
		assertThat(DisplayRules.shown(TEAM_SIZE, Map.of("internal_it", List.of("it_team")))).isTrue();
	}

	@Test
	void theAnswerImpliedWhenHiddenIsNoChoice() {
		assertThat(DisplayRules.choices(TEAM_SIZE)).extracting(Option::code).containsExactly("small");
	}

	@Test
	void theContactStepIsLeftOutWhenContactComesAfterTheResult() {
		assertThat(DisplayRules.wizardSteps(QUESTIONNAIRE, false)).extracting(Step::id)
			.containsExactly("it", "contact");
		assertThat(DisplayRules.wizardSteps(QUESTIONNAIRE, true)).extracting(Step::id).containsExactly("it");
	}

}
