package com.northbeam.assessment.colleague;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.outbox.MailDispatch;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A colleague invited by email answers the technical questions, on PostgreSQL with the
 * invitation sent over SMTP (GreenMail) through the outbox and its link taken from the
 * email.
 */
@AssessmentServiceTest
class ColleaguesTests {

	static final String COLLEAGUE_ANSWERS = """
			{"internal_it":"it_team","workload":"stretched","skills_gaps":["cloud_migration","cybersecurity"],
			 "project_delays":"often","support_wait":"often","coverage":"24x7","security_complexity":"complex"}""";

	static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/assessment/colleague/([A-Za-z0-9_.-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	ApplicationContext context;

	@Autowired
	InvitationLinks links;

	LeadFixtures leads;

	GreenMail smtp;

	int smtpPort;

	@BeforeEach
	void setUp() throws IOException {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
		try (ServerSocket socket = new ServerSocket(0)) {
			smtpPort = socket.getLocalPort();
		}
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
	}

	@Test
	void anInvitedColleaguesAnswersMergeIntoTheCompanyResultOnTheSameLead() throws Exception {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		MailDispatch.skipPending(jdbc);

		assertThat(invite(submission, "robin.it@prospect.example", true)).hasStatus(201)
			.bodyJson()
			.extractingPath("$.expiresAt")
			.isNotNull();
		MailDispatch.send(context, smtpPort);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("robin.it@prospect.example");
		assertThat(received[0].getSubject()).isEqualTo("A colleague asked for your view on your IT support");
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(body).doesNotContain("Dana", "Prospect Works", "robin");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		String token = link.group(1);

		JsonNode state = body(mvc.get()
			.uri("/api/submissions/colleague-invitations/{token}", token)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway()));
		assertThat(state.get("state").asString()).isEqualTo("open");
		assertThat(state.get("steps").toString()).isEqualTo("[\"team\",\"needs\"]");

		MvcTestResult answered = answer(token, COLLEAGUE_ANSWERS, "Robin IT", "robin.it@prospect.example");
		assertThat(answered).hasStatus(201)
			.bodyJson()
			.extractingPath("$.submissionId")
			.isEqualTo(submission.toString());

		JsonNode result = body(
				mvc.get().uri("/api/submissions/{id}", submission).header(HttpHeaders.AUTHORIZATION, leads.gateway()));
		JsonNode colleague = result.get("colleague");
		assertThat(colleague.get("answeredAt").isNull()).isFalse();
		assertThat(colleague.toString()).doesNotContain("Robin", "robin");
		assertThat(colleague.get("disagreements").toString())
			.isEqualTo("[" + "{\"question\":\"workload\",\"domain\":\"technical\",\"respondent\":[\"overloaded\"],"
					+ "\"colleague\":[\"stretched\"],\"used\":\"colleague\"},"
					+ "{\"question\":\"support_wait\",\"domain\":\"technical\",\"respondent\":[\"sometimes\"],"
					+ "\"colleague\":[\"often\"],\"used\":\"colleague\"},"
					+ "{\"question\":\"coverage\",\"domain\":\"technical\",\"respondent\":[\"extended_hours\"],"
					+ "\"colleague\":[\"24x7\"],\"used\":\"colleague\"}]");
		assertThat(result.get("answers").get("workload").toString()).isEqualTo("[\"stretched\"]");
		assertThat(result.get("answers").get("coverage").toString()).isEqualTo("[\"24x7\"]");
		assertThat(result.get("answers").get("employees").toString()).isEqualTo("[\"51-200\"]");
		assertThat(jdbc.sql("select answers from submission where id = :id")
			.param("id", submission)
			.query(String.class)
			.single()).contains("\"24x7\"");
		assertThat(count("select count(*) from submission_result where submission_id = ?", submission)).isOne();

		// The same lead, moved to the merged result; no second lead, no quarantine, no
		// new-lead notification.
		assertThat(count("select count(*) from lead where submission_id = ?", submission)).isOne();
		assertThat(count("select count(*) from quarantine where submission_id = ?", submission)).isZero();
		assertThat(count("select count(*) from outbox_event where lead_id = ?", lead)).isOne();
		assertThat(jdbc.sql("select recommendation from lead where id = :id")
			.param("id", lead)
			.query(String.class)
			.single()).isEqualTo(result.get("recommendation").asString());
		MailDispatch.send(context, smtpPort);
		assertThat(smtp.getReceivedMessages()).hasSize(1);

		JsonNode detail = body(mvc.get().uri("/api/leads/{id}", lead).header(HttpHeaders.AUTHORIZATION, leads.sales()));
		JsonNode respondents = detail.get("respondents");
		assertThat(respondents).hasSize(2);
		assertThat(respondents.get(0).get("role").asString()).isEqualTo("respondent");
		assertThat(respondents.get(0).get("name").asString()).isEqualTo("Dana Prospect");
		assertThat(respondents.get(0).get("consentVersion").asString()).isEqualTo("2026-11-v1");
		assertThat(respondents.get(1).get("role").asString()).isEqualTo("colleague");
		assertThat(respondents.get(1).get("name").asString()).isEqualTo("Robin IT");
		assertThat(respondents.get(1).get("email").asString()).isEqualTo("robin.it@prospect.example");
		assertThat(respondents.get(1).get("consentVersion").asString()).isEqualTo("2026-11-v1");
		assertThat(respondents.get(1).get("disagreements").toString())
			.isEqualTo("[\"How busy is your IT person or team?\","
					+ "\"Do people wait for IT help before they can carry on working?\","
					+ "\"When does IT need to be looked after?\"]");
		assertThat(detail.get("timeline").toString())
			.contains("colleague answered the IT questions (3 answered differently)");

		assertThat(answer(token, COLLEAGUE_ANSWERS, "Robin IT", "robin.it@prospect.example")).hasStatus(409);
		assertThat(invite(submission, "other@prospect.example", true)).hasStatus(409);
		assertThat(body(mvc.get()
			.uri("/api/submissions/colleague-invitations/{token}", token)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())).get("state").asString()).isEqualTo("answered");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndStoresNothing() {
		UUID submission = leads.submit();
		assertThat(invite(submission, "not an address", false)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("email", "expected");
		String token = token(insertInvitation(submission, Instant.now().plus(Duration.ofDays(1))));
		String original = jdbc.sql("select answers from submission where id = :id")
			.param("id", submission)
			.query(String.class)
			.single();

		MvcTestResult refused = answer(token,
				COLLEAGUE_ANSWERS.replace("\"coverage\":\"24x7\",", "").replace("{", "{\"employees\":\"1-10\","), "",
				"robin@");
		assertThat(refused).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("answers.employees", "answers.coverage", "contact.name", "contact.email");
		assertThat(answer(token, COLLEAGUE_ANSWERS.replace("\"often\",\"coverage\"", "\"never\",\"coverage\""), "Robin",
				"robin@prospect.example"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("answers.support_wait");
		assertThat(count("select count(*) from colleague_response where submission_id = ?", submission)).isZero();
		assertThat(jdbc.sql("select answers from submission where id = :id")
			.param("id", submission)
			.query(String.class)
			.single()).isEqualTo(original);
	}

	@Test
	void expiredForgedAndUnknownLinksAreRefused() {
		UUID submission = leads.submit();
		String expired = token(insertInvitation(submission, Instant.now().minus(Duration.ofMinutes(1))));
		assertThat(body(mvc.get()
			.uri("/api/submissions/colleague-invitations/{token}", expired)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())).get("state").asString()).isEqualTo("expired");
		assertThat(answer(expired, COLLEAGUE_ANSWERS, "Robin", "robin@prospect.example")).hasStatus(409);
		assertThat(mvc.get()
			.uri("/api/submissions/colleague-invitations/{token}", forged(expired))
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())).hasStatus(404);
		assertThat(answer(links.token(UUID.randomUUID(), Instant.now().plusSeconds(60)), COLLEAGUE_ANSWERS, "Robin",
				"robin@prospect.example"))
			.hasStatus(404);
		assertThat(count("select count(*) from colleague_response where submission_id = ?", submission)).isZero();
	}

	@Test
	void aResultWithoutContactDetailsCannotInviteAndOneResultSendsAtMostThreeInvitations() {
		UUID later = UUID.randomUUID();
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.contactLater(later))).hasStatus(201);
		assertThat(invite(later, "it@later.example", true)).hasStatus(409);
		assertThat(invite(UUID.randomUUID(), "it@later.example", true)).hasStatus(404);

		UUID submission = leads.submit();
		for (int i = 0; i < 3; i++) {
			assertThat(invite(submission, "it" + i + "@prospect.example", true)).hasStatus(201);
		}
		assertThat(invite(submission, "it4@prospect.example", true)).hasStatus(409);
		assertThat(count("select count(*) from colleague_invitation where submission_id = ?", submission)).isEqualTo(3);
	}

