package com.northbeam.assessment.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.system.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever answers arrive, checking them either names the offending questions (the
 * documented refusal) or yields answers that every published rules version scores without
 * throwing, into a known model with fits and confidence from 0 to 100. Inputs starting
 * with <code>{</code> are read as an answers object; others choose one option per byte,
 * so the fuzzer also reaches the answers the checks accept.
 */
class ScoringFuzzTests {

	private static final Questionnaire QUESTIONNAIRE = ScoringEngineTests.QUESTIONNAIRE;

	private static final List<ScoringRules> RULES = Scoring
		.load(List.of("classpath*:scoring/rules-v*.json"), ScoringEngineTests.JSON)
		.stream()
		.filter((rules) -> rules.questionnaireVersion() == QUESTIONNAIRE.version())
		.toList();

	@FuzzTest(maxDuration = "5m")
	void anyAnswers(byte[] data) {
		JsonNode raw = (data.length > 0 && data[0] == '{') ? parse(data) : chosen(data);
		if (raw == null) {
			return;
		}
		List<FieldError> errors = new ArrayList<>();
		Answers answers = Questionnaires.check(QUESTIONNAIRE, raw, errors);
		if (!errors.isEmpty()) {
			assertThat(errors).allSatisfy((error) -> assertThat(error.field()).startsWith("answers"));
			return;
		}
		assertThat(RULES).isNotEmpty();
		for (ScoringRules rules : RULES) {
			Score score = ScoringEngine.score(rules, answers, QUESTIONNAIRE);
			assertThat(score.recommendation()).isIn(Model.CO_MANAGED, Model.FULLY_MANAGED, Model.HYBRID);
			assertThat(List.of(score.fit().coManaged(), score.fit().fullyManaged(), score.fit().hybrid(),
					score.confidence()))
				.allSatisfy((value) -> assertThat(value).isBetween(0, 100));
			assertThat(score.priority().score()).isBetween(0, 100);
			assertThat(score.factors()).allSatisfy((factor) -> assertThat(factor.reason()).isNotBlank());
		}
	}

	private static JsonNode parse(byte[] data) {
		try {
			return ScoringEngineTests.JSON.readTree(new String(data, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** One byte per question: its option, or for a multiple choice a set of options. */
	private static JsonNode chosen(byte[] data) {
		ObjectNode answers = ScoringEngineTests.JSON.createObjectNode();
		List<Question> questions = QUESTIONNAIRE.questions();
		for (int i = 0; i < questions.size() && i < data.length; i++) {
			Question question = questions.get(i);
			int bits = data[i] & 0xff;
			List<String> codes = question.options().stream().map(Questionnaire.Option::code).toList();
			if (question.multi()) {
				ArrayNode array = answers.putArray(question.id());
				for (int j = 0; j < codes.size() && j < 8; j++) {
					if ((bits & (1 << j)) != 0) {
						array.add(codes.get(j));
					}
				}
			}
			else {
				answers.put(question.id(), codes.get(bits % codes.size()));
			}
		}
		return answers;
	}

}
