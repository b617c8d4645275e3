package com.northbeam.assessment.submission;

import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.scoring.Scoring;
import com.northbeam.assessment.scoring.ScoringRules;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class AdminSubmissionControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	Scoring scoring;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	String admin() {
		return "Bearer " + tokens.token("admin@northbeam.test", "admin");
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	@Test
	void rescoringAddsAResultWithTheNewestRulesAndKeepsTheOldOne() throws Exception {
		UUID id = UUID.randomUUID();
		MvcTestResult posted = mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(id))
			.exchange();
		assertThat(posted).hasStatus(201);
		JsonNode original = body(posted);
		int before = original.get("rulesVersion").asInt();

		ScoringRules newer;
		try (InputStream in = new ClassPathResource("scoring-test/rules-v2.json").getInputStream()) {
			newer = json.readValue(in, ScoringRules.class);
		}
		if (scoring.rules(newer.version()).isEmpty()) {
			scoring.publish(newer);
		}
		assertThat(before).isLessThan(newer.version());

		MvcTestResult rescored = mvc.post()
			.uri("/api/admin/submissions/{id}/rescore", id)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		assertThat(rescored).hasStatusOk();
		JsonNode result = body(rescored);
		assertThat(result.get("rulesVersion").asInt()).isEqualTo(newer.version());
		assertThat(result.get("createdAt").asString()).isEqualTo(original.get("createdAt").asString());
		assertThat(result.get("fit").get("co_managed").asInt())
			.isGreaterThan(original.get("fit").get("co_managed").asInt());

		MvcTestResult history = mvc.get()
			.uri("/api/admin/submissions/{id}/results", id)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		assertThat(history).hasStatusOk();
		JsonNode results = body(history);
		assertThat(results.size()).isEqualTo(2);
		// The history holds results as stored; whether contact details were given and the
		// responsibility matrix (derived when a result is read) are not part of one.
		ObjectNode originalResult = (ObjectNode) original.deepCopy();
		originalResult.remove("contactGiven");
		originalResult.remove("responsibility");
		assertThat(results.get(0)).isEqualTo(originalResult);
		assertThat(results.get(1).get("rulesVersion").asInt()).isEqualTo(newer.version());

		MvcTestResult shown = mvc.get()
			.uri("/api/submissions/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:read"))
			.exchange();
		assertThat(body(shown).get("rulesVersion").asInt()).isEqualTo(newer.version());
		assertThat(jdbc.sql("select priority from lead where submission_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(result.get("priority").get("score").asInt());
		Map<String, Object> timeline = jdbc
			.sql("select e.actor, e.detail from lead_event e join lead l on l.id = e.lead_id "
					+ "where l.submission_id = :id and e.kind = 'rescored'")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(timeline.get("actor")).isNotNull();
		assertThat((String) timeline.get("detail")).startsWith("rules v" + before + " → v" + newer.version() + ": ")
			.contains("priority " + original.get("priority").get("score").asInt() + " → "
					+ result.get("priority").get("score").asInt());

		// Rescoring again with the same newest rules changes nothing.
		assertThat(mvc.post().uri("/api/admin/submissions/{id}/rescore", id).header(HttpHeaders.AUTHORIZATION, admin()))
			.hasStatusOk();
		assertThat(jdbc.sql("select count(*) from submission_result where submission_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(2);

		MvcTestResult all = mvc.post()
			.uri("/api/admin/submissions/rescore")
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		assertThat(all).hasStatusOk().bodyJson().extractingPath("$.rescored").asNumber().isNotNull();
		assertThat(jdbc
			.sql("select count(*) from submission s where not exists (select 1 from submission_result r "
					+ "where r.submission_id = s.id and r.rules_version >= :version)")
			.param("version", newer.version())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void rescoringAnUnknownSubmissionIsNotFound() {
		assertThat(mvc.post()
			.uri("/api/admin/submissions/{id}/rescore", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, admin())).hasStatus(404);
		assertThat(mvc.get()
			.uri("/api/admin/submissions/{id}/results", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, admin())).hasStatus(404);
	}

}