	@Test
	void eitherRespondentsErasureRemovesOnlyTheirOwnPersonalData() throws Exception {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		String token = token(insertInvitation(submission, Instant.now().plus(Duration.ofDays(1))));
		assertThat(answer(token, COLLEAGUE_ANSWERS, "Robin IT", "robin.it@prospect.example")).hasStatus(201);

		JsonNode export = body(
				mvc.get().uri("/api/admin/leads/{id}/export", lead).header(HttpHeaders.AUTHORIZATION, leads.admin()));
		assertThat(export.get("colleagues").get(0).get("name").asString()).isEqualTo("Robin IT");
		assertThat(export.get("colleagues").get(0).get("answers").get("coverage").toString()).isEqualTo("[\"24x7\"]");
		assertThat(export.get("colleagues").get(0).get("invitations").get(0).get("email").asString())
			.isEqualTo("robin@invited.example");

		assertThat(mvc.post()
			.uri("/api/admin/leads/{id}/colleague/erase", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.erased")
			.isEqualTo(true);
		JsonNode respondents = body(
				mvc.get().uri("/api/leads/{id}", lead).header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.get("respondents");
		assertThat(respondents.get(0).get("name").asString()).isEqualTo("Dana Prospect");
		assertThat(respondents.get(1).get("name").isNull()).isTrue();
		assertThat(respondents.get(1).get("email").isNull()).isTrue();
		assertThat(respondents.get(1).get("erased").asBoolean()).isTrue();
		assertThat(count("select count(*) from colleague_invitation where submission_id = ? and email is not null",
				submission))
			.isZero();
		assertThat(jdbc.sql("select answers from colleague_response where submission_id = :id")
			.param("id", submission)
			.query(String.class)
			.single()).contains("24x7");
		assertThat(mvc.post()
			.uri("/api/admin/leads/{id}/colleague/erase", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.erased")
			.isEqualTo(false);

		UUID other = leads.submit();
		UUID otherLead = leads.leadOf(other);
		String otherToken = token(insertInvitation(other, Instant.now().plus(Duration.ofDays(1))));
		assertThat(answer(otherToken, COLLEAGUE_ANSWERS, "Sam IT", "sam.it@prospect.example")).hasStatus(201);
		assertThat(mvc.post()
			.uri("/api/admin/leads/{id}/erase", otherLead)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatusOk();
		JsonNode kept = body(
				mvc.get().uri("/api/leads/{id}", otherLead).header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.get("respondents");
		assertThat(kept.get(0).get("erased").asBoolean()).isTrue();
		assertThat(kept.get(1).get("name").asString()).isEqualTo("Sam IT");
		assertThat(kept.get(1).get("email").asString()).isEqualTo("sam.it@prospect.example");
	}

	private MvcTestResult invite(UUID submission, String email, boolean expected) {
		return mvc.post()
			.uri("/api/submissions/{id}/colleague-invitations", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"%s\",\"expected\":%s}".formatted(email, expected))
			.exchange();
	}

	private MvcTestResult answer(String token, String answers, String name, String email) {
		return mvc.post()
			.uri("/api/submissions/colleague-invitations/{token}/answers", token)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"answers":%s,"contact":{"name":"%s","email":"%s"},
					 "consent":{"accepted":true,"textVersion":"2026-11-v1"}}""".formatted(answers, name, email))
			.exchange();
	}

	/** An invitation stored without its email being sent, as if sent before. */
	private UUID insertInvitation(UUID submission, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into colleague_invitation (id, submission_id, email, created_at, expires_at) "
				+ "values (:id, :submission, 'robin@invited.example', :created, :expires)")
			.param("id", id)
			.param("submission", submission)
			.param("created", OffsetDateTime.ofInstant(expiresAt.minus(Duration.ofDays(14)), ZoneOffset.UTC))
			.param("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
			.update();
		return id;
	}

	private String token(UUID invitation) {
		Instant expires = jdbc.sql("select expires_at from colleague_invitation where id = :id")
			.param("id", invitation)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		return links.token(invitation, expires);
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private JsonNode body(MockMvcTester.MockMvcRequestBuilder request) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return leads.body(result);
	}

	/** The token with one character of its signature changed. */
	private static String forged(String token) {
		int at = token.indexOf('.') + 5;
		return token.substring(0, at) + ((token.charAt(at) == 'A') ? 'B' : 'A') + token.substring(at + 1);
	}

}
