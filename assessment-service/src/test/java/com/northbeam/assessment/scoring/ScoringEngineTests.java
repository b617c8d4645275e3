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
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaires;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of version 1 follow the signals of the product brief: one example per signal,
 * and properties over every possible set of answers.
 */
class ScoringEngineTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Questionnaire QUESTIONNAIRE = new Questionnaires(
			Questionnaires.load(List.of("classpath*:questionnaire/v*.json"), JSON))
		.version(1)
		.orElseThrow();

	static final ScoringRules RULES = rules("scoring/rules-v1.json");

	static final List<String> NO_TEAM = List.of("none", "tech_savvy_staff");

	static final List<String> TEAM = List.of("it_person", "it_team", "it_department");

	static ScoringRules rules(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			ScoringRules rules = JSON.readValue(in, ScoringRules.class);
			Scoring.verify(rules, QUESTIONNAIRE);
			return rules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A mid-sized business with one capable IT person and no particular pressure or
	 * preference.
	 */
	static Answers neutral() {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("employees", List.of("51-200"));
		values.put("internal_it", List.of("it_person"));
		values.put("growth", List.of("flat"));
		values.put("workload", List.of("manageable"));
		values.put("skills_gaps", List.of("none"));
		values.put("project_delays", List.of("rarely"));
		values.put("support_wait", List.of("rarely"));
		values.put("coverage", List.of("business_hours"));
		values.put("security_complexity", List.of("basic"));
		values.put("tech_footprint", List.of("none"));
		values.put("control_preference", List.of("balanced"));
		values.put("hiring", List.of("easy"));
		values.put("predictability", List.of("low"));
		return new Answers(1, values);
	}

	static Answers withoutTeam(Answers answers, String who) {
		return answers.with("internal_it", List.of(who)).with("workload", List.of("no_team"));
	}

	static Score score(Answers answers) {
		return ScoringEngine.score(RULES, answers);
	}

	static int lead(Score score, String model, String over) {
		return score.fit().of(model) - score.fit().of(over);
	}

	static Answers set(Answers answers, String question, String... codes) {
		return answers.with(question, List.of(codes));
	}

	// --- one example per signal of the brief ---

	@Example
	@Label("No dedicated internal IT points strongly to fully managed")
	void noDedicatedItPointsToFullyManaged() {
		for (String who : NO_TEAM) {
			Score score = score(withoutTeam(neutral(), who));
			assertThat(score.recommendation()).isEqualTo(Model.FULLY_MANAGED);
			assertThat(score.factors().get(0).code()).isEqualTo("no_dedicated_it");
			assertThat(score.factors().get(0).guideAnchor()).isEqualTo("no-dedicated-it-team");
			assertThat(score.summary()).startsWith("Fully managed IT fits you best");
		}
	}

	@Example
	@Label("A capable team under pressure points to co-managed, for every kind of pressure")
	void capableTeamUnderPressurePointsToCoManaged() {
		Map<String, List<String>> pressures = new LinkedHashMap<>();
		pressures.put("workload", List.of("overloaded"));
		pressures.put("skills_gaps", List.of("cybersecurity", "cloud_migration"));
		pressures.put("growth", List.of("fast"));
		pressures.put("project_delays", List.of("often"));
		pressures.put("support_wait", List.of("often"));
		pressures.put("coverage", List.of("24x7"));
		for (String team : TEAM) {
			Answers calm = set(set(neutral(), "internal_it", team), "employees", "51-200");
			Answers pressed = calm;
			for (Map.Entry<String, List<String>> pressure : pressures.entrySet()) {
				Answers one = calm.with(pressure.getKey(), pressure.getValue());
				assertThat(lead(score(one), Model.CO_MANAGED, Model.FULLY_MANAGED))
					.as("%s with %s", team, pressure.getKey())
					.isGreaterThan(lead(score(calm), Model.CO_MANAGED, Model.FULLY_MANAGED));
				pressed = pressed.with(pressure.getKey(), pressure.getValue());
			}
			Score score = score(pressed);
			assertThat(score.recommendation()).as(team).isEqualTo(Model.CO_MANAGED);
			assertThat(score.factors()).extracting(Score.Factor::guideAnchor)
				.contains("internal-team-overloaded", "missing-specialised-skills", "growth-outpacing-capacity",
						"limited-coverage");
		}
	}

	@Example
	@Label("Keeping control points to co-managed, handing off to fully managed")
	void controlPreference() {
		Score keep = score(set(neutral(), "control_preference", "keep_control"));
		Score balanced = score(neutral());
		Score handOff = score(set(neutral(), "control_preference", "hand_off"));
		assertThat(lead(keep, Model.CO_MANAGED, Model.FULLY_MANAGED))
			.isGreaterThan(lead(balanced, Model.CO_MANAGED, Model.FULLY_MANAGED));
		assertThat(lead(handOff, Model.FULLY_MANAGED, Model.CO_MANAGED))
			.isGreaterThan(lead(balanced, Model.FULLY_MANAGED, Model.CO_MANAGED));
		assertThat(keep.factors()).extracting(Score.Factor::code).contains("keep_control");
		assertThat(handOff.factors()).filteredOn((factor) -> factor.code().equals("hand_off"))
			.singleElement()
			.satisfies((factor) -> assertThat(factor.model()).isEqualTo(Model.FULLY_MANAGED));
	}

	@Example
	@Label("Hard hiring and a high need for predictability point to fully managed")
	void hiringAndPredictability() {
		Score base = score(neutral());
		Score hardHiring = score(set(neutral(), "hiring", "very_hard"));
		Score predictable = score(set(neutral(), "predictability", "high"));
		assertThat(lead(hardHiring, Model.FULLY_MANAGED, Model.CO_MANAGED))
			.isGreaterThan(lead(base, Model.FULLY_MANAGED, Model.CO_MANAGED));
		assertThat(lead(predictable, Model.FULLY_MANAGED, Model.CO_MANAGED))
			.isGreaterThan(lead(base, Model.FULLY_MANAGED, Model.CO_MANAGED));
		assertThat(hardHiring.factors()).extracting(Score.Factor::guideAnchor).contains("hiring-is-hard");
		assertThat(predictable.factors()).extracting(Score.Factor::guideAnchor).contains("predictable-operations");
		Score both = score(set(set(set(neutral(), "hiring", "very_hard"), "predictability", "high"),
				"control_preference", "hand_off"));
		assertThat(both.recommendation()).isEqualTo(Model.FULLY_MANAGED);
	}

	@Example
	@Label("Rising technology complexity without a team points to fully managed")
	void complexityWithoutTeam() {
		Answers noTeam = withoutTeam(neutral(), "tech_savvy_staff");
		Answers complex = set(set(noTeam, "tech_footprint", "cloud", "remote_work", "collaboration_platforms"),
				"security_complexity", "complex");
		assertThat(lead(score(complex), Model.FULLY_MANAGED, Model.CO_MANAGED))
			.isGreaterThan(lead(score(noTeam), Model.FULLY_MANAGED, Model.CO_MANAGED));
		assertThat(score(complex).factors()).extracting(Score.Factor::guideAnchor)
			.contains("technology-getting-complex");
		// The same complexity with a team does not push towards fully managed.
		Answers withTeam = set(set(neutral(), "tech_footprint", "cloud", "remote_work", "collaboration_platforms"),
				"security_complexity", "complex");
		assertThat(lead(score(withTeam), Model.FULLY_MANAGED, Model.CO_MANAGED))
			.isEqualTo(lead(score(neutral()), Model.FULLY_MANAGED, Model.CO_MANAGED));
	}

	@Example
	@Label("Size: small to fully managed, mid-sized to co-managed, large with an IT department to hybrid")
	void size() {
		Answers smallWithPerson = set(neutral(), "employees", "1-10");
		assertThat(lead(score(smallWithPerson), Model.FULLY_MANAGED, Model.CO_MANAGED))
			.isGreaterThan(lead(score(neutral()), Model.FULLY_MANAGED, Model.CO_MANAGED));
		assertThat(score(withoutTeam(set(neutral(), "employees", "1-10"), "tech_savvy_staff")).recommendation())
			.isEqualTo(Model.FULLY_MANAGED);
		assertThat(score(set(set(neutral(), "internal_it", "it_team"), "growth", "moderate")).recommendation())
			.isEqualTo(Model.CO_MANAGED);
		for (String large : List.of("201-1000", "1000+")) {
			Score score = score(set(set(neutral(), "employees", large), "internal_it", "it_department"));
			assertThat(score.recommendation()).as(large).isEqualTo(Model.HYBRID);
			assertThat(score.factors().get(0).guideAnchor()).isEqualTo("typical-progression");
		}
		// A large organisation without an IT department is not steered to hybrid.
		assertThat(score(set(set(neutral(), "employees", "1000+"), "internal_it", "it_team")).recommendation())
			.isNotEqualTo(Model.HYBRID);
	}

	@Example
	@Label("Security complexity, 24/7 needs and slipping projects raise priority whichever model fits")
	void urgencyRaisesPriority() {
		List<Answers> profiles = List.of(neutral(), withoutTeam(neutral(), "none"),
				set(set(neutral(), "employees", "1000+"), "internal_it", "it_department"));
		for (Answers profile : profiles) {
			int base = score(profile).priority().score();
			assertThat(score(set(profile, "security_complexity", "complex")).priority().score()).isGreaterThan(base);
			assertThat(score(set(profile, "coverage", "24x7")).priority().score()).isGreaterThan(base);
			assertThat(score(set(profile, "project_delays", "often")).priority().score()).isGreaterThan(base);
		}
		Score urgent = score(set(set(set(neutral(), "security_complexity", "complex"), "coverage", "24x7"),
				"project_delays", "often"));
		assertThat(urgent.priority().factors()).extracting(Score.PriorityFactor::code)
			.contains("security_complex", "round_the_clock", "projects_slip_often");
	}

	@Example
	@Label("A close call says so in its confidence and summary")
	void closeCall() {
		// Mid-sized with one IT person and every preference pulling towards fully
		// managed.
		Answers close = set(set(neutral(), "hiring", "very_hard"), "predictability", "high");
		Score score = score(close);
		assertThat(score.confidenceLabel()).isEqualTo("close");
		assertThat(score.summary()).contains("slightly better than");
		assertThat(score(withoutTeam(set(neutral(), "control_preference", "hand_off"), "none")).confidenceLabel())
			.isEqualTo("clear");
	}

	// --- properties over all answers ---

	@Property
	@Label("Scoring is deterministic")
	void deterministic(@ForAll("answers") Answers answers) {
		Answers copy = new Answers(answers.questionnaireVersion(), new LinkedHashMap<>(answers.values()));
		assertThat(score(copy)).isEqualTo(score(answers));
	}

	@Property
	@Label("Results are well formed")
	void wellFormed(@ForAll("answers") Answers answers) {
		Score score = score(answers);
		for (String model : Model.ALL) {
			assertThat(score.fit().of(model)).isBetween(0, 100);
			assertThat(score.fit().of(score.recommendation())).isGreaterThanOrEqualTo(score.fit().of(model));
		}
		assertThat(score.confidence()).isBetween(0, 100);
		assertThat(score.priority().score()).isBetween(0, 100);
		assertThat(score.factors()).isSortedAccordingTo((a, b) -> Integer.compare(b.weight(), a.weight()));
		assertThat(score.factors()).allSatisfy((factor) -> {
			assertThat(GuideAnchors.ALL).contains(factor.guideAnchor());
			assertThat(factor.weight()).isPositive();
		});
		assertThat(score.summary()).endsWith(".").doesNotContain("\n");
	}

	@Property
	@Label("Moving the control preference toward hand-off never makes co-managed relatively stronger")
	void handOffNeverStrengthensCoManaged(@ForAll("answers") Answers answers) {
		List<String> order = List.of("keep_control", "balanced", "hand_off");
		for (int from = 0; from < order.size(); from++) {
			for (int to = from + 1; to < order.size(); to++) {
				Score before = score(set(answers, "control_preference", order.get(from)));
				Score after = score(set(answers, "control_preference", order.get(to)));
				for (String other : List.of(Model.FULLY_MANAGED, Model.HYBRID)) {
					assertThat(lead(after, Model.CO_MANAGED, other))
						.isLessThanOrEqualTo(lead(before, Model.CO_MANAGED, other));
				}
				if (!before.recommendation().equals(Model.CO_MANAGED)) {
					assertThat(after.recommendation()).isNotEqualTo(Model.CO_MANAGED);
				}
			}
		}
	}

	@Property
	@Label("Adding a capable, overloaded internal team never makes fully managed relatively stronger")
	void capableOverloadedTeamNeverStrengthensFullyManaged(@ForAll("answersWithoutTeam") Answers withoutTeam,
			@ForAll("teams") String team) {
		Answers withTeam = set(set(withoutTeam, "internal_it", team), "workload", "overloaded");
		Score before = score(withoutTeam);
		Score after = score(withTeam);
		assertThat(after.fit().fullyManaged()).isLessThanOrEqualTo(before.fit().fullyManaged());
		for (String other : List.of(Model.CO_MANAGED, Model.HYBRID)) {
			assertThat(lead(after, Model.FULLY_MANAGED, other))
				.isLessThanOrEqualTo(lead(before, Model.FULLY_MANAGED, other));
		}
		if (!before.recommendation().equals(Model.FULLY_MANAGED)) {
			assertThat(after.recommendation()).isNotEqualTo(Model.FULLY_MANAGED);
		}
	}

	@Property
	@Label("Added urgency never lowers the lead priority")
	void addedUrgencyNeverLowersPriority(@ForAll("answers") Answers answers,
			@ForAll("urgencyQuestions") String question) {
		List<String> levels = QUESTIONNAIRE.question(question)
			.orElseThrow()
			.options()
			.stream()
			.map(Questionnaire.Option::code)
			.toList();
		int current = levels.indexOf(answers.code(question));
		for (int higher = current + 1; higher < levels.size(); higher++) {
			Score more = score(set(answers, question, levels.get(higher)));
			assertThat(more.priority().score()).as("%s raised to %s", question, levels.get(higher))
				.isGreaterThanOrEqualTo(score(answers).priority().score());
			assertThat(more.priority().urgency()).isGreaterThanOrEqualTo(score(answers).priority().urgency());
		}
	}

	@Provide
	Arbitrary<String> teams() {
		return Arbitraries.of(TEAM);
	}

	@Provide
	Arbitrary<String> urgencyQuestions() {
		return Arbitraries.of("security_complexity", "coverage", "project_delays", "support_wait");
	}

	@Provide
	Arbitrary<Answers> answers() {
		return answersWith(Arbitraries.of(NO_TEAM.get(0), NO_TEAM.get(1), TEAM.get(0), TEAM.get(1), TEAM.get(2)));
	}

	@Provide
	Arbitrary<Answers> answersWithoutTeam() {
		return answersWith(Arbitraries.of(NO_TEAM));
	}

	/**
	 * Every valid set of answers: hidden questions answered automatically, {@code none}
	 * alone.
	 */
	static Arbitrary<Answers> answersWith(Arbitrary<String> internalIt) {
		List<Arbitrary<List<String>>> parts = new ArrayList<>();
		for (Question question : QUESTIONNAIRE.questions()) {
			List<String> codes = question.options().stream().map(Questionnaire.Option::code).toList();
			if (question.id().equals("internal_it")) {
				parts.add(internalIt.map(List::of));
			}
			else if (question.answerWhenHidden() != null) {
				List<String> asked = codes.stream()
					.filter((code) -> !code.equals(question.answerWhenHidden()))
					.toList();
				parts.add(Arbitraries.of(asked).map(List::of));
			}
			else if (question.multi()) {
				List<String> real = codes.stream().filter((code) -> !code.equals(Question.NONE)).toList();
				parts.add(Arbitraries.subsetOf(real)
					.map((subset) -> subset.isEmpty() ? List.of(Question.NONE)
							: real.stream().filter(subset::contains).toList()));
			}
			else {
				parts.add(Arbitraries.of(codes).map(List::of));
			}
		}
		return Combinators.combine(parts).as((chosen) -> {
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (int i = 0; i < chosen.size(); i++) {
				values.put(QUESTIONNAIRE.questions().get(i).id(), chosen.get(i));
			}
			if (NO_TEAM.contains(values.get("internal_it").get(0))) {
				values.put("workload", List.of("no_team"));
			}
			return new Answers(1, values);
		});
	}

}
