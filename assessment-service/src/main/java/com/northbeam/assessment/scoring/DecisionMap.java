package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;

/**
 * Which model a rules version recommends for each size band and kind of internal IT,
 * under low, typical and high pressure, with everything else held at neutral preferences.
 *
 * @param rulesVersion the rules version mapped
 * @param pressures the answers each pressure level stands for
 * @param preferences the preference answers every cell shares
 * @param cells one per size band, internal IT and pressure level
 */
record DecisionMap(int rulesVersion, Map<String, Map<String, List<String>>> pressures,
		Map<String, List<String>> preferences, List<Cell> cells) {

	static final String EMPLOYEES = "employees";

	static final String INTERNAL_IT = "internal_it";

	/** Pressure levels, each a full set of answers to the pressure questions. */
	static final Map<String, Map<String, List<String>>> PRESSURES = pressureLevels();

	/**
	 * Neutral preferences: balanced control, hiring takes some effort, some
	 * predictability.
	 */
	static final Map<String, List<String>> PREFERENCES = neutralPreferences();

	private static Map<String, Map<String, List<String>>> pressureLevels() {
		Map<String, Map<String, List<String>>> levels = new LinkedHashMap<>();
		levels.put("low",
				answers("growth", "flat", "workload", "manageable", "skills_gaps", "none", "project_delays", "rarely",
						"support_wait", "rarely", "coverage", "business_hours", "security_complexity", "basic",
						"tech_footprint", "cloud"));
		levels.put("typical",
				answers("growth", "moderate", "workload", "stretched", "skills_gaps", "cybersecurity", "project_delays",
						"sometimes", "support_wait", "sometimes", "coverage", "business_hours", "security_complexity",
						"growing", "tech_footprint", "cloud,remote_work"));
		levels.put("high",
				answers("growth", "fast", "workload", "overloaded", "skills_gaps",
						"cybersecurity,cloud_migration,compliance", "project_delays", "often", "support_wait", "often",
						"coverage", "24x7", "security_complexity", "complex", "tech_footprint",
						"cloud,remote_work,security_controls,collaboration_platforms"));
		return levels;
	}

	private static Map<String, List<String>> neutralPreferences() {
		return answers("control_preference", "balanced", "hiring", "somewhat_hard", "predictability", "medium");
	}

	private static Map<String, List<String>> answers(String... pairs) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put(pairs[i], List.of(pairs[i + 1].split(",")));
		}
		return answers;
	}

	/**
	 * @param employees the size band
	 * @param internalIt who looks after IT
	 * @param pressure {@code low}, {@code typical} or {@code high}
	 * @param recommendation the winning model
	 * @param runnerUp the model that came second
	 * @param fitMargin the winner's fit minus the runner-up's, in fit points
	 * @param rawMargin the same in raw points
	 * @param confidenceLabel {@code clear}, {@code moderate} or {@code close}
	 * @param fit each model's fit
	 */
	record Cell(String employees, String internalIt, String pressure, String recommendation, String runnerUp,
			int fitMargin, int rawMargin, String confidenceLabel, Score.Fit fit) {
	}

	static DecisionMap of(ScoringRules rules, Questionnaire questionnaire) {
		Question employees = questionnaire.question(EMPLOYEES).orElseThrow();
		Question internalIt = questionnaire.question(INTERNAL_IT).orElseThrow();
		List<Cell> cells = new ArrayList<>();
		for (Questionnaire.Option size : employees.options()) {
			for (Questionnaire.Option who : internalIt.options()) {
				PRESSURES.forEach((level, pressure) -> {
					Answers answers = profile(questionnaire, size.code(), who.code(), pressure);
					Score score = ScoringEngine.score(rules, answers);
					int[] raw = ScoringEngine.raw(rules, answers);
					cells.add(new Cell(size.code(), who.code(), level, score.recommendation(), score.runnerUp(),
							score.fit().of(score.recommendation()) - score.fit().of(score.runnerUp()),
							raw[Model.ALL.indexOf(score.recommendation())] - raw[Model.ALL.indexOf(score.runnerUp())],
							score.confidenceLabel(), score.fit()));
				});
			}
		}
		return new DecisionMap(rules.version(), PRESSURES, PREFERENCES, cells);
	}

	/**
	 * A profile's answers, with questions it hides answered as the questionnaire does.
	 */
	static Answers profile(Questionnaire questionnaire, String employees, String internalIt,
			Map<String, List<String>> pressure) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put(EMPLOYEES, List.of(employees));
		values.put(INTERNAL_IT, List.of(internalIt));
		values.putAll(pressure);
		values.putAll(PREFERENCES);
		for (Question question : questionnaire.questions()) {
			if (question.showWhen() != null
					&& !question.showWhen().anyOf().contains(values.get(question.showWhen().question()).get(0))) {
				values.put(question.id(), List.of(question.answerWhenHidden()));
			}
		}
		return new Answers(questionnaire.version(), values);
	}

}
