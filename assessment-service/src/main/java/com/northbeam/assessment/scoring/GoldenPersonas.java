package com.northbeam.assessment.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.system.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Realistic prospects with the model the guide implies for each, and why: the yardstick
 * every rules version is held to (by the build, and by the workbench before publishing).
 * Kept in {@code scoring/golden-personas.json}.
 */
final class GoldenPersonas {

	static final String LOCATION = "scoring/golden-personas.json";

	private final List<Persona> personas;

	private GoldenPersonas(List<Persona> personas) {
		this.personas = List.copyOf(personas);
	}

	/** Reads the personas and checks their answers against the questionnaire. */
	static GoldenPersonas load(ObjectMapper json, Questionnaire questionnaire) {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			JsonNode root = json.readTree(in);
			List<Persona> personas = new ArrayList<>();
			for (JsonNode node : root.get("personas")) {
				List<FieldError> errors = new ArrayList<>();
				Answers answers = Questionnaires.check(questionnaire, node.get("answers"), errors);
				String name = node.get("name").asString();
				if (!errors.isEmpty()) {
					throw new IllegalStateException("Golden persona '" + name + "' has invalid answers: " + errors);
				}
				String expected = node.get("expected").asString();
				if (!Model.ALL.contains(expected)) {
					throw new IllegalStateException("Golden persona '" + name + "' expects unknown model " + expected);
				}
				personas.add(new Persona(name, expected, node.get("reason").asString(), answers));
			}
			return new GoldenPersonas(personas);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Persona> all() {
		return this.personas;
	}

	/**
	 * Scores every persona with {@code rules}, comparing each fit with what
	 * {@code before} gives.
	 */
	List<Result> run(ScoringRules rules, ScoringRules before) {
		List<Result> results = new ArrayList<>();
		for (Persona persona : this.personas) {
			Score after = ScoringEngine.score(rules, persona.answers());
			Score earlier = ScoringEngine.score(before, persona.answers());
			Map<String, Integer> fitChange = new LinkedHashMap<>();
			Model.ALL.forEach((model) -> fitChange.put(model, after.fit().of(model) - earlier.fit().of(model)));
			results.add(new Result(persona.name(), persona.expected(), persona.reason(), after.recommendation(),
					after.recommendation().equals(persona.expected()), after.fit(), fitChange, after.confidenceLabel(),
					earlier.recommendation()));
		}
		return results;
	}

	/**
	 * @param name who the prospect is
	 * @param expected the model the guide implies
	 * @param reason the guide's logic in one line
	 * @param answers their checked answers
	 */
	record Persona(String name, String expected, String reason, Answers answers) {
	}

	/**
	 * @param name the persona
	 * @param expected the model the guide implies
	 * @param reason the guide's logic in one line
	 * @param recommendation what the rules recommend
	 * @param passed whether that is the expected model
	 * @param fit each model's fit under the rules
	 * @param fitChange each model's fit change against the rules compared with
	 * @param confidenceLabel how clear the recommendation is
	 * @param before what the rules compared with recommend
	 */
	record Result(String name, String expected, String reason, String recommendation, boolean passed, Score.Fit fit,
			Map<String, Integer> fitChange, String confidenceLabel, String before) {
	}

}
