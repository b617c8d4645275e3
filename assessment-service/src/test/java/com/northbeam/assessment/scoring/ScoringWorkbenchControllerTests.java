package com.northbeam.assessment.scoring;

import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class ScoringWorkbenchControllerTests {

	static final String ALL_SCOPES = "scoring:read scoring:draft scoring:try scoring:publish";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Scoring scoring;

	String bearer(String... scopes) {
		return "Bearer " + tokens.token("admin@northbeam.test", scopes);
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	MvcTestResult send(String method, String uri, String scope, String content) {
		var request = switch (method) {
			case "GET" -> mvc.get().uri(uri);
			case "PUT" -> mvc.put().uri(uri);
			default -> mvc.post().uri(uri);
		};
		request.header(HttpHeaders.AUTHORIZATION, bearer(scope));
		if (content != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(content);
		}
		return request.exchange();
	}

	JsonNode newDraft() throws Exception {
		MvcTestResult created = send("POST", "/api/admin/scoring/drafts", "scoring:draft", null);
		assertThat(created).hasStatus(201);
		return body(created);
	}

	@Test
	void eachApiNeedsItsOwnScope() {
		assertThat(send("GET", "/api/admin/scoring/published", "admin", null)).hasStatus(403);
		assertThat(send("GET", "/api/admin/scoring/published", "scoring:read", null)).hasStatusOk();
		assertThat(send("POST", "/api/admin/scoring/drafts", "scoring:read", null)).hasStatus(403);
		assertThat(send("POST", "/api/admin/scoring/drafts/1/trial", "scoring:draft", null)).hasStatus(403);
		assertThat(send("POST", "/api/admin/scoring/drafts/1/publish", "scoring:try", "{}")).hasStatus(403);
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyText()
			.contains("/api/admin/scoring/drafts/{id}/trial", "/api/admin/scoring/drafts/{id}/publish");
	}

	@Test
	void thePublishedVersionComesWithItsRulesAndTheGuideAnchors() throws Exception {
		JsonNode published = body(send("GET", "/api/admin/scoring/published", "scoring:read", null));
		assertThat(published.get("version").get("version").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(published.get("definition").get("rules").size()).isPositive();
		assertThat(published.get("definition").get("rules").get(0).get("guideAnchor").asString()).isNotBlank();
		assertThat(published.get("guideAnchors").size()).isEqualTo(GuideAnchors.ALL.size());
		JsonNode map = body(send("GET", "/api/admin/scoring/decision-map?version=2", "scoring:read", null));
		assertThat(map.get("cells").size()).isEqualTo(75);
		assertThat(body(send("GET", "/api/admin/scoring/personas", "scoring:read", null)).size())
			.isGreaterThanOrEqualTo(30);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'scoring.read' and actor = :actor")
			.param("actor", "admin@northbeam.test")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void anInvalidDraftIsRefusedWithEveryProblemNamedAndNothingStored() throws Exception {
		JsonNode draft = newDraft();
		ObjectNode definition = (ObjectNode) draft.get("definition").deepCopy();
		ArrayNode rules = (ArrayNode) definition.get("rules");
		((ObjectNode) rules.get(0).get("when").get(0)).put("question", "favourite_colour");
		((ArrayNode) rules.get(1).get("when").get(0).get("anyOf")).set(0, "robots");
		((ObjectNode) rules.get(2)).remove("guideAnchor");
		((ObjectNode) rules.get(3)).put("code", rules.get(4).get("code").asString());
		definition.put("scale", 0.5);
		String body = "{\"revision\":1,\"definition\":" + definition + "}";
		MvcTestResult refused = send("PUT", "/api/admin/scoring/drafts/" + draft.get("id").asLong(), "scoring:draft",
				body.replace("\"scale\":0.5", "\"scale\":1e400"));
		assertThat(refused).hasStatus(400);
		assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(body(refused).get("errors").findValuesAsString("field")).contains(
				"definition.rules[0].when[0].question", "definition.rules[1].when[0].anyOf[0]",
				"definition.rules[2].guideAnchor", "definition.rules[4].code", "definition.scale");
		JsonNode unchanged = body(
				send("GET", "/api/admin/scoring/drafts/" + draft.get("id").asLong(), "scoring:read", null));
		assertThat(unchanged.get("revision").asInt()).isEqualTo(1);
		assertThat(unchanged.get("definition")).isEqualTo(draft.get("definition"));
	}

	@Test
	void draftsAreSavedWithOptimisticLocking() throws Exception {
		JsonNode draft = newDraft();
		long id = draft.get("id").asLong();
		ObjectNode definition = (ObjectNode) draft.get("definition").deepCopy();
		((ObjectNode) definition.get("rules").get(0)).put("reason", "Reworded.");
		MvcTestResult saved = send("PUT", "/api/admin/scoring/drafts/" + id, "scoring:draft",
				"{\"revision\":1,\"definition\":" + definition + "}");
		assertThat(saved).hasStatusOk();
		assertThat(body(saved).get("revision").asInt()).isEqualTo(2);
		assertThat(body(saved).get("definition").get("rules").get(0).get("reason").asString()).isEqualTo("Reworded.");
		assertThat(send("PUT", "/api/admin/scoring/drafts/" + id, "scoring:draft",
				"{\"revision\":1,\"definition\":" + definition + "}"))
			.hasStatus(409);
		JsonNode rule = body(saved).get("definition").get("rules").get(1);
		String code = rule.get("code").asString();
		MvcTestResult ruleSaved = send("PUT", "/api/admin/scoring/drafts/" + id + "/rules/" + code, "scoring:draft",
				"{\"revision\":2,\"rule\":" + ((ObjectNode) rule.deepCopy()).put("guideAnchor", "faq") + "}");
		assertThat(ruleSaved).hasStatusOk();
		assertThat(body(ruleSaved).get("revision").asInt()).isEqualTo(3);
		assertThat(send("PUT", "/api/admin/scoring/drafts/" + id + "/rules/" + code, "scoring:draft",
				"{\"revision\":3,\"rule\":" + ((ObjectNode) rule.deepCopy()).put("guideAnchor", "nowhere") + "}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("rule.guideAnchor");
	}

	@Test
	void aTrialShowsWhatADraftWouldChangeAndPublishingNeedsAReasonWhenPersonasFail() throws Exception {
		UUID submission = UUID.randomUUID();
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(submission))).hasStatus(201);
		UUID lead = jdbc.sql("select id from lead where submission_id = :id")
			.param("id", submission)
			.query(UUID.class)
			.single();
		ScoringRules before = scoring.newest(1);

		JsonNode draft = newDraft();
		long id = draft.get("id").asLong();
		String everyoneFullyManaged = """
				{"revision":1,"rule":{"code":"everyone_fully_managed","when":[{"question":"employees",
				 "anyOf":["1-10","11-50","51-200","201-1000","1000+"]}],"effects":{"fully_managed":900},
				 "reason":"Everyone.","because":"everyone","guideAnchor":"faq"}}""";
		assertThat(send("PUT", "/api/admin/scoring/drafts/" + id + "/rules/everyone_fully_managed", "scoring:draft",
				everyoneFullyManaged))
			.hasStatusOk();

		MvcTestResult tried = send("POST", "/api/admin/scoring/drafts/" + id + "/trial", "scoring:try", null);
		assertThat(tried).hasStatusOk();
		JsonNode trial = body(tried);
		assertThat(trial.get("personasFailed").asInt()).isPositive();
		assertThat(trial.get("personas").get(0).get("fitChange").has(Model.HYBRID)).isTrue();
		JsonNode submissions = trial.get("submissions");
		assertThat(submissions.get("after").get(Model.FULLY_MANAGED).asLong())
			.isEqualTo(submissions.get("scored").asLong());
		assertThat(submissions.get("moves").get(Model.CO_MANAGED).get(Model.FULLY_MANAGED).asLong()).isPositive();
		assertThat(submissions.get("leads").findValuesAsString("leadId")).contains(lead.toString());

		MvcTestResult refused = send("POST", "/api/admin/scoring/drafts/" + id + "/publish", "scoring:publish",
				"{\"revision\":2}");
		assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
		assertThat(scoring.newest(1)).isEqualTo(before);

		MvcTestResult published = send("POST", "/api/admin/scoring/drafts/" + id + "/publish", "scoring:publish",
				"{\"revision\":2,\"reason\":\"Testing the gate\"}");
		try {
			assertThat(published).hasStatus(201);
			int version = body(published).get("version").asInt();
			assertThat(scoring.newest(1).version()).isEqualTo(version);
			assertThat(jdbc.sql("select detail from audit_entry where action = 'scoring.published' order by id desc")
				.query(String.class)
				.list()
				.get(0)).contains("version " + version, "reason: Testing the gate");
			assertThat(send("PUT", "/api/admin/scoring/drafts/" + id + "/rules/everyone_fully_managed", "scoring:draft",
					everyoneFullyManaged.replace("\"revision\":1", "\"revision\":2")))
				.hasStatus(409);
		}
		finally {
			restore(before);
		}
		assertThat(scoring.newest(1).rules()).isEqualTo(before.rules());
	}

	/** Publishes the rules that were newest before, so other tests see them again. */
	void restore(ScoringRules before) throws Exception {
		JsonNode draft = newDraft();
		String definition = json.writeValueAsString(before);
		assertThat(send("PUT", "/api/admin/scoring/drafts/" + draft.get("id").asLong(), "scoring:draft",
				"{\"revision\":1,\"definition\":" + definition + "}"))
			.hasStatusOk();
		assertThat(send("POST", "/api/admin/scoring/drafts/" + draft.get("id").asLong() + "/publish", "scoring:publish",
				"{\"revision\":2,\"reason\":\"Restoring the rules other tests expect\"}"))
			.hasStatus(201);
	}

}
