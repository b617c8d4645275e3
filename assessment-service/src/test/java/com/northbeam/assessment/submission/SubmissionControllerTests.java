package com.northbeam.assessment.submission;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class SubmissionControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	MvcTestResult post(String body) {
		return mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult get(UUID id) {
		return mvc.get()
			.uri("/api/submissions/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:read"))
			.exchange();
	}

	MvcTestResult putContact(UUID id, String body) {
		return mvc.put()
			.uri("/api/submissions/{id}/contact", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	int count(String table, String column, UUID id) {
		return jdbc.sql("select count(*) from " + table + " where " + column + " = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	@Test
	void aNewSubmissionIsScoredAndStoredWithItsConsentAndLead() {
		UUID id = UUID.randomUUID();
		MvcTestResult result = post(SubmissionBodies.valid(id));
		assertThat(result).hasStatus(201).hasHeader(HttpHeaders.LOCATION, "http://localhost/api/submissions/" + id);
		JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(body.get("id").asString()).isEqualTo(id.toString());
		assertThat(body.get("questionnaireVersion").asInt()).isEqualTo(1);
		assertThat(body.get("rulesVersion").asInt()).isPositive();
		assertThat(body.get("recommendation").asString()).isEqualTo("co_managed");
		assertThat(body.get("fit").get("co_managed").asInt())
			.isGreaterThan(body.get("fit").get("fully_managed").asInt());
		assertThat(body.get("fit").has("hybrid")).isTrue();
		assertThat(body.get("confidence").asInt()).isBetween(0, 100);
		assertThat(body.get("confidenceLabel").asString()).isIn("clear", "moderate", "close");
		assertThat(body.get("summary").asString()).startsWith("Co-managed IT fits you");
		JsonNode factor = body.get("factors").get(0);
		assertThat(factor.get("code").asString()).isNotBlank();
		assertThat(factor.get("model").asString()).isEqualTo("co_managed");
		assertThat(factor.get("weight").asInt()).isPositive();
		assertThat(factor.get("reason").asString()).isNotBlank();
		assertThat(factor.get("guideAnchor").asString()).isNotBlank();
		assertThat(body.get("priority").get("score").asInt()).isBetween(1, 100);
		assertThat(body.get("priority").get("factors").size()).isPositive();
		assertThat(body.get("cost").get("assumptionsVersion").asInt()).isPositive();
		assertThat(body.get("cost").get("current").get("items").get(0).has("estimated")).isTrue();
		assertThat(body.get("answers").get("skills_gaps").size()).isEqualTo(2);
		assertThat(body.get("createdAt").asString()).isNotBlank();

		assertThat(count("submission", "id", id)).isEqualTo(1);
		assertThat(count("submission_result", "submission_id", id)).isEqualTo(1);
		Map<String, Object> consent = jdbc
			.sql("select text_version, accepted_at from consent_record where submission_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(consent.get("text_version")).isEqualTo(SubmissionBodies.CONSENT_VERSION);
		assertThat(consent.get("accepted_at")).isNotNull();
		Map<String, Object> lead = jdbc.sql(
				"select email, company, job_role, status, source, recommendation, priority from lead where submission_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(lead).containsEntry("email", "dana@prospect.example")
			.containsEntry("company", "Prospect Works")
			.containsEntry("job_role", "Operations manager")
			.containsEntry("status", "new")
			.containsEntry("source", "newsletter")
			.containsEntry("recommendation", "co_managed")
			.containsEntry("priority", body.get("priority").get("score").asInt());
		Map<String, Object> attribution = jdbc
			.sql("select utm_medium, utm_campaign, referrer, landing from submission where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(attribution).containsEntry("utm_campaign", "autumn")
			.containsEntry("landing", "/articles/co-managed-vs-fully-managed-it");
	}

	/**
	 * A large company with an IT team sits between co-managed and hybrid
	 * (docs/recommendations.md).
	 */
	@Test
	void aCloseCallNamesTheRunnerUpAndTheAnswersThatWouldTipIt() {
		UUID id = UUID.randomUUID();
		MvcTestResult result = post(
				SubmissionBodies.valid(id).replace("\"51-200\"", "\"1000+\"").replace("keep_control", "balanced"));
		assertThat(result).hasStatus(201);
		JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(body.get("confidenceLabel").asString()).isEqualTo("close");
		assertThat(body.get("runnerUp").asString()).isIn("co_managed", "fully_managed", "hybrid")
			.isNotEqualTo(body.get("recommendation").asString());
		JsonNode tip = body.get("tipping").get(0);
		assertThat(tip.get("question").asString()).isNotBlank();
		assertThat(tip.get("recommendation").asString()).isNotEqualTo(body.get("recommendation").asString());
		assertThat(tip.get("explanation").asString()).isNotBlank();

		JsonNode stored = json.readTree(get(id).getResponse().getContentAsByteArray());
		assertThat(stored.get("tipping")).isEqualTo(body.get("tipping"));
	}

	@Test
	void theSameIdAgainReturnsTheStoredResultAndCreatesNothing() {
		UUID id = UUID.randomUUID();
		MvcTestResult first = post(SubmissionBodies.valid(id));
		MvcTestResult again = post(SubmissionBodies.valid(id));
		assertThat(first).hasStatus(201);
		assertThat(again).hasStatus(200);
		assertThat(again.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
		assertThat(count("submission", "id", id)).isEqualTo(1);
		assertThat(count("submission_result", "submission_id", id)).isEqualTo(1);
		assertThat(count("consent_record", "submission_id", id)).isEqualTo(1);
		assertThat(count("lead", "submission_id", id)).isEqualTo(1);
	}

	@Test
	void theBodyOfTheGatewaysPublicApiIsAccepted() {
		MvcTestResult withoutId = post(SubmissionBodies.publicApi(""));
		assertThat(withoutId).hasStatus(201);
		JsonNode body = json.readTree(withoutId.getResponse().getContentAsByteArray());
		UUID generated = UUID.fromString(body.get("id").asString());
		assertThat(body.get("recommendation").asString()).isEqualTo("fully_managed");
		assertThat(body.get("cost").get("estimated").asBoolean()).isTrue();
		assertThat(count("lead", "submission_id", generated)).isEqualTo(1);

		UUID chosen = UUID.randomUUID();
		assertThat(post(SubmissionBodies.publicApi("\"id\":\"" + chosen + "\","))).hasStatus(201);
		assertThat(post(SubmissionBodies.publicApi("\"id\":\"" + chosen + "\","))).hasStatus(200);
	}

	@Test
	void badInputNamesEveryOffendingFieldAndStoresNothing() {
		UUID id = UUID.randomUUID();
		String body = """
				{"id":"%s",
				 "answers":{"employees":"lots","internal_it":"it_team","growth":"fast","workload":"overloaded",
				            "skills_gaps":["none","cybersecurity"],"project_delays":"often","support_wait":"sometimes",
				            "coverage":"extended_hours","security_complexity":"complex","tech_footprint":["cloud"],
				            "control_preference":"keep_control","hiring":"easy","favourite_colour":"blue"},
				 "costs":{"tools_spend":-5},
				 "contact":{"name":"%s","email":"not-an-email","company":""},
				 "consent":{"accepted":false,"textVersion":"1999-01"},
				 "attribution":{"utm_source":"%s"}}""".formatted(id, "n".repeat(201), "s".repeat(201));
		MvcTestResult result = post(body);
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("answers.favourite_colour", "answers.employees", "answers.skills_gaps",
					"answers.predictability", "costs.tools_spend", "contact.name", "contact.email", "contact.company",
					"consent.accepted", "consent.textVersion", "attribution.utm_source");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(count("submission", "id", id)).isZero();
		assertThat(count("lead", "submission_id", id)).isZero();
		assertThat(count("consent_record", "submission_id", id)).isZero();
	}

	@Test
	void valuesOfTheWrongTypeAreNamed() {
		MvcTestResult badCost = post(
				SubmissionBodies.valid(UUID.randomUUID()).replace("\"tools_spend\":20000", "\"tools_spend\":\"lots\""));
		assertThat(badCost).hasStatus(400);
		assertThat(badCost).bodyJson().extractingPath("$.errors[0].field").isEqualTo("costs.tools_spend");
		MvcTestResult badId = post(
				SubmissionBodies.valid(UUID.randomUUID()).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"not-a-uuid\""));
		assertThat(badId).hasStatus(400);
		assertThat(badId).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
		assertThat(post("{not json")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
		assertThat(post("{\"questionnaireVersion\":99}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("questionnaireVersion");
	}

	@Test
	void anOversizedBodyIsRefusedBeforeItIsRead() {
		UUID id = UUID.randomUUID();
		String padded = SubmissionBodies.valid(id)
			.replace("\"utm_medium\":\"email\"", "\"utm_medium\":\"" + "m".repeat(70_000) + "\"");
		assertThat(post(padded)).hasStatus(413)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("body");
		assertThat(count("submission", "id", id)).isZero();
	}

	@Test
	void aResultIsReadWithoutContactDetails() throws Exception {
		UUID id = UUID.randomUUID();
		MvcTestResult posted = post(SubmissionBodies.valid(id));
		MvcTestResult read = get(id);
		assertThat(read).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		String body = read.getResponse().getContentAsString();
		assertThat(body).isEqualTo(posted.getResponse().getContentAsString())
			.doesNotContain("dana@prospect.example", "Dana Prospect", "Prospect Works", "7946", "Operations manager");
		assertThat(get(UUID.randomUUID())).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aSubmissionWithContactLaterHasItsResultButNoLeadUntilContactIsGiven() throws Exception {
		UUID id = UUID.randomUUID();
		MvcTestResult submitted = post(SubmissionBodies.contactLater(id));
		assertThat(submitted).hasStatus(201);
		JsonNode body = json.readTree(submitted.getResponse().getContentAsByteArray());
		assertThat(body.get("contactGiven").asBoolean()).isFalse();
		assertThat(body.get("recommendation").asString()).isEqualTo("co_managed");
		assertThat(count("submission_result", "submission_id", id)).isEqualTo(1);
		assertThat(count("consent_record", "submission_id", id)).isZero();
		assertThat(count("lead", "submission_id", id)).isZero();
		assertThat(json.readTree(get(id).getResponse().getContentAsByteArray()).get("contactGiven").asBoolean())
			.isFalse();

		MvcTestResult contact = putContact(id, SubmissionBodies.lateContact(" lee@later.example "));
		assertThat(contact).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(contact.getResponse().getContentAsString()).doesNotContain("lee@later.example");
		assertThat(json.readTree(contact.getResponse().getContentAsByteArray()).get("contactGiven").asBoolean())
			.isTrue();
		assertThat(json.readTree(get(id).getResponse().getContentAsByteArray()).get("contactGiven").asBoolean())
			.isTrue();
		Map<String, Object> lead = jdbc.sql(
				"select id, email, name, job_role, source, recommendation, priority, status from lead where submission_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(lead).containsEntry("email", "lee@later.example")
			.containsEntry("name", "Lee Later")
			.containsEntry("job_role", "IT lead")
			.containsEntry("source", "webinar")
			.containsEntry("recommendation", "co_managed")
			.containsEntry("priority", body.get("priority").get("score").asInt())
			.containsEntry("status", "new");
		assertThat(jdbc.sql("select text_version from consent_record where submission_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo(SubmissionBodies.CONSENT_VERSION);
		assertThat(jdbc.sql("select count(*) from outbox_event where lead_id = :id and kind = 'lead.created'")
			.param("id", lead.get("id"))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void contactGivenAgainKeepsTheFirstDetailsAndCreatesNoSecondLead() throws Exception {
		UUID id = UUID.randomUUID();
		post(SubmissionBodies.contactLater(id));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<MvcTestResult> first = pool
				.submit(() -> putContact(id, SubmissionBodies.lateContact("first@later.example")));
			Future<MvcTestResult> second = pool
				.submit(() -> putContact(id, SubmissionBodies.lateContact("second@later.example")));
			assertThat(List.of(first.get().getResponse().getStatus(), second.get().getResponse().getStatus()))
				.containsExactlyInAnyOrder(201, 200);
		}
		finally {
			pool.shutdown();
		}
		assertThat(putContact(id, SubmissionBodies.lateContact("third@later.example"))).hasStatus(200);
		assertThat(count("lead", "submission_id", id)).isEqualTo(1);
		assertThat(count("consent_record", "submission_id", id)).isEqualTo(1);
		assertThat(jdbc.sql("select email from lead where submission_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isIn("first@later.example", "second@later.example");
	}

	@Test
	void lateContactIsCheckedFieldByFieldAndNothingIsStoredWhenItIsBad() throws Exception {
		UUID id = UUID.randomUUID();
		post(SubmissionBodies.contactLater(id));
		MvcTestResult bad = putContact(id, """
				{"contact":{"name":"","email":"not-an-email","company":"Later Ltd"},
				 "consent":{"accepted":false,"textVersion":"1999-old"}}""");
		assertThat(bad).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(bad.getResponse().getContentAsString()).contains("contact.name", "contact.email", "consent.accepted",
				"consent.textVersion");
		assertThat(count("lead", "submission_id", id)).isZero();
		assertThat(count("consent_record", "submission_id", id)).isZero();
		assertThat(putContact(UUID.randomUUID(), SubmissionBodies.lateContact("lee@later.example"))).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void contactLaterRefusesContactDetailsInTheSubmissionItself() throws Exception {
		UUID id = UUID.randomUUID();
		MvcTestResult refused = post(SubmissionBodies.valid(id)
			.replace("\"questionnaireVersion\":1,", "\"questionnaireVersion\":1,\"contactLater\":true,"));
		assertThat(refused).hasStatus(400);
		assertThat(refused.getResponse().getContentAsString()).contains("\"contact\"", "\"consent\"");
		assertThat(count("submission", "id", id)).isZero();
	}

	@Test
	void contactDetailsNeedTheWriteScope() {
		UUID id = UUID.randomUUID();
		post(SubmissionBodies.contactLater(id));
		assertThat(mvc.put()
			.uri("/api/submissions/{id}/contact", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:read"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.lateContact("lee@later.example"))
			.exchange()).hasStatus(403);
		assertThat(count("lead", "submission_id", id)).isZero();
	}

}
