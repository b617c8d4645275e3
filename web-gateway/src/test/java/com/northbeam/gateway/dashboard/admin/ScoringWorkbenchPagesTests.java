package com.northbeam.gateway.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.northbeam.gateway.dashboard.admin.AdminFakes.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ScoringWorkbenchPagesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String DRAFT = "/dashboard/admin/scoring/drafts/7";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		AdminFakes.answerAll(assessment);
	}

	@Test
	void showsThePublishedRulesTheirDecisionMapAndOpenDrafts() {
		assertThat(mvc.get().uri("/dashboard/admin/scoring").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("Version 2", "Shipped with the service", "<code>no_it</code>", "+40", "+12",
					"href=\"/articles/co-managed-vs-fully-managed-it#skills-gaps\"", "(at least 2)",
					"Your team has &lt;b&gt;gaps&lt;/b&gt; in specialist skills.")
			.contains("Decision map of version 2", "Employees: 1-10", "Low pressure",
					"+4 (5) over Fully managed, close call")
			.contains("href=\"/dashboard/admin/scoring/drafts/7\"", "New draft");
		assertThat(TokenClaims.of(last(assessment, "GET", "/api/admin/scoring/published")).get("scope").asString())
			.contains("scoring:read", "scoring:draft", "scoring:try", "scoring:publish");
	}

	@Test
	void aNewDraftIsCopiedAndOpened() {
		assertThat(mvc.post().uri("/dashboard/admin/scoring/drafts").with(AdminFakes.admin()).with(csrf()))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo(DRAFT);
		assertThat(mvc.get().uri(DRAFT).with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("Draft 7, copied from version 2", "Revision 3",
					"href=\"/dashboard/admin/scoring/drafts/7/rules/skills_gaps\"", "Try it", "name=\"definition\"",
					"&quot;code&quot; : &quot;no_it&quot;");
	}

	@Test
	void aRuleIsEditedThroughItsFormAndSentWithTheRevisionShown() {
		assertThat(mvc.get().uri(DRAFT + "/rules/skills_gaps").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("name=\"effects.co_managed\"", "value=\"12\"", "name=\"when.0.anyOf\"",
					"value=\"cybersecurity, cloud_migration, compliance\"", "name=\"when.1.question\"",
					"<option value=\"skills-gaps\" selected=\"selected\">skills-gaps</option>",
					"name=\"revision\" value=\"3\"");

		assertThat(saveRule("effects.co_managed", "20")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo(DRAFT + "#rule-skills_gaps");
		JsonNode sent = json.readTree(last(assessment, "PUT", "/api/admin/scoring/drafts/7/rules/skills_gaps").body());
		assertThat(sent.get("revision").asInt()).isEqualTo(3);
		JsonNode rule = sent.get("rule");
		assertThat(rule.get("code").asString()).isEqualTo("skills_gaps");
		assertThat(rule.get("effects").get("co_managed").asInt()).isEqualTo(20);
		assertThat(rule.get("effects").has("fully_managed")).isFalse();
		assertThat(rule.get("when").get(0).get("anyOf").toString())
			.isEqualTo("[\"cybersecurity\",\"cloud_migration\"]");
		assertThat(rule.get("when").get(0).get("atLeast").asInt()).isEqualTo(2);
		assertThat(rule.get("when")).hasSize(1);
		assertThat(rule.get("guideAnchor").asString()).isEqualTo("skills-gaps");
	}

	@Test
	void figuresThatAreNotWholeNumbersAreNamedAndNothingIsSent() {
		int before = assessment.requests().size();

		assertThat(saveRule("effects.hybrid", "lots", "priority.fit", "1.5")).hasStatusOk()
			.bodyText()
			.contains("Nothing was saved: 2 problem(s)", "href=\"#field-effects-hybrid\"",
					"id=\"field-effects-hybrid-error\"", "Enter a whole number", "value=\"lots\"",
					"aria-invalid=\"true\"");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.method().equals("PUT"));
	}

	@Test
	void aRefusedRuleShowsEveryProblemInTheSummaryAndNextToItsField() {
		assessment.respond("PUT", "/api/admin/scoring/drafts/7/rules/skills_gaps", AdminFakes.problem(400, """
				{"status":400,"detail":"Some fields cannot be accepted.",
				 "errors":[{"field":"rule.when[0].anyOf[1]","message":"'cloud' is not an answer to skills_gaps"},
				           {"field":"rule.reason","message":"is required"},
				           {"field":"rule.effects","message":"must speak for at least one model"}]}"""));

		assertThat(saveRule("reason", "")).hasStatusOk()
			.bodyText()
			.contains("Nothing was saved: 3 problem(s)", "href=\"#field-when-0-anyOf\"",
					"id=\"field-when-0-anyOf-error\"", "&#39;cloud&#39; is not an answer to skills_gaps",
					"id=\"field-reason-error\"", "effects: must speak for at least one model");
	}

	@Test
	void aRuleSavedOnAnOlderRevisionIsRefusedWithTheNewerOneShownAndTheInputKept() {
		assessment.respond("PUT", "/api/admin/scoring/drafts/7/rules/skills_gaps", AdminFakes.problem(409, """
				{"status":409,"detail":"Draft 7 was changed meanwhile; reload it",
				 "errors":[{"field":"revision","message":"is not the newest revision"}]}"""));

		assertThat(saveRule("effects.co_managed", "33")).hasStatusOk()
			.bodyText()
			.contains("Someone saved this draft meanwhile (revision 3, ada.admin@northbeam.test)", "value=\"33\"");
	}

	@Test
	void theWholeDefinitionIsCheckedForJsonHereAndByTheService() {
		int before = assessment.requests().size();
		assertThat(mvc.post()
			.uri(DRAFT + "/definition")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("revision", "3")
			.param("definition", "{\"rules\": [")).hasStatusOk()
			.bodyText()
			.contains("This is not a JSON object", "{&quot;rules&quot;: [");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.method().equals("PUT"));

		assessment.respond("PUT", "/api/admin/scoring/drafts/7", AdminFakes.problem(400, """
				{"status":400,"errors":[{"field":"definition.rules[0].effects.hybird","message":"is not a model"},
				 {"field":"definition.scale","message":"must be positive"}]}"""));
		assertThat(mvc.post()
			.uri(DRAFT + "/definition")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("revision", "3")
			.param("definition", "{\"scale\": 0}")).hasStatusOk()
			.bodyText()
			.contains("Nothing was saved: 2 problem(s)", "definition.rules[0].effects.hybird: is not a model",
					"definition.scale: must be positive");
	}

	@Test
	void tryingADraftShowsPersonasMovesDistributionAndTheLeadsThatWouldChange() {
		assertThat(mvc.get().uri(DRAFT + "/trial").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("Golden personas: 1 of 2 pass", "Manufacturer with an IT team", "Fails", "Passes",
					"Co-managed 48 (-5)", "Hybrid 52 (+4)")
			.contains("Stored submissions: 3 of 12 would change", "data-from=\"co_managed\" data-to=\"hybrid\">2</td>",
					"data-from=\"fully_managed\" data-to=\"co_managed\">1</td>")
			.contains("Leads that would change: 2", "href=\"/dashboard/leads/" + AdminFakes.LEAD + "\"",
					"from Co-managed to Hybrid", "Only the first 1 are listed.")
			.contains("1 golden persona(s) fail", "name=\"reason\"", "required");
		assertThat(last(assessment, "POST", "/api/admin/scoring/drafts/7/trial").query()).contains("limit=");
	}

	@Test
	void publishingNeedsAReasonWhenPersonasFailAndThenPublishes() {
		assessment.respond("POST", "/api/admin/scoring/drafts/7/publish", AdminFakes.problem(400,
				"""
						{"status":400,"errors":[{"field":"reason","message":"is required: 1 golden persona(s) fail (Manufacturer with an IT team)"}]}"""));
		assertThat(mvc.post().uri(DRAFT + "/publish").with(AdminFakes.admin()).with(csrf()).param("revision", "3"))
			.hasStatusOk()
			.bodyText()
			.contains("Nothing was saved: 1 problem(s)", "href=\"#field-reason\"",
					"reason: is required: 1 golden persona(s) fail");

		AdminFakes.answerAll(assessment);
		assertThat(mvc.post()
			.uri(DRAFT + "/publish")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("revision", "3")
			.param("reason", "  The persona is outdated  ")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/admin/scoring");
		JsonNode sent = json.readTree(last(assessment, "POST", "/api/admin/scoring/drafts/7/publish").body());
		assertThat(sent.get("revision").asInt()).isEqualTo(3);
		assertThat(sent.get("reason").asString()).isEqualTo("The persona is outdated");
	}

	/**
	 * Posts the rule form with valid values, {@code changes} (name, value pairs) instead.
	 */
	private MvcTestResult saveRule(String... changes) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("revision", "3");
		values.put("effects.co_managed", "12");
		values.put("effects.fully_managed", "0");
		values.put("effects.hybrid", "4");
		values.put("priority.fit", "0");
		values.put("priority.urgency", "10");
		values.put("reason", "Your team has gaps in specialist skills.");
		values.put("because", "skills gaps");
		values.put("guideAnchor", "skills-gaps");
		values.put("when.0.question", "skills_gaps");
		values.put("when.0.anyOf", "cybersecurity, cloud_migration");
		values.put("when.0.atLeast", "2");
		values.put("when.1.question", "");
		values.put("when.1.anyOf", "");
		values.put("when.1.atLeast", "");
		for (int i = 0; i < changes.length; i += 2) {
			values.put(changes[i], changes[i + 1]);
		}
		MockMvcTester.MockMvcRequestBuilder request = mvc.post()
			.uri(DRAFT + "/rules/skills_gaps")
			.with(AdminFakes.admin())
			.with(csrf());
		values.forEach(request::param);
		return request.exchange();
	}

}
