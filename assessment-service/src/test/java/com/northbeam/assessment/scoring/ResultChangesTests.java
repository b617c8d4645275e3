package com.northbeam.assessment.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.scoring.ResultChanges.Changes;
import com.northbeam.assessment.scoring.ResultChanges.Driver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ResultChangesTests {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Questionnaire QUESTIONNAIRE = Questionnaires
		.load(List.of("classpath:questionnaire/v1.json"), JSON)
		.get(0);

	private static final UUID BEFORE = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private static final Map<String, String> MODELS = Map.of("co_managed", "co-managed", "fully_managed",
			"fully managed", "hybrid", "hybrid");

	@Test
	void twoChangedAnswersMoveTheRecommendationAndTheWhyNamesTheFactorsThatMovedIt() {
		JsonNode before = result(BEFORE, 2, "co_managed", 62, 55, 10,
				"{\"internal_it\":[\"it_person\"],\"workload\":[\"stretched\"],\"growth\":[\"fast\"]}",
				factor("internal_team_in_place", "You already have IT staff.", 20, -10, 0),
				factor("fast_growth", "You are growing fast.", 5, 5, 0));
		JsonNode after = result(UUID.randomUUID(), 2, "fully_managed", 48, 71, 10,
				"{\"internal_it\":[\"none\"],\"workload\":[\"no_team\"],\"growth\":[\"fast\"]}",
				factor("no_dedicated_it", "Nobody is dedicated to IT.", -20, 40, -30),
				factor("fast_growth", "You are growing fast.", 5, 5, 0));

		Changes changes = ResultChanges.compare(before, after, Optional.of(QUESTIONNAIRE));

		assertThat(changes.from()).isEqualTo(BEFORE);
		assertThat(changes.answers()).extracting((answer) -> answer.question())
			.containsExactly("internal_it", "workload");
		assertThat(changes.answers().get(0).label()).isEqualTo(QUESTIONNAIRE.question("internal_it").get().label());
		assertThat(changes.answers().get(0).before()).extracting((choice) -> choice.code())
			.containsExactly("it_person");
		assertThat(changes.answers().get(0).after().get(0).label())
			.isEqualTo(QUESTIONNAIRE.question("internal_it").get().optionLabel("none").get());
		assertThat(changes.fit()).extracting((fit) -> fit.model() + " " + fit.before() + "→" + fit.after())
			.containsExactly("co_managed 62→48", "fully_managed 55→71", "hybrid 10→10");
		assertThat(changes.appeared()).extracting((factor) -> factor.code()).containsExactly("no_dedicated_it");
		assertThat(changes.disappeared()).extracting((factor) -> factor.code())
			.containsExactly("internal_team_in_place");
		assertThat(changes.why().outcome()).isEqualTo(ResultChanges.MOVED);
		assertThat(changes.why().from()).isEqualTo("co_managed");
		assertThat(changes.why().to()).isEqualTo("fully_managed");
		assertThat(changes.why().gapBefore()).isEqualTo(-7);
		assertThat(changes.why().gapAfter()).isEqualTo(23);
		assertThat(changes.why().drivers()).extracting(Driver::code, Driver::change, Driver::shift)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("no_dedicated_it", ResultChanges.APPEARED, 60),
					org.assertj.core.groups.Tuple.tuple("internal_team_in_place", ResultChanges.DISAPPEARED, 30));
		assertThat(changes.rulesChanged()).isFalse();
		assertThat(ResultChanges.summary(changes, MODELS)).isEqualTo("2 answers changed; co-managed fit 62 → 48, "
				+ "fully managed fit 55 → 71; recommendation moved from co-managed to fully managed because "
				+ "(now) Nobody is dedicated to IT. (no longer) You already have IT staff.");
	}

	@Test
	void aRecommendationThatHeldSaysByHowMuchItStillLeadsAndWhatNarrowedIt() {
		JsonNode before = result(BEFORE, 2, "co_managed", 70, 40, 20, "{\"support_wait\":[\"often\"]}",
				factor("support_waits", "People wait for help.", 10, 0, 0));
		JsonNode after = result(UUID.randomUUID(), 2, "co_managed", 60, 45, 20, "{\"support_wait\":[\"rarely\"]}",
				factor("hiring_is_hard", "Hiring is hard.", 0, 5, 0));

		Changes changes = ResultChanges.compare(before, after, Optional.of(QUESTIONNAIRE));

		assertThat(changes.why().outcome()).isEqualTo(ResultChanges.HELD);
		assertThat(changes.why().contender()).isEqualTo("fully_managed");
		assertThat(changes.why().gapBefore()).isEqualTo(30);
		assertThat(changes.why().gapAfter()).isEqualTo(15);
		assertThat(changes.why().drivers()).extracting(Driver::code, Driver::shift)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("support_waits", -10),
					org.assertj.core.groups.Tuple.tuple("hiring_is_hard", -5));
		assertThat(ResultChanges.summary(changes, MODELS)).isEqualTo("1 answer changed; co-managed fit 70 → 60, "
				+ "fully managed fit 40 → 45; recommendation held at co-managed (ahead of fully managed by 30 → 15 points)");
	}

	@Test
	void theSameAnswersChangeNothingAndMultipleChoiceOrderDoesNotCount() {
		String answers = "{\"skills_gaps\":[\"cybersecurity\",\"compliance\"]}";
		JsonNode before = result(BEFORE, 2, "hybrid", 30, 30, 60, answers);
		JsonNode after = result(UUID.randomUUID(), 2, "hybrid", 30, 30, 60,
				"{\"skills_gaps\":[\"compliance\",\"cybersecurity\"]}");

		Changes changes = ResultChanges.compare(before, after, Optional.empty());

		assertThat(changes.answers()).isEmpty();
		assertThat(changes.appeared()).isEmpty();
		assertThat(changes.disappeared()).isEmpty();
		assertThat(changes.why().drivers()).isEmpty();
		assertThat(ResultChanges.summary(changes, MODELS)).startsWith("0 answers changed; every fit as before;");
	}

	@Test
	void resultsScoredWithDifferentRulesSaySoAndAnswersWithoutAQuestionnaireShowTheirCodes() {
		JsonNode before = result(BEFORE, 1, "co_managed", 50, 40, 0, "{\"coverage\":[\"business_hours\"]}");
		JsonNode after = result(UUID.randomUUID(), 2, "co_managed", 55, 40, 0, "{\"coverage\":[\"24x7\"]}");

		Changes changes = ResultChanges.compare(before, after, Optional.empty());

		assertThat(changes.rulesChanged()).isTrue();
		assertThat(changes.answers().get(0).label()).isEqualTo("coverage");
		assertThat(changes.answers().get(0).after().get(0).label()).isEqualTo("24x7");
		assertThat(ResultChanges.summary(changes, MODELS)).endsWith("; scored with rules v1 then v2");
	}

	@Test
	void aResultStoredBeforeFactorsHadFitEffectsGivesNoDriversButStillTheFactors() {
		JsonNode before = result(BEFORE, 2, "co_managed", 60, 40, 0, "{}");
		JsonNode after = JSON.readTree("""
				{"id":"%s","rulesVersion":2,"recommendation":"fully_managed",
				 "fit":{"co_managed":40,"fully_managed":60,"hybrid":0},
				 "factors":[{"code":"old_factor","model":"fully_managed","reason":"Old reason."}],"answers":{}}"""
			.formatted(UUID.randomUUID()));

		Changes changes = ResultChanges.compare(before, after, Optional.empty());

		assertThat(changes.appeared()).extracting((factor) -> factor.code()).containsExactly("old_factor");
		assertThat(changes.why().drivers()).isEmpty();
		assertThat(ResultChanges.summary(changes, MODELS))
			.endsWith("recommendation moved from co-managed to fully managed");
	}

	private static JsonNode result(UUID id, int rules, String recommendation, int coManaged, int fullyManaged,
			int hybrid, String answers, String... factors) {
		return JSON.readTree("""
				{"id":"%s","questionnaireVersion":1,"rulesVersion":%d,"recommendation":"%s",
				 "fit":{"co_managed":%d,"fully_managed":%d,"hybrid":%d},"factors":[%s],"answers":%s}""".formatted(id,
				rules, recommendation, coManaged, fullyManaged, hybrid, String.join(",", factors), answers));
	}

	private static String factor(String code, String reason, int coManaged, int fullyManaged, int hybrid) {
		return """
				{"code":"%s","model":"co_managed","reason":"%s","guideAnchor":"anchor",
				 "fitEffects":{"co_managed":%d,"fully_managed":%d,"hybrid":%d}}""".formatted(code, reason, coManaged,
				fullyManaged, hybrid);
	}

}
