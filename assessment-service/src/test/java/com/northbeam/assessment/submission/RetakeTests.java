package com.northbeam.assessment.submission;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Retakes through the real API on PostgreSQL: the gateway's signed reference, the same
 * lead, the history with what changed, no notification, no quarantine as a repeat.
 */
@AssessmentServiceTest
class RetakeTests {

	/**
	 * The answers of {@link SubmissionBodies#ANSWERS} with no IT team and handing off.
	 */
	static final String NO_TEAM_ANSWERS = SubmissionBodies.ANSWERS.replace("\"it_team\"", "\"none\"")
		.replace("\"workload\":\"overloaded\",", "")
		.replace("\"keep_control\"", "\"hand_off\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	LeadFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LeadFixtures(mvc, jdbc, tokens, json);
	}

	@Test
	void aRetakeThatChangesAnswersLandsOnTheSameLeadAndItsResultSaysWhatChanged() {
		UUID first = fixtures.submit();
		UUID lead = fixtures.leadOf(first);
		int leads = count("select count(*) from lead");
		UUID retake = UUID.randomUUID();

		MvcTestResult posted = post(retake(retake, reference(first, null), NO_TEAM_ANSWERS));

		assertThat(posted).hasStatus(201);
		JsonNode body = fixtures.body(posted);
		assertThat(body.get("contactGiven").asBoolean()).as("the lead's contact details").isTrue();
		JsonNode changes = body.get("retake");
		assertThat(changes.get("from").asString()).isEqualTo(first.toString());
		assertThat(changes.get("answers").valueStream().map((answer) -> answer.get("question").asString()))
			.containsExactly("internal_it", "workload", "control_preference");
		assertThat(changes.get("recommendationBefore").asString()).isEqualTo("co_managed");
		assertThat(changes.get("recommendation").asString()).isEqualTo("fully_managed");
		assertThat(changes.get("why").get("outcome").asString()).isEqualTo("moved");
		assertThat(changes.get("why").get("drivers").size()).isPositive();
		assertThat(changes.get("appeared").valueStream().map((factor) -> factor.get("code").asString()))
			.contains("no_dedicated_it");
		assertThat(changes.get("fit").size()).isEqualTo(3);
		assertThat(count("select count(*) from lead")).as("no new lead").isEqualTo(leads);
		assertThat(
				jdbc.sql("select submission_id from lead where id = :id").param("id", lead).query(UUID.class).single())
			.as("the retake is the lead's newest assessment")
			.isEqualTo(retake);
		assertThat(jdbc.sql("select recommendation from lead where id = :id")
			.param("id", lead)
			.query(String.class)
			.single()).isEqualTo("fully_managed");
		assertThat(countFor("select count(*) from outbox_event where lead_id = :id", lead))
			.as("only the lead's creation was announced")
			.isEqualTo(1);
		assertThat(countFor("select count(*) from quarantine where submission_id = :id", retake)).isZero();
		assertThat(jdbc.sql("select actor || ': ' || detail from lead_event where lead_id = :id and kind = 'retake'")
			.param("id", lead)
			.query(String.class)
			.single()).startsWith("prospect: 3 answers changed; Co-managed IT fit ")
			.contains("recommendation moved from Co-managed IT to Fully managed IT because (now) ");

		JsonNode detail = fixtures.body(
				mvc.get().uri("/api/leads/{id}", lead).header(HttpHeaders.AUTHORIZATION, fixtures.sales()).exchange());
		JsonNode history = detail.get("assessments");
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(0).get("submissionId").asString()).isEqualTo(first.toString());
		assertThat(history.get(0).get("changes").isNull()).isTrue();
		assertThat(history.get(1).get("submissionId").asString()).isEqualTo(retake.toString());
		assertThat(history.get(1).get("retakeOf").asString()).isEqualTo(first.toString());
		assertThat(history.get(1).get("changes").get("answers").size()).isEqualTo(3);
		assertThat(history.get(1).get("assistedBy").isNull()).isTrue();
		assertThat(detail.get("recommendation").asString()).isEqualTo("fully_managed");

