package com.northbeam.assessment.brief;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.scoring.ScoringEngine;
import com.northbeam.assessment.scoring.ScoringRules;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The call-prep and responsibility rules on every golden persona, scored by the newest
 * shipped scoring rules and read back from a stored result the way leads and results are.
 */
class BriefsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Questionnaires QUESTIONNAIRES = new Questionnaires(
			Questionnaires.load(List.of("classpath*:questionnaire/v*.json"), JSON));

	static final ScoringRules SCORING = scoringRules();

	static final Briefs BRIEFS = new Briefs(QUESTIONNAIRES,
			(version) -> Optional.of(SCORING).filter((rules) -> rules.version() == version), null, JSON);

	static final CostComparison COST = new CostComparison(1, "EUR", 40, 1.0, false,
			new CostComparison.Setup("Today", 120_000, List.of()),
			new CostComparison.Setup("Co-managed IT", 96_500, List.of()),
			new CostComparison.Setup("Fully managed IT", 151_000, List.of()));

	record Persona(String name, String expected, Answers answers) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Persona> personas() {
		try (InputStream in = new ClassPathResource("scoring/golden-personas.json").getInputStream()) {
			JsonNode root = JSON.readTree(in);
			List<Persona> personas = new ArrayList<>();
			for (JsonNode node : root.get("personas")) {
				Map<String, List<String>> values = new LinkedHashMap<>();
				node.get("answers")
					.properties()
					.forEach((answer) -> values.put(answer.getKey(),
							answer.getValue().isArray()
									? answer.getValue().valueStream().map(JsonNode::asString).toList()
									: List.of(answer.getValue().asString())));
				personas.add(new Persona(node.get("name").asString(), node.get("expected").asString(),
						new Answers(1, values)));
			}
			return personas.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ScoringRules scoringRules() {
		try (InputStream in = new ClassPathResource("scoring/rules-v2.json").getInputStream()) {
			return JSON.readValue(in, ScoringRules.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The result as the submission feature stores it. */
	static String stored(Answers answers, CostComparison cost) {
		Score score = ScoringEngine.score(SCORING, answers);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("questionnaireVersion", 1);
		result.put("rulesVersion", score.rulesVersion());
		result.put("recommendation", score.recommendation());
		result.put("factors", score.factors());
		result.put("priority", score.priority());
		result.put("cost", cost);
		result.put("answers", answers.values());
		return JSON.writeValueAsString(result);
	}

	static CallPrep callPrep(Answers answers) {
		return BRIEFS.callPrep(stored(answers, COST)).orElseThrow();
	}

	static Responsibility matrix(Answers answers) {
		return BRIEFS.proposal(stored(answers, COST)).orElseThrow();
	}

	@ParameterizedTest
	@MethodSource("personas")
	void everyPersonaGetsACompleteBrief(Persona persona) {
		CallPrep brief = callPrep(persona.answers());
		assertThat(brief.recommendation()).isEqualTo(persona.expected());
		assertThat(brief.signals()).hasSize(3).allSatisfy((signal) -> {
			assertThat(signal.text()).isNotBlank();
			assertThat(signal.because()).isNotEmpty();
		});
		assertThat(brief.signals().stream().map(CallPrep.Item::code)).doesNotHaveDuplicates();
		assertThat(brief.painPoints()).isNotEmpty().allSatisfy((pain) -> assertThat(pain.because()).isNotEmpty());
		assertThat(brief.objections()).isNotEmpty()
			.allSatisfy((objection) -> assertThat(objection.because()).isNotEmpty());
		assertThat(brief.questions()).isNotEmpty().allSatisfy((question) -> {
			assertThat(question.why()).isIn(CallPrep.URGENT, CallPrep.OPEN);
			assertThat(question.because()).isNotEmpty();
		});
		assertThat(brief.cost()).contains("EUR 120,000", "EUR 96,500", "EUR 151,000");
		assertThat(brief.nextStep().text()).isNotBlank();
	}

	@ParameterizedTest
	@MethodSource("personas")
	void everyPersonaGetsAMatrixOfAllTwelveFunctionsWithReasons(Persona persona) {
		Responsibility matrix = matrix(persona.answers());
		assertThat(matrix.model()).isEqualTo(persona.expected());
		assertThat(matrix.cells()).extracting(Responsibility.Cell::function)
			.containsExactly("help_desk", "escalation", "monitoring", "security_operations", "backups",
					"cloud_administration", "microsoft_365", "infrastructure", "vendor_coordination",
					"strategic_planning", "projects", "compliance");
		assertThat(matrix.cells()).allSatisfy((cell) -> {
			assertThat(cell.owner()).isIn("internal", "provider", "shared");
			assertThat(cell.current()).isEqualTo(cell.owner());
			assertThat(cell.reason()).isNotBlank();
			assertThat(cell.edit()).isNull();
			if (!cell.rule().equals(ResponsibilityEngine.DEFAULT)) {
				assertThat(cell.because()).isNotEmpty();
			}
		});
	}

	@Test
	void aCybersecurityGapGivesSecurityOperationsToTheProvider() {
		List<Persona> withGap = personas().filter((p) -> p.answers().codes("skills_gaps").contains("cybersecurity"))
			.toList();
		assertThat(withGap).isNotEmpty();
		for (Persona persona : withGap) {
			Responsibility.Cell security = cell(matrix(persona.answers()), "security_operations");
			assertThat(security.owner()).as(persona.name()).isEqualTo("provider");
			assertThat(security.because()).anySatisfy((because) -> assertThat(because).contains("Cybersecurity"));
		}
		Persona calm = persona("Mid-sized company with a calm IT team");
		assertThat(cell(matrix(calm.answers()), "security_operations").owner()).isEqualTo("shared");
		assertThat(cell(matrix(calm.answers().with("skills_gaps", List.of("cybersecurity"))), "security_operations")
			.owner()).isEqualTo("provider");
	}

	@Test
	void roundTheClockCoverageWithABusinessHoursTeamGivesOutOfHoursMonitoringToTheProvider() {
		Persona overloaded = persona("Growing company with an overloaded IT team");
		assertThat(overloaded.answers().code("coverage")).isEqualTo("24x7");
		Responsibility.Cell monitoring = cell(matrix(overloaded.answers()), "monitoring");
		assertThat(monitoring.owner()).isEqualTo("provider");
		assertThat(monitoring.reason()).contains("out-of-hours");
		Answers officeHours = overloaded.answers().with("coverage", List.of("business_hours"));
		assertThat(cell(matrix(officeHours), "monitoring").owner()).isEqualTo("shared");
	}

	@Test
	void keepingControlKeepsStrategicPlanningInternal() {
		List<Persona> keepers = personas().filter((p) -> "keep_control".equals(p.answers().code("control_preference")))
			.toList();
		assertThat(keepers).extracting(Persona::expected).contains("co_managed", "fully_managed", "hybrid");
		for (Persona persona : keepers) {
			Responsibility.Cell planning = cell(matrix(persona.answers()), "strategic_planning");
			assertThat(planning.owner()).as(persona.name()).isEqualTo("internal");
			assertThat(planning.rule()).isEqualTo("keep_control_planning");
		}
	}

	@Test
	void underFullyManagedMostRowsAreTheProvidersAndLeadershipKeepsSomething() {
		List<Persona> fullyManaged = personas().filter((p) -> p.expected().equals("fully_managed")).toList();
		assertThat(fullyManaged).hasSizeGreaterThan(5);
		for (Persona persona : fullyManaged) {
			Responsibility matrix = matrix(persona.answers());
			long provider = matrix.cells().stream().filter((cell) -> cell.owner().equals("provider")).count();
			assertThat(provider).as(persona.name()).isGreaterThan(matrix.cells().size() / 2);
			assertThat(matrix.leadershipKeeps()).isNotEmpty();
		}
	}

	@Test
	void objectionsAreChosenByTheAnswers() {
		Persona keeper = persona("Small office, colleague does IT, wants control");
		assertThat(callPrep(keeper.answers()).objections()).extracting(CallPrep.Objection::misconception)
			.contains("Fully managed means losing control.");
		Persona team = persona("Growing company with an IT team, typical pressure");
		assertThat(callPrep(team.answers()).objections()).extracting(CallPrep.Objection::misconception)
			.containsExactly("Co-managed means our IT team failed.");
		Persona noTeam = persona("Corner shop, nobody on IT, quiet year");
		assertThat(callPrep(noTeam.answers()).objections()).extracting(CallPrep.Objection::code)
			.containsExactly("losing_control_when_handing_over", "provider_does_not_know_us");
	}

	@Test
	void painPointsAndQuestionsFollowTheAnswers() {
		Persona urgent = persona("Growing company with an overloaded IT team");
		CallPrep brief = callPrep(urgent.answers());
		assertThat(brief.painPoints()).extracting(CallPrep.Item::text)
			.contains("projects slip often", "people wait for help every week");
		assertThat(brief.painPoints()).filteredOn((pain) -> pain.code().equals("projects_slip_often"))
			.singleElement()
			.extracting(CallPrep.Item::because)
			.isEqualTo(List.of("How often do IT projects slip past their planned date? Often"));
		assertThat(brief.questions()).filteredOn((q) -> q.why().equals(CallPrep.URGENT))
			.extracting(CallPrep.Question::code)
			.contains("project_delays", "support_wait", "coverage", "security", "growth");
		Persona calm = persona("Mid-sized company with a calm IT team");
		CallPrep calmBrief = callPrep(calm.answers());
		assertThat(calmBrief.painPoints()).extracting(CallPrep.Item::text).doesNotContain("projects slip often");
		assertThat(calmBrief.questions()).extracting(CallPrep.Question::why).containsOnly(CallPrep.OPEN);
	}

	@Test
	void theStrongestSignalsComeFromTheFactorsForTheRecommendation() {
		Persona persona = persona("Corner shop, nobody on IT, quiet year");
		Score score = ScoringEngine.score(SCORING, persona.answers());
		List<String> strongest = score.factors()
			.stream()
			.filter((factor) -> factor.direction().equals(Score.Factor.FOR) && factor.fitDelta() > 0)
			.sorted((a, b) -> Integer.compare(b.fitDelta(), a.fitDelta()))
			.map(Score.Factor::code)
			.limit(3)
			.toList();
		assertThat(callPrep(persona.answers()).signals()).extracting(CallPrep.Item::code)
			.containsExactlyElementsOf(strongest);
	}

	@Test
	void eachSignalSaysWhichAnswersGaveItAndHowManyPoints() {
		Persona persona = persona("Corner shop, nobody on IT, quiet year");
		CallPrep brief = callPrep(persona.answers());
		assertThat(brief.signals()).filteredOn((signal) -> signal.code().equals("no_dedicated_it"))
			.singleElement()
			.extracting(CallPrep.Item::because)
			.isEqualTo(List.of(painBecause(brief, "no_one_owns_it"), "+" + fitDelta(persona, "no_dedicated_it")
					+ " towards " + SCORING.models().get(brief.recommendation())));
		for (Persona each : personas().toList()) {
			assertThat(callPrep(each.answers()).signals()).as(each.name())
				.allSatisfy((signal) -> assertThat(signal.because()).first(InstanceOfAssertFactories.STRING)
					.doesNotStartWith("+")
					.containsPattern("\\? \\S|: \\S"));
		}
	}

	@Test
	void aSignalFromSeveralAnswersNamesEachOfThem() {
		Persona persona = persona("Growing company with an overloaded IT team");
		assertThat(callPrep(persona.answers()).signals()).extracting(CallPrep.Item::because)
			.containsExactly(List.of("Who takes care of IT today? A small IT team", "+3 towards Co-managed IT"),
					List.of("How busy is your IT person or team? They cannot keep up; requests pile up",
							"+3 towards Co-managed IT"),
					List.of("Who takes care of IT today? A small IT team",
							"Which skills are missing in-house today? Cybersecurity, Moving systems to the cloud, Compliance and audits",
							"+2 towards Co-managed IT"));
	}

	@Test
	void theCostLineNamesTheDifferenceThatMattersForTheRecommendation() {
		Persona fully = persona("Corner shop, nobody on IT, quiet year");
		assertThat(callPrep(fully.answers()).cost()).endsWith(
				"Fully managed IT costs EUR 31,000 a year more than today: talk about outcomes and hidden costs, not monthly spend.");
		Persona co = persona("Growing company with an IT team, typical pressure");
		assertThat(callPrep(co.answers()).cost()).endsWith("Co-managed IT costs EUR 23,500 a year less than today.");
		assertThat(BRIEFS.callPrep(stored(co.answers(), null)).orElseThrow().cost())
			.isEqualTo("No cost comparison was made for this result.");
	}

	@Test
	void aResultWithoutARecommendationHasNoBrief() {
		assertThat(BRIEFS.callPrep("{}")).isEmpty();
		assertThat(BRIEFS.proposal(null)).isEmpty();
	}

	@Test
	void rulesThatNameUnknownAnswersOrLeaveAFunctionWithoutAnOwnerAreRefused() {
		ResponsibilityRules shipped = BRIEFS.responsibilityRules();
		ResponsibilityRules broken = new ResponsibilityRules(2, shipped.functions(), Map.of(),
				shipped.leadershipKeeps(), List.of(new ResponsibilityRules.Rule("typo", "monitoring", List.of(),
						List.of(new When("coverage", List.of("24/7"), null)), "provider", "a reason")));
		assertThatIllegalStateException().isThrownBy(() -> BriefRulesCheck.check(broken, QUESTIONNAIRES.current()))
			.withMessageContaining("defaults.co_managed.help_desk needs an owner")
			.withMessageContaining("unknown answer coverage=24/7");
	}

	private static String painBecause(CallPrep brief, String code) {
		return brief.painPoints()
			.stream()
			.filter((pain) -> pain.code().equals(code))
			.findFirst()
			.orElseThrow()
			.because()
			.get(0);
	}

	private static int fitDelta(Persona persona, String code) {
		return ScoringEngine.score(SCORING, persona.answers())
			.factors()
			.stream()
			.filter((factor) -> factor.code().equals(code))
			.findFirst()
			.orElseThrow()
			.fitDelta();
	}

	private static Persona persona(String name) {
		return personas().filter((p) -> p.name().equals(name)).findFirst().orElseThrow();
	}

	private static Responsibility.Cell cell(Responsibility matrix, String function) {
		return matrix.cells().stream().filter((cell) -> cell.function().equals(function)).findFirst().orElseThrow();
	}

}
