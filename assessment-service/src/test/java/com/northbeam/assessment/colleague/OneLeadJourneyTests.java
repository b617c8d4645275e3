package com.northbeam.assessment.colleague;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged journeys on one lead, through the real API on PostgreSQL: the prospect reads
 * before and after the assessment, an invited colleague answers the technical questions
 * (the company result, with disagreements), staff then retake it with the prospect from
 * the company's answers, and the prospect reads on. The lead shows all of it, the export
 * holds all of it, and each respondent's erasure removes only their own data.
 */
@AssessmentServiceTest
class OneLeadJourneyTests {

	static final String GUIDE = "co-managed-vs-fully-managed-it";

	static final Set<String> MULTI = Set.of("skills_gaps", "tech_footprint");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	InvitationLinks links;

	LeadFixtures leads;

	Instant now;

	@BeforeEach
	void fixtures() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
		// Once the context is up: the pages read after the assessment come after it.
		now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	@Test
	void readingAColleaguesAnswersAndAStaffRetakeMeetOnOneLeadAndEachErasureTakesOnlyItsOwn() {
		// The prospect reads two pages, takes the assessment, and reads one more.
		UUID first = UUID.randomUUID();
		String body = SubmissionBodies.valid(first);
		assertThat(post(body.substring(0, body.lastIndexOf('}')) + ",\"readingHistory\":["
				+ page(GUIDE, "Co-Managed IT vs Fully Managed IT", now.minusSeconds(900)) + ","
				+ page("signs-you-have-outgrown-internal-it", "Signs you have outgrown internal IT",
						now.minusSeconds(600))
				+ "]}"))
			.hasStatus(201);
		UUID lead = leads.leadOf(first);
		assertThat(readAfter(first,
				page("what-managed-it-services-include", "What managed IT services include", now.plusSeconds(30))))
			.hasStatus(204);

		// The IT colleague answers: three technical answers differ; the result takes
		// theirs.
		UUID invitation = insertInvitation(first);
		assertThat(answer(links.token(invitation, expiry(invitation)))).hasStatus(201);
		JsonNode company = result(first);
		assertThat(company.get("colleague").get("disagreements")).hasSize(3);
		assertThat(company.get("answers").get("coverage").toString()).isEqualTo("[\"24x7\"]");

		// Staff retake it with the prospect on a call: the wizard opens with the answers
		// the company result used (the gateway fills it from this result's answers), and
		// two business answers change.
		ObjectNode answers = json.createObjectNode();
		company.get("answers")
			.properties()
			.forEach((answer) -> answers.set(answer.getKey(),
					MULTI.contains(answer.getKey()) ? answer.getValue() : answer.getValue().get(0)));
		answers.put("control_preference", "hand_off");
		answers.put("predictability", "high");
		UUID retake = UUID.randomUUID();
		MvcTestResult retaken = post("""
				{"id":"%s","questionnaireVersion":1,"answers":%s,"contactLater":true,"retake":"%s"}""".formatted(retake,
				answers, reference(first, LeadFixtures.SALES)));
		assertThat(retaken).hasStatus(201);
		assertThat(leads.body(retaken)
			.get("retake")
			.get("answers")
			.valueStream()
			.map((answer) -> answer.get("question").asString()))
			.as("changed against the company's answers, not the prospect's own")
			.containsExactlyInAnyOrder("control_preference", "predictability");
		assertThat(readAfter(retake, page("break-fix-vs-managed-it", "Break-fix vs managed IT", now.plusSeconds(60))))
			.hasStatus(204);

		// The lead shows everything: reading around both assessments, both respondents,
		// both assessments with what changed.
		JsonNode detail = lead(lead);
		assertThat(reads(detail)).containsExactly(GUIDE, "signs-you-have-outgrown-internal-it",
				"what-managed-it-services-include", "break-fix-vs-managed-it");
		assertThat(kinds(detail)).containsExactly("read", "read", "created", "colleague", "retake", "read", "read");
		assertThat(detail.get("timeline").get(5).get("read").get("afterAssessment").asBoolean()).isTrue();
		assertThat(detail.get("timeline").get(0).get("read").get("afterAssessment").asBoolean()).isFalse();
		assertThat(detail.get("timeline").get(4).get("actor").asString()).isEqualTo(LeadFixtures.SALES);
		assertThat(detail.get("timeline").toString()).contains("colleague answered the IT questions");
		JsonNode respondents = detail.get("respondents");
		assertThat(respondents).hasSize(2);
		assertThat(respondents.get(0).get("name").asString()).isEqualTo("Dana Prospect");
		assertThat(respondents.get(0).get("consentVersion").asString()).isEqualTo("2026-11-v1");
		assertThat(respondents.get(1).get("name").asString()).isEqualTo("Robin IT");
		assertThat(respondents.get(1).get("disagreements")).hasSize(3);
		JsonNode assessments = detail.get("assessments");
		assertThat(assessments).hasSize(2);
		assertThat(assessments.get(1).get("submissionId").asString()).isEqualTo(retake.toString());
		assertThat(assessments.get(1).get("retakeOf").asString()).isEqualTo(first.toString());
		assertThat(assessments.get(1).get("assistedBy").asString()).isEqualTo(LeadFixtures.SALES);
		assertThat(assessments.get(1).get("changes").get("answers")).hasSize(2);

		// The export holds all of it.
		JsonNode export = export(lead);
		assertThat(export.get("readingHistory")).hasSize(4);
		assertThat(export.get("assessments")).hasSize(2);
		assertThat(export.get("assessments").get(0).get("answers")).isNotEmpty();
		assertThat(export.get("assessments").get(1).get("assistedBy").asString()).isEqualTo(LeadFixtures.SALES);
		assertThat(export.get("colleagues").get(0).get("name").asString()).isEqualTo("Robin IT");
		assertThat(export.get("colleagues").get(0).get("answers").get("coverage").toString()).isEqualTo("[\"24x7\"]");
		assertThat(export.get("contact").get("email").asString()).isEqualTo("dana@prospect.example");
		assertThat(export.get("consent").get("textVersion").asString())
			.as("the consent the retake shares with the first assessment")
			.isEqualTo("2026-11-v1");

		// The colleague asks to be erased: only their personal data goes.
		assertThat(erase("/api/admin/leads/{id}/colleague/erase", lead)).hasStatusOk();
		JsonNode afterColleague = lead(lead);
		assertThat(afterColleague.get("respondents").get(1).get("erased").asBoolean()).isTrue();
		assertThat(afterColleague.get("respondents").get(1).get("name").isNull()).isTrue();
		assertThat(afterColleague.get("respondents").get(0).get("name").asString()).isEqualTo("Dana Prospect");
		assertThat(reads(afterColleague)).hasSize(4);
		assertThat(afterColleague.get("assessments")).hasSize(2);
		assertThat(export(lead).get("contact").get("email").asString()).isEqualTo("dana@prospect.example");
		assertThat(count("select count(*) from colleague_response where submission_id = :id and name is null", first))
			.isOne();
		assertThat(count("select count(*) from colleague_invitation where submission_id = :id and email is not null",
				first))
			.isZero();

		// The prospect asks to be erased: the rest goes, from both assessments.
		assertThat(erase("/api/admin/leads/{id}/erase", lead)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.submissionIds")
			.asArray()
			.containsExactlyInAnyOrder(first.toString(), retake.toString());
		JsonNode erased = lead(lead);
		assertThat(erased.get("respondents").get(0).get("erased").asBoolean()).isTrue();
		assertThat(erased.get("respondents").get(1).get("erased").asBoolean()).isTrue();
		assertThat(reads(erased)).isEmpty();
		assertThat(count("select count(*) from submission_reading where submission_id = :id", first)
				+ count("select count(*) from submission_reading where submission_id = :id", retake))
			.isZero();
		assertThat(count("select count(*) from submission where id = :id and referrer is null", first)).isOne();
		String exported = export(lead).toString();
		assertThat(exported).doesNotContain("Dana", "dana@prospect.example", "Prospect Works", "Robin",
				"robin.it@prospect.example", "outgrown");
		assertThat(readAfter(retake, page(GUIDE, "Co-Managed IT vs Fully Managed IT", now.plusSeconds(120))))
			.as("taken in, so the gateway drops it, and not kept")
			.hasStatus(204);
		assertThat(count("select count(*) from submission_reading where submission_id = :id", retake)).isZero();
	}

	@Test
	void aColleagueInvitedFromARetakesResultIsShownAndExportedBesideTheFirst() {
		UUID first = leads.submit();
		UUID lead = leads.leadOf(first);
		UUID invitation = insertInvitation(first);
		assertThat(answer(links.token(invitation, expiry(invitation)), "Robin IT", "robin.it@prospect.example"))
			.hasStatus(201);
		UUID retake = UUID.randomUUID();
		assertThat(post("""
				{"id":"%s","questionnaireVersion":1,"answers":%s,"contactLater":true,"retake":"%s"}""".formatted(retake,
				RetakeAnswers.NO_TEAM, reference(first, null))))
			.hasStatus(201);

		assertThat(mvc.post()
			.uri("/api/submissions/{id}/colleague-invitations", retake)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"sam@invited.example\",\"expected\":true}")
			.exchange()).as("a retake's result shares the lead's contact details, so it may invite").hasStatus(201);
		UUID second = jdbc.sql("select id from colleague_invitation where submission_id = :id")
			.param("id", retake)
			.query(UUID.class)
			.single();
		assertThat(answer(links.token(second, expiry(second)), "Sam IT", "sam.it@prospect.example")).hasStatus(201);

		JsonNode respondents = lead(lead).get("respondents");
		assertThat(respondents.valueStream().map((r) -> r.get("name").asString())).containsExactly("Dana Prospect",
				"Robin IT", "Sam IT");
		assertThat(export(lead).get("colleagues").valueStream().map((c) -> c.get("name").asString()))
			.containsExactly("Robin IT", "Sam IT");
	}

