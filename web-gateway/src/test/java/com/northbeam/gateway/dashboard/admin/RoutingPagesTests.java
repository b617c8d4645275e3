package com.northbeam.gateway.dashboard.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class RoutingPagesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PAGE = "/dashboard/admin/routing";

	private static final String API = "/api/admin/routing";

	static final String HYBRID_RULE = """
			{"id":5,"order":1,"name":"Large hybrid to Ben","enabled":true,"recommendations":["hybrid"],
			 "companySizes":["201-1000","1000+"],"minPriority":60,"maxPriority":null,"sources":["newsletter"],
			 "owner":"ben@northbeam.test","groupId":null,"groupName":null,"version":4,
			 "updatedAt":"2026-12-01T09:00:00Z","updatedBy":"ada.admin@northbeam.test"}""";

	static final String TEAM_RULE = """
			{"id":6,"order":2,"name":"Everyone else","enabled":false,"recommendations":[],"companySizes":[],
			 "minPriority":null,"maxPriority":null,"sources":[],"owner":null,"groupId":3,"groupName":"Inside sales",
			 "version":0,"updatedAt":"2026-12-01T09:00:00Z","updatedBy":"ada.admin@northbeam.test"}""";

	static final String GROUP = """
			{"id":3,"name":"Inside sales","members":["ada@northbeam.test","ben@northbeam.test","cy@northbeam.test"],
			 "nextTurn":1,"version":2,"updatedAt":"2026-12-01T09:00:00Z","updatedBy":"ada.admin@northbeam.test"}""";

	static final String OVERVIEW = """
			{"rules":[%s,%s],"groups":[%s],
			 "salesPeople":[{"email":"ada@northbeam.test","name":"Ada Byron","enabled":true},
			  {"email":"ben@northbeam.test","name":"Ben Okafor","enabled":false},
			  {"email":"cy@northbeam.test","name":"Cy Tran","enabled":true}]}""".formatted(HYBRID_RULE, TEAM_RULE,
			GROUP);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeRoutingApi() {
		assessment.respond("GET", API, Response.json(OVERVIEW));
		assessment.respond("GET", API + "/rules/5", Response.json(HYBRID_RULE));
		assessment.respond("GET", API + "/groups/3", Response.json(GROUP));
		assessment.respond("POST", API + "/rules", created(HYBRID_RULE));
		assessment.respond("PUT", API + "/rules/5", Response.json(HYBRID_RULE));
		assessment.respond("POST", API + "/rules/6/move", Response.json("[" + TEAM_RULE + "," + HYBRID_RULE + "]"));
		assessment.respond("DELETE", API + "/rules/5", AdminFakes.noContent());
		assessment.respond("POST", API + "/groups", created(GROUP));
		assessment.respond("DELETE", API + "/groups/3", AdminFakes.noContent());
	}

	@Test
	void theRulesAreListedInOrderWithTheirConditionsActionsAndWarnings() throws Exception {
		String page = mvc.get().uri(PAGE).with(AdminFakes.admin()).exchange().getResponse().getContentAsString();

		assertThat(page).contains("<h1>Lead routing</h1>", "href=\"/dashboard/admin/routing/rules/new\"",
				"href=\"/dashboard/admin/routing/groups/new\"");
		assertThat(page.indexOf("Large hybrid to Ben")).isLessThan(page.indexOf("Everyone else"));
		assertThat(page)
			.contains("Recommendation: Hybrid", "Employees: 201-1000, 1000+", "Priority at least 60",
					"Source: newsletter", "Every lead", "Round-robin: Inside sales", "<td>Off</td>")
			.contains("ben@northbeam.test</span>", "disabled")
			.contains("Ada Byron (ada@northbeam.test)", "Ben Okafor (ben@northbeam.test)")
			.contains("aria-label=\"Move Large hybrid to Ben down\"", "aria-label=\"Move Everyone else up\"")
			.doesNotContain("aria-label=\"Move Large hybrid to Ben up\"", "aria-label=\"Move Everyone else down\"");
		assertThat(TokenClaims.of(last(assessment, "GET", API)).get("sub").asString())
			.isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void onlyAdminsReachTheRoutingPages() {
		assertThat(mvc.get().uri(PAGE).with(user("sam@northbeam.test").roles("SALES"))).hasStatus(403);
		assertThat(mvc.get().uri(PAGE)).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/dashboard/admin").with(AdminFakes.admin())).bodyText()
			.contains("href=\"/dashboard/admin/routing\"");
	}

	@Test
	void aNewRuleIsSentAsTheServiceExpectsAndTheListShowsWhatHappened() {
		MvcTestResult saved = post(PAGE + "/rules", rule());

		assertThat(saved).hasStatus3xxRedirection().redirectedUrl().isEqualTo(PAGE);
		assertThat(saved).flash().containsEntry("message", "admin.routing.ruleCreated");
		JsonNode sent = json.readTree(last(assessment, "POST", API + "/rules").body());
		assertThat(sent.get("name").asString()).isEqualTo("Large hybrid to the team");
		assertThat(sent.get("enabled").asBoolean()).isTrue();
		assertThat(sent.get("recommendations").toString()).isEqualTo("[\"hybrid\"]");
		assertThat(sent.get("companySizes").toString()).isEqualTo("[\"201-1000\",\"1000+\"]");
		assertThat(sent.get("minPriority").asInt()).isEqualTo(60);
		assertThat(sent.get("maxPriority").isNull()).isTrue();
		assertThat(sent.get("sources").toString()).isEqualTo("[\"newsletter\",\"Partner-Site\"]");
		assertThat(sent.get("owner").isNull()).isTrue();
		assertThat(sent.get("groupId").asLong()).isEqualTo(3);

		Map<String, String> paused = rule();
		paused.remove("enabled");
		assertThat(post(PAGE + "/rules", paused)).hasStatus3xxRedirection();
		assertThat(json.readTree(last(assessment, "POST", API + "/rules").body()).get("enabled").asBoolean())
			.as("an unticked box sends nothing: the rule is off")
			.isFalse();
	}

	@Test
	void theNewRuleFormOffersEveryConditionAndEveryPersonAndGroup() {
		assertThat(mvc.get().uri(PAGE + "/rules/new").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("<h1>New routing rule</h1>", "name=\"recommendations\" id=\"rec-hybrid\" value=\"hybrid\"",
					"value=\"1000+\"", "name=\"minPriority\"", "name=\"maxPriority\"", "name=\"sources\"",
					"<option value=\"owner:ada@northbeam.test\">Ada Byron (ada@northbeam.test)</option>",
					"Ben Okafor (ben@northbeam.test), disabled",
					"<option value=\"group:3\">Round-robin: Inside sales</option>")
			.doesNotContain("Delete this rule");
	}

	@Test
	void prioritiesThatAreNotWholeNumbersAndAMissingChoiceAreNamedAndNothingIsSent() {
		int before = assessment.requests().size();

		MvcTestResult refused = post(PAGE + "/rules",
				rule("minPriority", "lots", "maxPriority", "101", "assignTo", ""));

		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("Nothing was saved: 3 problem(s)", "href=\"#field-minPriority\"",
					"id=\"field-minPriority-error\"", "Enter a whole number from 0 to 100",
					"id=\"field-assignTo-error\"", "Choose a person or a round-robin group", "value=\"lots\"",
					"aria-invalid=\"true\"");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.method().equals("POST"));
	}

	@Test
	void aRuleTheServiceRefusesShowsEveryProblemNextToItsField() {
		assessment.respond("PUT", API + "/rules/5", AdminFakes.problem(400, """
				{"status":400,"detail":"Some fields cannot be accepted.",
				 "errors":[{"field":"name","message":"is the name of another rule"},
				           {"field":"companySizes[1]","message":"must be one of [1-10, 11-50]"},
				           {"field":"owner","message":"is not a sales account"}]}"""));

		assertThat(post(PAGE + "/rules/5", rule("version", "4"))).hasStatusOk()
			.bodyText()
			.contains("Nothing was saved: 3 problem(s)", "id=\"field-name-error\"", "is the name of another rule",
					"href=\"#field-companySizes\"", "id=\"field-companySizes-error\"", "id=\"field-assignTo-error\"",
					"is not a sales account", "value=\"Large hybrid to the team\"");
	}

	@Test
	void aStaleEditShowsTheNewerVersionAndKeepsWhatWasTyped() {
		assessment.respond("PUT", API + "/rules/5", AdminFakes.problem(409, """
				{"status":409,"detail":"The rule was changed meanwhile; it is now at version 4",
				 "errors":[{"field":"version","message":"is 3 but the rule is at version 4"}]}"""));

		assertThat(post(PAGE + "/rules/5", rule("version", "3"))).hasStatusOk()
			.bodyText()
			.contains("Someone changed this meanwhile (version 4, ada.admin@northbeam.test)",
					"value=\"Large hybrid to the team\"", "name=\"version\" value=\"4\"");
	}

	@Test
	void rulesMoveAndAreDeletedWithTheVersionShown() {
		assertThat(mvc.post()
			.uri(PAGE + "/rules/6/move")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("version", "0")
			.param("direction", "up")).hasStatus3xxRedirection().redirectedUrl().isEqualTo(PAGE + "#rule-6");
		JsonNode move = json.readTree(last(assessment, "POST", API + "/rules/6/move").body());
		assertThat(move.get("version").asInt()).isZero();
		assertThat(move.get("direction").asString()).isEqualTo("up");

		assertThat(mvc.get().uri(PAGE + "/rules/5").with(AdminFakes.admin())).bodyText()
			.contains("Delete this rule")
			.containsPattern("value=\"owner:ben@northbeam.test\"\\s+selected=\"selected\"");
		assertThat(mvc.post().uri(PAGE + "/rules/5/delete").with(AdminFakes.admin()).with(csrf()).param("version", "4"))
			.hasStatus3xxRedirection()
			.flash()
			.containsEntry("message", "admin.routing.ruleDeleted");
		assertThat(last(assessment, "DELETE", API + "/rules/5").query()).isEqualTo("version=4");
	}

	@Test
	void aGroupIsMadeFromTheTickedPeopleAndOneInUseIsNotDeleted() {
		assertThat(mvc.post()
			.uri(PAGE + "/groups")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("name", "Inside sales")
			.param("members", "ada@northbeam.test", "cy@northbeam.test")).hasStatus3xxRedirection();
		JsonNode sent = json.readTree(last(assessment, "POST", API + "/groups").body());
		assertThat(sent.get("members").toString()).isEqualTo("[\"ada@northbeam.test\",\"cy@northbeam.test\"]");

		assertThat(mvc.get().uri(PAGE + "/groups/3").with(AdminFakes.admin())).bodyText()
			.contains("<h1>Round-robin group: Inside sales</h1>", "value=\"cy@northbeam.test\" checked=\"checked\"");
		assessment.respond("DELETE", API + "/groups/3", AdminFakes.problem(409, """
				{"status":409,"detail":"Rules still hand leads to this group",
				 "errors":[{"field":"id","message":"is used by rule(s) 'Everyone else'"}]}"""));
		assertThat(
				mvc.post().uri(PAGE + "/groups/3/delete").with(AdminFakes.admin()).with(csrf()).param("version", "2"))
			.hasStatusOk()
			.bodyText()
			.contains("Rules still hand leads to this group", "is used by rule(s) &#39;Everyone else&#39;");
	}

	private static Map<String, String> rule(String... changes) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", "Large hybrid to the team");
		values.put("enabled", "true");
		values.put("recommendations", "hybrid");
		values.put("companySizes", "201-1000,1000+");
		values.put("minPriority", "60");
		values.put("maxPriority", "");
		values.put("sources", "newsletter, Partner-Site,");
		values.put("assignTo", "group:3");
		for (int i = 0; i < changes.length; i += 2) {
			values.put(changes[i], changes[i + 1]);
		}
		return values;
	}

	private MvcTestResult post(String uri, Map<String, String> values) {
		MockMvcTester.MockMvcRequestBuilder request = mvc.post().uri(uri).with(AdminFakes.admin()).with(csrf());
		values.forEach((name, value) -> {
			if (name.equals("companySizes")) {
				request.param(name, value.split(","));
			}
			else {
				request.param(name, value);
			}
		});
		return request.exchange();
	}

	private static Response created(String body) {
		return new Response(201, "application/json", body, Duration.ZERO);
	}

}
