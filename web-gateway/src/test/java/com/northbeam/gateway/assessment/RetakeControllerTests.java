package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.RetakeReferences;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * "Retake with changes": the link on the result page, the wizard filled with the earlier
 * answers, the submission with its signed reference, and the new result with what
 * changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class RetakeControllerTests {

	static final String ANSWERS = """
			"answers":{"employees":"11-50","growth":"fast","tech_footprint":["cloud","remote_work"],
			"internal_it":"it_person","workload":"overloaded","support_wait":"often","project_delays":"sometimes",
			"skills_gaps":["cybersecurity"],"coverage":"extended_hours","security_complexity":"growing",
			"control_preference":"keep_control","hiring":"somewhat_hard","predictability":"medium"},""";

	static final String CHANGES = """
			"retake":{"from":"%s","rulesBefore":1,"rulesAfter":2,"rulesChanged":true,
			 "answers":[{"question":"internal_it","label":"Who looks after IT today?",
			   "before":[{"code":"it_person","label":"One IT person"}],"after":[{"code":"none","label":"Nobody in particular"}]},
			  {"question":"control_preference","label":"How much control do you want to keep?",
			   "before":[{"code":"keep_control","label":"Keep control"}],"after":[{"code":"hand_off","label":"Hand it off"}]}],
			 "fit":[{"model":"co_managed","before":62,"after":48},{"model":"fully_managed","before":55,"after":71},
			   {"model":"hybrid","before":30,"after":30}],
			 "recommendationBefore":"co_managed","recommendation":"fully_managed",
			 "appeared":[{"code":"no_dedicated_it","reason":"Nobody is dedicated to IT.","model":"fully_managed","guideAnchor":"no-dedicated-it-team"}],
			 "disappeared":[{"code":"internal_team_in_place","reason":"You already have IT staff.","model":"co_managed","guideAnchor":"what-is-co-managed-it"}],
			 "why":{"outcome":"moved","from":"co_managed","to":"fully_managed","contender":"co_managed","gapBefore":-7,"gapAfter":23,
			   "drivers":[{"code":"no_dedicated_it","reason":"Nobody is dedicated to IT.","change":"appeared","shift":60},
			     {"code":"internal_team_in_place","reason":"You already have IT staff.","change":"disappeared","shift":30}]}},""";

	/** The earlier answers as the filled-in steps post them, two of them changed. */
	static final List<Map<String, List<String>>> STEPS = List.of(
			Map.of("employees", List.of("11-50"), "growth", List.of("fast"), "tech_footprint",
					List.of("cloud", "remote_work")),
			Map.of("internal_it", List.of("it_person"), "workload", List.of("overloaded"), "support_wait",
					List.of("often"), "project_delays", List.of("sometimes")),
			Map.of("skills_gaps", List.of("cybersecurity"), "coverage", List.of("24x7"), "security_complexity",
					List.of("growing")),
			Map.of("control_preference", List.of("hand_off"), "hiring", List.of("somewhat_hard"), "predictability",
					List.of("medium")),
			Map.of());

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	RetakeReferences references;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	final UUID earlier = UUID.randomUUID();

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		assessment.respond("GET", "/api/submissions/" + earlier, Response.json(withAnswers(earlier)));
	}

	@Test
	void theResultPageOffersARetakeThatOpensTheWizardFilledWithTheEarlierAnswersWithoutTheContactStep()
			throws Exception {
		MvcTestResult page = mvc.get().uri("/assessment/result/" + earlier).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("id=\"retake\"", "Retake with changes");
		String link = retakeLink(page);

		MvcTestResult started = mvc.get().uri(link).exchange();

		assertThat(started).hasStatus3xxRedirection().hasRedirectedUrl("/assessment");
		Cookie draft = started.getResponse().getCookie(WizardController.COOKIE);
		assertThat(draft).isNotNull();
		assertThat(mvc.get().uri("/assessment").cookie(draft)).hasStatusOk()
			.bodyText()
			.contains("Step 1 of 5", "Your earlier answers are filled in", "value=\"11-50\" checked=\"checked\"",
					"value=\"remote_work\" checked=\"checked\"");
		post(draft, 0, STEPS.get(0));
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText()
			.contains("Step 2 of 5", "value=\"it_person\" checked=\"checked\"",
					"value=\"overloaded\" checked=\"checked\"");
	}

	@Test
	void theRetakeIsSubmittedWithItsReferenceAndNoContactDetailsAndIsNotTakenForABotForBeingQuick() {
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(UUID.randomUUID()), Duration.ZERO));
		Cookie draft = mvc.get()
			.uri("/assessment/retake?ref=" + references.forResult(earlier))
			.exchange()
			.getResponse()
			.getCookie(WizardController.COOKIE);
		MvcTestResult last = null;
		for (int i = 0; i < STEPS.size(); i++) {
			last = post(draft, i, STEPS.get(i));
			assertThat(last).as("step %d", i).hasStatus3xxRedirection();
		}

		String location = last.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/assessment/result/");
		String body = assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.path().equals("/api/submissions"))
			.filter((r) -> r.body().contains(location.substring("/assessment/result/".length())))
			.findFirst()
			.orElseThrow()
			.body();
		assertThat(body)
			.contains("\"retake\":\"" + references.forResult(earlier) + "\"", "\"contactLater\":true",
					"\"coverage\":\"24x7\"", "\"control_preference\":\"hand_off\"", "\"internal_it\":\"it_person\"")
			.doesNotContain("\"contact\":", "too_fast");
	}

	@Test
	void theNewResultShowsTheAnswersThatChangedTheFitsBeforeAndAfterTheFactorsAndWhyItMoved() {
		UUID retake = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + retake,
				Response.json(Fixtures.result(retake).replaceFirst("\\{", "{" + CHANGES.formatted(earlier))));

		MvcTestResult page = mvc.get().uri("/assessment/result/" + retake).exchange();

		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"changes\"", "What changed since your last assessment", "Who looks after IT today?",
					"One IT person", "Nobody in particular", "Hand it off", "data-model=\"co_managed\"", "62", "48",
					"\u221214", "+16", "Why the recommendation moved",
					"fully managed IT was 7 points behind co-managed IT and is now 23 points ahead", "Now applies:",
					"No longer applies:", "(60 points towards fully managed IT)", "What applies now and did not before",
					"#no-dedicated-it-team", "What applied before and no longer does",
					"rules version 1 and this one with version 2", "href=\"/assessment/result/" + earlier + "\"");
	}

	@Test
	void aLinkThatWasNotSignedHereOrNamesNoResultSaysItNoLongerWorks() {
		UUID unknown = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + unknown, new Response(404, "application/problem+json",
				"{\"status\":404,\"title\":\"Not found\"}", Duration.ZERO));

		for (String reference : List.of("forged", references.forResult(unknown))) {
			assertThat(mvc.get().uri("/assessment/retake?ref=" + reference)).hasStatus(410)
				.bodyText()
				.contains("This retake link no longer works", "Start a new assessment");
		}
		assertThat(mvc.get().uri("/assessment/retake")).hasStatus(410);
	}

	private String withAnswers(UUID id) {
		return Fixtures.result(id).replaceFirst("\\{", "{" + ANSWERS + "\"contactGiven\":true,");
	}

	private static String retakeLink(MvcTestResult page) throws java.io.UnsupportedEncodingException {
		Matcher link = Pattern.compile("id=\"retake\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"retake\"")
			.matcher(page.getResponse().getContentAsString());
		assertThat(link.find()).isTrue();
		String href = (link.group(1) != null) ? link.group(1) : link.group(2);
		return href.replace("&amp;", "&");
	}

	private MvcTestResult post(Cookie draft, int step, Map<String, List<String>> fields) {
		var request = mvc.post().uri("/assessment").with(csrf()).cookie(draft).param("step", Integer.toString(step));
		fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		request.param("action", "next");
		return request.exchange();
	}

}