	@Test
	void erasingOneColleagueOfALeadKeepsTheOtherColleaguesAndIsAudited() {
		// Robin answers for the first assessment, after Alex was invited to it and did
		// not answer; Sam answers for a retake's result. Three people besides the
		// prospect.
		UUID first = leads.submit();
		UUID lead = leads.leadOf(first);
		insertInvitation(first, "alex@invited.example", now.minusSeconds(60));
		UUID robin = insertInvitation(first);
		assertThat(answer(links.token(robin, expiry(robin)), "Robin IT", "robin.it@prospect.example")).hasStatus(201);
		UUID retake = UUID.randomUUID();
		assertThat(post("""
				{"id":"%s","questionnaireVersion":1,"answers":%s,"contactLater":true,"retake":"%s"}""".formatted(retake,
				RetakeAnswers.NO_TEAM, reference(first, null))))
			.hasStatus(201);
		UUID sam = insertInvitation(retake, "sam@invited.example", now);
		assertThat(answer(links.token(sam, expiry(sam)), "Sam IT", "sam.it@prospect.example")).hasStatus(201);

		assertThat(erase("/api/admin/leads/{id}/colleague/erase", lead)).as("two colleagues: which one must be named")
			.hasStatus(409);
		assertThat(mvc.post()
			.uri("/api/admin/leads/{id}/colleague/erase?submission={submission}", lead, UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.exchange()).as("not an assessment of this lead").hasStatus(404);
		assertThat(count("select count(*) from colleague_response where submission_id in (:id, '%s') and name is null"
			.formatted(retake), first)).isZero();

		// Sam asks to be erased: Robin, Alex and the prospect keep theirs.
		assertThat(eraseColleague(lead, retake)).hasStatusOk().bodyJson().extractingPath("$.erased").isEqualTo(true);
		JsonNode respondents = lead(lead).get("respondents");
		assertThat(respondents.valueStream().map((r) -> r.get("name").toString())).containsExactly("\"Dana Prospect\"",
				"\"Robin IT\"", "null");
		assertThat(respondents.get(1).get("email").asString()).isEqualTo("robin.it@prospect.example");
		assertThat(respondents.get(1).get("erased").asBoolean()).isFalse();
		assertThat(respondents.get(1).get("submissionId").asString()).isEqualTo(first.toString());
		assertThat(respondents.get(2).get("email").isNull()).isTrue();
		assertThat(respondents.get(2).get("erased").asBoolean()).isTrue();
		assertThat(respondents.get(2).get("submissionId").asString()).isEqualTo(retake.toString());
		assertThat(invitedAddresses(first)).containsExactly("alex@invited.example", "robin@invited.example");
		assertThat(invitedAddresses(retake)).isEmpty();
		assertThat(jdbc.sql("select detail from audit_entry where lead_id = :id and action = 'lead.erased'")
			.param("id", lead)
			.query(String.class)
			.list()).containsExactly("colleague of submission " + retake);
		assertThat(eraseColleague(lead, retake)).bodyJson().extractingPath("$.erased").isEqualTo(false);

		// Now Robin, named alone since Sam's data is gone: Alex, who never answered, is
		// someone else and keeps the address the invitation went to.
		assertThat(erase("/api/admin/leads/{id}/colleague/erase", lead)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.erased")
			.isEqualTo(true);
		assertThat(lead(lead).get("respondents").get(1).get("erased").asBoolean()).isTrue();
		assertThat(invitedAddresses(first)).containsExactly("alex@invited.example");
		assertThat(lead(lead).get("respondents").get(0).get("name").asString()).isEqualTo("Dana Prospect");
	}

	/** Answers for a retake: no IT team, handing IT off. */
	static final class RetakeAnswers {

		static final String NO_TEAM = """
				{"employees":"51-200","internal_it":"none","growth":"fast",
				 "skills_gaps":["cybersecurity","cloud_migration"],"project_delays":"often","support_wait":"sometimes",
				 "coverage":"extended_hours","security_complexity":"complex","tech_footprint":["cloud","remote_work"],
				 "control_preference":"hand_off","hiring":"somewhat_hard","predictability":"medium"}""";

		private RetakeAnswers() {
		}

	}

	private static String page(String slug, String title, Instant at) {
		return "{\"slug\":\"%s\",\"title\":\"%s\",\"viewedAt\":\"%s\"}".formatted(slug, title, at);
	}

	private MvcTestResult post(String body) {
		return mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult readAfter(UUID submission, String page) {
		return mvc.put()
			.uri("/api/submissions/{id}/reading/{pageId}", submission, UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(page)
			.exchange();
	}

	private MvcTestResult answer(String token) {
		return answer(token, "Robin IT", "robin.it@prospect.example");
	}

	private MvcTestResult answer(String token, String name, String email) {
		return mvc.post()
			.uri("/api/submissions/colleague-invitations/{token}/answers", token)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"answers":%s,"contact":{"name":"%s","email":"%s"},
					 "consent":{"accepted":true,"textVersion":"2026-11-v1"}}"""
				.formatted(ColleaguesTests.COLLEAGUE_ANSWERS, name, email))
			.exchange();
	}

	private MvcTestResult erase(String uri, UUID lead) {
		return mvc.post().uri(uri, lead).header(HttpHeaders.AUTHORIZATION, leads.admin()).exchange();
	}

	private JsonNode result(UUID submission) {
		return leads.body(mvc.get()
			.uri("/api/submissions/{id}", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.exchange());
	}

	private JsonNode lead(UUID lead) {
		return leads
			.body(mvc.get().uri("/api/leads/{id}", lead).header(HttpHeaders.AUTHORIZATION, leads.sales()).exchange());
	}

	private JsonNode export(UUID lead) {
		return leads.body(mvc.get()
			.uri("/api/admin/leads/{id}/export", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.exchange());
	}

	private static List<String> reads(JsonNode detail) {
		List<String> slugs = new ArrayList<>();
		detail.get("timeline").forEach((entry) -> {
			if (entry.has("read") && !entry.get("read").isNull()) {
				slugs.add(entry.get("read").get("slug").asString());
			}
		});
		return slugs;
	}

	private static List<String> kinds(JsonNode detail) {
		List<String> kinds = new ArrayList<>();
		detail.get("timeline").forEach((entry) -> kinds.add(entry.get("kind").asString()));
		return kinds;
	}

	/** An invitation stored without its email being sent, as if sent before. */
	private UUID insertInvitation(UUID submission) {
		return insertInvitation(submission, "robin@invited.example", now);
	}

	private UUID insertInvitation(UUID submission, String email, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into colleague_invitation (id, submission_id, email, created_at, expires_at) "
				+ "values (:id, :submission, :email, :created, :expires)")
			.param("id", id)
			.param("submission", submission)
			.param("email", email)
			.param("created", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("expires", OffsetDateTime.ofInstant(at.plus(Duration.ofDays(14)), ZoneOffset.UTC))
			.update();
		return id;
	}

	private List<String> invitedAddresses(UUID submission) {
		return jdbc
			.sql("select email from colleague_invitation where submission_id = :id and email is not null "
					+ "order by created_at")
			.param("id", submission)
			.query(String.class)
			.list();
	}

	private MvcTestResult eraseColleague(UUID lead, UUID submission) {
		return mvc.post()
			.uri("/api/admin/leads/{id}/colleague/erase?submission={submission}", lead, submission)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.exchange();
	}

	private Instant expiry(UUID invitation) {
		return jdbc.sql("select expires_at from colleague_invitation where id = :id")
			.param("id", invitation)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private String reference(UUID previous, String staff) {
		Map<String, Object> claims = (staff != null) ? Map.of("purpose", "retake", "staff", staff)
				: Map.of("purpose", "retake");
		return tokens.signed(previous.toString(), claims, Instant.now().plusSeconds(600));
	}

	private int count(String sql, UUID id) {
		return jdbc.sql(sql).param("id", id).query(Integer.class).single();
	}

}
