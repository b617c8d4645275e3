package com.northbeam.assessment.questionnaire;

import java.util.ArrayList;
import java.util.List;

import com.northbeam.assessment.system.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QuestionnairesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Questionnaires QUESTIONNAIRES = new Questionnaires(
			Questionnaires.load(List.of("classpath*:questionnaire/v*.json"), JSON));

	static final String COMPLETE = """
			{"employees":"51-200","internal_it":"it_team","growth":"moderate","workload":"stretched",
			 "skills_gaps":["cybersecurity","compliance"],"project_delays":"sometimes","support_wait":"rarely",
			 "coverage":"business_hours","security_complexity":"growing","tech_footprint":["cloud"],
			 "control_preference":"balanced","hiring":"easy","predictability":"medium"}""";

	@Test
	void versionOneHoldsTheThirteenQuestionsOfTheBriefInSixSteps() {
		Questionnaire v1 = QUESTIONNAIRES.version(1).orElseThrow();
		assertThat(v1.questions()).extracting(Questionnaire.Question::id)
			.containsExactly("employees", "internal_it", "growth", "workload", "skills_gaps", "project_delays",
					"support_wait", "coverage", "security_complexity", "tech_footprint", "control_preference", "hiring",
					"predictability");
		assertThat(v1.steps()).extracting(Questionnaire.Step::id)
			.containsExactly("company", "team", "needs", "preferences", "costs", "contact");
		assertThat(v1.question("internal_it").orElseThrow().options()).extracting(Questionnaire.Option::code)
			.containsExactly("none", "tech_savvy_staff", "it_person", "it_team", "it_department");
		assertThat(v1.question("skills_gaps").orElseThrow().options()).extracting(Questionnaire.Option::code)
			.containsExactly("cybersecurity", "cloud_migration", "microsoft_365", "infrastructure_modernization",
					"compliance", "none");
		assertThat(v1.costFields()).extracting(Questionnaire.CostField::id)
			.containsExactly("internal_it_staff", "average_loaded_salary", "tools_spend", "recruiting_training_spend");
		assertThat(v1.contactFields()).extracting(Questionnaire.ContactField::id)
			.containsExactly("name", "email", "company", "phone", "role", "consent");
		assertThat(v1.questions()).allSatisfy((question) -> {
			assertThat(question.label()).isNotBlank();
			assertThat(question.help()).isNotBlank();
		});
		assertThat(QUESTIONNAIRES.current().version()).isEqualTo(1);
	}

	@Test
	void completeAnswersPassAndAreNormalisedToLists() {
		List<FieldError> errors = new ArrayList<>();
		Answers answers = Questionnaires.check(QUESTIONNAIRES.current(), JSON.readTree(COMPLETE), errors);
		assertThat(errors).isEmpty();
		assertThat(answers.codes("skills_gaps")).containsExactly("cybersecurity", "compliance");
		assertThat(answers.code("employees")).isEqualTo("51-200");
	}

	@Test
	void workloadIsAnsweredNoTeamAutomaticallyWhenNobodyIsDedicatedToIt() {
		JsonNode raw = JSON
			.readTree(COMPLETE.replace("\"it_team\"", "\"none\"").replace("\"workload\":\"stretched\",", ""));
		List<FieldError> errors = new ArrayList<>();
		Answers answers = Questionnaires.check(QUESTIONNAIRES.current(), raw, errors);
		assertThat(errors).isEmpty();
		assertThat(answers.code("workload")).isEqualTo("no_team");

		List<FieldError> asked = new ArrayList<>();
		Questionnaires.check(QUESTIONNAIRES.current(), JSON.readTree(COMPLETE.replace("\"it_team\"", "\"none\"")),
				asked);
		assertThat(asked).extracting(FieldError::field).containsExactly("answers.workload");
	}

	@Test
	void noTeamIsNotAnAnswerWhenThereIsATeam() {
		List<FieldError> errors = new ArrayList<>();
		Questionnaires.check(QUESTIONNAIRES.current(),
				JSON.readTree(COMPLETE.replace("\"workload\":\"stretched\"", "\"workload\":\"no_team\"")), errors);
		assertThat(errors).extracting(FieldError::field).containsExactly("answers.workload");
	}

	@Test
	void everyOffendingAnswerIsNamed() {
		String bad = """
				{"employees":"lots","internal_it":"it_team","growth":["fast"],
				 "skills_gaps":["none","cybersecurity"],"project_delays":"sometimes","support_wait":"rarely",
				 "coverage":"business_hours","security_complexity":"growing","tech_footprint":["cloud","warp_drive"],
				 "control_preference":"balanced","hiring":"easy","shoe_size":"42"}""";
		List<FieldError> errors = new ArrayList<>();
		Questionnaires.check(QUESTIONNAIRES.current(), JSON.readTree(bad), errors);
		assertThat(errors).extracting(FieldError::field)
			.containsExactlyInAnyOrder("answers.shoe_size", "answers.employees", "answers.growth", "answers.workload",
					"answers.skills_gaps", "answers.tech_footprint", "answers.predictability");
		assertThat(errors).filteredOn((error) -> error.field().equals("answers.skills_gaps"))
			.extracting(FieldError::message)
			.containsExactly("'none' cannot be combined with other codes");
		assertThat(errors).filteredOn((error) -> error.field().equals("answers.predictability"))
			.extracting(FieldError::message)
			.containsExactly("is required");
	}

	@Test
	void oversizedCodesAreRefusedWithoutEchoingThem() {
		String huge = "x".repeat(10_000);
		List<FieldError> errors = new ArrayList<>();
		Questionnaires.check(QUESTIONNAIRES.current(),
				JSON.readTree(COMPLETE.replace("\"51-200\"", "\"" + huge + "\"")), errors);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("answers.employees");
			assertThat(error.message()).doesNotContain(huge);
		});
	}

	/**
	 * A published version is frozen: stored answers are read, scored and explained with
	 * it. A change, however small, belongs in a new version file; only then update this
	 * fingerprint.
	 */
	@Test
	void publishedVersionOneIsFrozen() throws Exception {
		JsonMapper canonical = JsonMapper.builder()
			.enable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build();
		byte[] content = canonical.writeValueAsBytes(QUESTIONNAIRES.version(1).orElseThrow());
		String fingerprint = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		assertThat(fingerprint).isEqualTo("7d52908567af008b3ab0052b795b61670978c7ed289ce9419b905b97c8aff130");
	}

	@Test
	void aDefinitionWithAQuestionOutsideEveryStepIsRefused() {
		Questionnaire v1 = QUESTIONNAIRES.current();
		List<Questionnaire.Step> steps = new ArrayList<>(v1.steps());
		steps.remove(0);
		Questionnaire broken = new Questionnaire(2, v1.consent(), steps, v1.questions(), v1.costFields(),
				v1.contactFields());
		assertThatIllegalStateException().isThrownBy(() -> new Questionnaires(List.of(v1, broken)))
			.withMessageContaining("exactly one step");
	}

}