		assertThat(post(retake(retake, reference(first, null), NO_TEAM_ANSWERS))).as("the same retake again")
			.hasStatus(200);
		assertThat(countFor("select count(*) from lead_assessment where lead_id = :id", lead)).isEqualTo(2);
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", first)
			.header(HttpHeaders.AUTHORIZATION, fixtures.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"preferredTimes\":\"mornings\"}")
			.exchange()).as("a consultation asked from the earlier result reaches the same lead").hasStatus(201);
		assertThat(countFor("select count(*) from lead_consultation where lead_id = :id", lead)).isEqualTo(1);
	}

	@Test
	void aRetakeWithTheSameAnswersIsNotQuarantinedAsARepeatButTheSameSubmissionAgainIs() {
		UUID first = UUID.randomUUID();
		String body = SubmissionBodies.valid(first);
		assertThat(post(body)).hasStatus(201);
		UUID lead = fixtures.leadOf(first);
		UUID repeat = UUID.randomUUID();
		UUID retake = UUID.randomUUID();

		assertThat(post(body.replace(first.toString(), repeat.toString()))).hasStatus(201);
		MvcTestResult retaken = post(retake(retake, reference(first, null), SubmissionBodies.ANSWERS));

		assertThat(countFor("select count(*) from quarantine where submission_id = :id", repeat)).isEqualTo(1);
		assertThat(retaken).hasStatus(201);
		assertThat(countFor("select count(*) from quarantine where submission_id = :id", retake)).isZero();
		assertThat(countFor("select count(*) from lead_assessment where lead_id = :id", lead)).isEqualTo(2);
		JsonNode changes = fixtures.body(retaken).get("retake");
		assertThat(changes.get("answers").size()).isZero();
		assertThat(changes.get("why").get("outcome").asString()).isEqualTo("held");
	}

	@Test
	void staffTakingARetakeWithTheProspectIsNamedOnTheTimelineAndInTheAuditAndNobodyIsNotified() {
		UUID first = fixtures.submit();
		UUID lead = fixtures.leadOf(first);
		UUID retake = UUID.randomUUID();

		assertThat(post(retake(retake, reference(first, "sam@northbeam.test"), NO_TEAM_ANSWERS))).hasStatus(201);

		assertThat(jdbc.sql("select actor || ': ' || detail from lead_event where lead_id = :id and kind = 'retake'")
			.param("id", lead)
			.query(String.class)
			.single()).startsWith("sam@northbeam.test: staff-assisted, with the prospect: 3 answers changed");
		assertThat(jdbc.sql("select assisted_by from lead_assessment where submission_id = :id")
			.param("id", retake)
			.query(String.class)
			.single()).isEqualTo("sam@northbeam.test");
		assertThat(jdbc
			.sql("select count(*) from audit_entry where lead_id = :id and actor = 'sam@northbeam.test' "
					+ "and action = 'lead.changed' and detail like 'retaken, %'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(countFor("select count(*) from outbox_event where lead_id = :id", lead)).isEqualTo(1);
	}

	@Test
	void aReferenceTheGatewayDidNotSignForARetakeIsRefusedAndNothingIsStored() {
		UUID first = fixtures.submit();
		Map<String, String> refused = new HashMap<>();
		refused.put("not a token", "not-a-token");
		refused.put("a service token", tokens.token(first.toString(), "submissions:write"));
		refused.put("another purpose",
				tokens.signed(first.toString(), Map.of("purpose", "resume"), Instant.now().plusSeconds(600)));
		refused.put("expired",
				tokens.signed(first.toString(), Map.of("purpose", "retake"), Instant.now().minusSeconds(60)));
		refused.put("no submission", "subject:" + UUID.randomUUID());
		refused.forEach((why, reference) -> {
			if (reference.startsWith("subject:")) {
				reference = tokens.signed(reference.substring(8), Map.of("purpose", "retake"),
						Instant.now().plusSeconds(600));
			}
			UUID id = UUID.randomUUID();
			assertThat(post(retake(id, reference, NO_TEAM_ANSWERS))).as(why)
				.hasStatus(400)
				.bodyText()
				.contains("retake");
			assertThat(countFor("select count(*) from submission where id = :id", id)).as(why).isZero();
		});
		UUID withContact = UUID.randomUUID();
		String body = SubmissionBodies.valid(withContact);
		assertThat(post(body.substring(0, body.lastIndexOf('}')) + ",\"retake\":\"" + reference(first, null) + "\"}"))
			.as("a retake with contact details of its own")
			.hasStatus(400)
			.bodyText()
			.contains("contactLater");
		assertThat(countFor("select count(*) from submission where id = :id", withContact)).isZero();
	}

	@Test
	void aLeadsExportHoldsEveryAssessmentAndErasureCoversEachOfTheirSubmissions() {
		UUID first = fixtures.submit();
		UUID lead = fixtures.leadOf(first);
		UUID retake = UUID.randomUUID();
		post(retake(retake, reference(first, null), NO_TEAM_ANSWERS).replace("\"contactLater\":true",
				"\"contactLater\":true,\"attribution\":{\"referrer\":\"https://mail.example/\"}"));

		JsonNode export = fixtures.body(mvc.get()
			.uri("/api/admin/leads/{id}/export", lead)
			.header(HttpHeaders.AUTHORIZATION, fixtures.admin())
			.exchange());
		assertThat(export.get("assessments").size()).isEqualTo(2);
		assertThat(export.get("assessments")
			.get(1)
			.get("answers")
			.valueStream()
			.map((answer) -> answer.get("questionId").asString())).contains("internal_it", "control_preference");
		JsonNode erased = fixtures.body(mvc.post()
			.uri("/api/admin/leads/{id}/erase", lead)
			.header(HttpHeaders.AUTHORIZATION, fixtures.admin())
			.exchange());

		assertThat(erased.get("submissionIds").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(first.toString(), retake.toString());
		assertThat(count(
				"select count(*) from submission where id in ('" + first + "', '" + retake + "') and referrer is null"))
			.isEqualTo(2);
		assertThat(post(retake(UUID.randomUUID(), reference(retake, null), SubmissionBodies.ANSWERS)))
			.as("a retake of an erased lead's result is taken in")
			.hasStatus(201);
		assertThat(countFor("select count(*) from lead_assessment where lead_id = :id", lead))
			.as("but stays off the erased lead")
			.isEqualTo(2);
	}

	@Test
	void aRetakeOfAResultWithoutContactDetailsOrThatLooksAutomatedStaysOffAnyLead() {
		UUID anonymous = UUID.randomUUID();
		post(SubmissionBodies.contactLater(anonymous));
		UUID first = fixtures.submit();
		UUID lead = fixtures.leadOf(first);
		UUID ofAnonymous = UUID.randomUUID();
		UUID suspicious = UUID.randomUUID();

		MvcTestResult posted = post(retake(ofAnonymous, reference(anonymous, null), NO_TEAM_ANSWERS));
		String screened = retake(suspicious, reference(first, null), NO_TEAM_ANSWERS);
		assertThat(
				post(screened.substring(0, screened.lastIndexOf('}')) + ",\"screening\":{\"reasons\":[\"honeypot\"]}}"))
			.hasStatus(201);

		assertThat(posted).hasStatus(201);
		assertThat(fixtures.body(posted).get("contactGiven").asBoolean()).isFalse();
		assertThat(fixtures.body(posted).get("retake").get("from").asString()).isEqualTo(anonymous.toString());
		assertThat(countFor("select count(*) from lead_assessment where submission_id = :id", ofAnonymous)).isZero();
		assertThat(countFor("select count(*) from lead_assessment where lead_id = :id", lead)).isEqualTo(1);
		assertThat(countFor("select count(*) from submission where id = :id and contact_from is null", suspicious))
			.isEqualTo(1);
	}

	private String reference(UUID previous, String staff) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("purpose", "retake");
		if (staff != null) {
			claims.put("staff", staff);
		}
		return tokens.signed(previous.toString(), claims, Instant.now().plusSeconds(600));
	}

	private static String retake(UUID id, String reference, String answers) {
		return """
				{"id":"%s","questionnaireVersion":1,"answers":%s,"contactLater":true,"retake":"%s"}""".formatted(id,
				answers, reference);
	}

	private MvcTestResult post(String body) {
		return mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, fixtures.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private int countFor(String sql, UUID id) {
		return jdbc.sql(sql).param("id", id).query(Integer.class).single();
	}

}
