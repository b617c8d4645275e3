package com.northbeam.assessment.scoring;

import java.util.List;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.GoldenPersonas.Persona;
import com.northbeam.assessment.scoring.Score.Factor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Factors say which way they point and by how many fit points; a close call says which
 * answers would tip it.
 */
class FactorDirectionTests {

	static final ScoringRules RULES = DecisionMapDocumentTests.newestShipped();

	static Answers persona(String name) {
		return GoldenPersonasTests.PERSONAS.all()
			.stream()
			.filter((persona) -> persona.name().equals(name))
			.map(Persona::answers)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void factorsPointToTheRecommendationOrTheOtherWayWithTheirFitDelta() {
		Score score = ScoringEngine.score(RULES,
				persona("Enterprise with an IT department, stretched, some skills gaps, balanced control"));
		assertThat(score.recommendation()).isEqualTo(Model.HYBRID);
		List<Factor> forIt = score.factors()
			.stream()
			.filter((factor) -> factor.direction().equals(Factor.FOR))
			.toList();
		List<Factor> against = score.factors()
			.stream()
			.filter((factor) -> factor.direction().equals(Factor.AGAINST))
			.toList();
		assertThat(forIt).isNotEmpty().allSatisfy((factor) -> {
			assertThat(factor.model()).isEqualTo(Model.HYBRID);
			assertThat(factor.fitDelta()).isPositive();
			assertThat(factor.fitEffects()).containsEntry(Model.HYBRID, factor.fitDelta());
			assertThat(factor.guideAnchor()).isIn(GuideAnchors.ALL);
		});
		// Pressure speaks for co-managed and hybrid alike, so it supports the winner.
		assertThat(forIt).extracting(Factor::code).contains("team_stretched", "it_department_owns_the_core");
		assertThat(against).isNotEmpty().allSatisfy((factor) -> assertThat(factor.model()).isNotEqualTo(Model.HYBRID));
		assertThat(against).extracting(Factor::code).contains("internal_team_in_place");
	}

	@Test
	void aCloseCallSaysWhichAnswersWouldTipIt() {
		Answers answers = DecisionMap.profile(ScoringEngineTests.QUESTIONNAIRE, "1000+", "it_team",
				DecisionMap.PRESSURES.get("typical"));
		Score score = ScoringEngine.score(RULES, answers, ScoringEngineTests.QUESTIONNAIRE);
		assertThat(score.closeCall()).isTrue();
		assertThat(score.tipping()).isNotEmpty().allSatisfy((tip) -> {
			assertThat(tip.recommendation()).isNotEqualTo(score.recommendation());
			assertThat(tip.explanation()).startsWith("Answering");
			Answers tipped = answers.with(tip.question(), tip.answer());
			assertThat(ScoringEngine.recommend(RULES, tipped)).isEqualTo(tip.recommendation());
		});
		Score clear = ScoringEngine.score(RULES,
				DecisionMap.profile(ScoringEngineTests.QUESTIONNAIRE, "1-10", "none", DecisionMap.PRESSURES.get("low")),
				ScoringEngineTests.QUESTIONNAIRE);
		assertThat(clear.closeCall()).isFalse();
		assertThat(clear.tipping()).isEmpty();
	}

}
