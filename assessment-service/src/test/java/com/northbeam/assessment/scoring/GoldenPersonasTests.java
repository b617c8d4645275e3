package com.northbeam.assessment.scoring;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.scoring.GoldenPersonas.Persona;
import com.northbeam.assessment.scoring.GoldenPersonas.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden persona gets the model the guide implies from the newest shipped rules,
 * and the personas cover every size band and every kind of internal IT.
 */
class GoldenPersonasTests {

	static final GoldenPersonas PERSONAS = GoldenPersonas.load(ScoringEngineTests.JSON,
			ScoringEngineTests.QUESTIONNAIRE);

	@Test
	void everyPersonaGetsTheModelTheGuideImplies() {
		ScoringRules newest = DecisionMapDocumentTests.newestShipped();
		List<Result> results = PERSONAS.run(newest, newest);
		assertThat(results).hasSizeGreaterThanOrEqualTo(30);
		assertThat(results.stream().filter((result) -> !result.passed()).map(GoldenPersonasTests::describe)).isEmpty();
	}

	@Test
	void personasCoverEverySizeBandAndKindOfInternalItAndEveryModel() {
		for (String question : List.of("employees", "internal_it")) {
			Question asked = ScoringEngineTests.QUESTIONNAIRE.question(question).orElseThrow();
			Map<String, Long> counts = PERSONAS.all()
				.stream()
				.collect(Collectors.groupingBy((persona) -> persona.answers().code(question), Collectors.counting()));
			assertThat(counts.keySet()).as(question)
				.containsExactlyInAnyOrderElementsOf(asked.options().stream().map((option) -> option.code()).toList());
		}
		assertThat(PERSONAS.all().stream().map(Persona::expected).distinct())
			.containsExactlyInAnyOrderElementsOf(Model.ALL);
		assertThat(PERSONAS.all().stream().map(Persona::reason)).allMatch((reason) -> reason.startsWith("Guide"));
		assertThat(PERSONAS.all().stream().collect(Collectors.groupingBy(Persona::name, Collectors.counting())))
			.allSatisfy((name, count) -> assertThat(count).as(name).isOne());
		assertThat(PERSONAS.all().stream().map((persona) -> persona.answers().code("control_preference")).distinct())
			.hasSize(3);
		assertThat(PERSONAS.all().stream().map((persona) -> persona.answers().code("workload")).distinct()).hasSize(4);
	}

	@Test
	void version1StillGivesTheResultsItGaveWhenTheyWereStored() {
		// v1 is kept for stored results: it still calls the enterprise
		// co-managed.
		Persona enterprise = PERSONAS.all()
			.stream()
			.collect(Collectors.toMap(Persona::name, Function.identity()))
			.get("Enterprise with an IT department, stretched, some skills gaps, balanced control");
		assertThat(ScoringEngine.score(ScoringEngineTests.RULES, enterprise.answers()).recommendation())
			.isEqualTo(Model.CO_MANAGED);
		assertThat(ScoringEngine.score(DecisionMapDocumentTests.newestShipped(), enterprise.answers()).recommendation())
			.isEqualTo(Model.HYBRID);
	}

	private static String describe(Result result) {
		return result.name() + ": expected " + result.expected() + ", got " + result.recommendation() + " "
				+ result.fit();
	}

}
