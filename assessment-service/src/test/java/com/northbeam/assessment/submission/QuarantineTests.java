package com.northbeam.assessment.submission;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
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
class QuarantineTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	QuarantineRetention retention;

	@Test
	void aSubmissionTheGatewayFoundSuspiciousGetsItsResultButNoLeadAndNoNotification() {
		UUID clean = UUID.randomUUID();
		UUID suspicious = UUID.randomUUID();

		MvcTestResult cleanResult = post(SubmissionBodies.valid(clean));
		MvcTestResult held = post(screened(SubmissionBodies.valid(suspicious), "honeypot", "too_fast"));

		assertThat(held).hasStatus(201);
		JsonNode cleanBody = json.readTree(cleanResult.getResponse().getContentAsByteArray());
		JsonNode heldBody = json.readTree(held.getResponse().getContentAsByteArray());
		assertThat(heldBody.properties().stream().map((e) -> e.getKey()).toList())
			.as("the same result, nothing that tells a bot it was caught")
			.isEqualTo(cleanBody.properties().stream().map((e) -> e.getKey()).toList());
		assertThat(heldBody.get("recommendation")).isEqualTo(cleanBody.get("recommendation"));
		assertThat(heldBody.get("contactGiven").asBoolean()).isTrue();
		assertThat(count("lead", clean)).isEqualTo(1);
		assertThat(count("lead", suspicious)).isZero();
		assertThat(count("consent_record", suspicious)).isEqualTo(1);
		assertThat(reasons(suspicious)).isEqualTo("honeypot,too_fast");
		assertThat(jdbc
			.sql("select count(*) from outbox_event o join lead l on l.id = o.lead_id " + "where l.submission_id = :id")
			.param("id", suspicious)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aDisposableEmailAndTheSameAnswersAndContactAgainAreFoundByTheService() {
		UUID first = UUID.randomUUID();
		UUID again = UUID.randomUUID();
		String body = SubmissionBodies.valid(first).replace("dana@prospect.example", "dana@mail.yopmail.com");

		assertThat(post(body)).hasStatus(201);
		assertThat(post(body.replace(first.toString(), again.toString()))).hasStatus(201);

		assertThat(reasons(first)).isEqualTo("disposable_email");
		assertThat(reasons(again)).isEqualTo("disposable_email,repeated");
		assertThat(post(body)).as("the same id again is a retry, not a repeat").hasStatus(200);
		assertThat(reasons(first)).isEqualTo("disposable_email");
	}

	@Test
	void contactDetailsGivenAfterTheResultThatLookAutomatedWaitInQuarantineToo() {
		UUID honeypot = UUID.randomUUID();
		UUID disposable = UUID.randomUUID();
		post(SubmissionBodies.contactLater(honeypot));
		post(SubmissionBodies.contactLater(disposable));

		assertThat(putContact(honeypot, screened(SubmissionBodies.lateContact("lee@later.example"), "honeypot")))
			.hasStatus(201)
			.bodyJson()
			.extractingPath("$.contactGiven")
			.isEqualTo(true);
		assertThat(putContact(disposable, SubmissionBodies.lateContact("lee@sharklasers.com"))).hasStatus(201);

		assertThat(reasons(honeypot)).isEqualTo("honeypot");
		assertThat(reasons(disposable)).isEqualTo("disposable_email");
		assertThat(count("lead", honeypot) + count("lead", disposable)).isZero();
		assertThat(putContact(honeypot, SubmissionBodies.lateContact("lee@later.example"))).as("given already")
			.hasStatus(200);
		assertThat(count("lead", honeypot)).isZero();
		assertThat(release(honeypot)).hasStatusOk();
		assertThat(count("lead", honeypot)).isEqualTo(1);
	}

	@Test
	void aJsonApiSubmissionWithoutAStartOfItsOwnWaitsInQuarantineWithItsReasons() {
		UUID noStart = UUID.randomUUID();
		UUID tooFast = UUID.randomUUID();

		assertThat(post(screened(SubmissionBodies.valid(noStart), "no_start", "rate_limit"))).hasStatus(201)
			.bodyJson()
			.extractingPath("$.contactGiven")
			.isEqualTo(true);
		assertThat(post(screened(SubmissionBodies.valid(tooFast), "too_fast"))).hasStatus(201);

		assertThat(reasons(noStart)).isEqualTo("rate_limit,no_start");
		assertThat(reasons(tooFast)).isEqualTo("too_fast");
		assertThat(count("lead", noStart) + count("lead", tooFast)).isZero();
		assertThat(release(noStart)).hasStatusOk();
		assertThat(count("lead", noStart)).isEqualTo(1);
	}

	@Test
	void anUnknownScreeningReasonIsRefusedAndNothingIsStored() {
		UUID id = UUID.randomUUID();

		assertThat(post(screened(SubmissionBodies.valid(id), "disposable_email"))).hasStatus(400)
			.bodyText()
			.contains("screening.reasons", "honeypot, too_fast, rate_limit, no_start");
		assertThat(count("submission", "id", id)).isZero();
	}

	@Test
	void staffSeeWaitingSubmissionsWithTheirReasonsOnlyWithTheQuarantineScope() {
		UUID id = UUID.randomUUID();
		post(screened(SubmissionBodies.valid(id), "rate_limit"));

		assertThat(mvc.get().uri("/api/leads/quarantine").header(HttpHeaders.AUTHORIZATION, bearer("leads:read")))
			.hasStatus(403);
		MvcTestResult list = mvc.get()
			.uri("/api/leads/quarantine")
			.header(HttpHeaders.AUTHORIZATION, bearer("quarantine:read"))
			.exchange();
		assertThat(list).hasStatusOk();
		JsonNode item = find(json.readTree(list.getResponse().getContentAsByteArray()), id);
		assertThat(item.get("reasons").toString()).isEqualTo("[\"rate_limit\"]");
		assertThat(item.get("email").asString()).isEqualTo("dana@prospect.example");
		assertThat(item.get("recommendation").asString()).isNotBlank();
		assertThat(mvc.post()
			.uri("/api/leads/quarantine/{id}/release", id)
			.header(HttpHeaders.AUTHORIZATION, bearer("quarantine:read"))).hasStatus(403);
	}

	@Test
	void releasedTwelveTimesAtOnceItBecomesOneLeadWithOneNotification() throws Exception {
		UUID id = UUID.randomUUID();
		post(screened(SubmissionBodies.valid(id), "honeypot"));
		int threads = 12;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Integer> statuses = new ArrayList<>();
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return release(id).getResponse().getStatus();
				}));
			}
			for (Future<Integer> call : calls) {
				statuses.add(call.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(threads - 1);
		assertThat(count("lead", id)).isEqualTo(1);
		assertThat(jdbc
			.sql("select count(*) from outbox_event o join lead l on l.id = o.lead_id "
					+ "where l.submission_id = :id and o.kind = 'lead.created'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select email from lead where submission_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("dana@prospect.example");
		assertThat(jdbc
			.sql("select coalesce(email, 'gone') || ' ' || decided_by from quarantine "
					+ "where submission_id = :id and released_at is not null")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("gone sales@northbeam.example");
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'quarantine.released' and lead_id = "
					+ "(select id from lead where submission_id = :id)")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(discard(id)).as("decided already").hasStatus(409);
	}

	@Test
	void discardingDeletesTheContactDetailsAndConsentAndAuditsWithoutNamingAnyone() {
		UUID id = UUID.randomUUID();
		post(screened(SubmissionBodies.valid(id), "too_fast").replace("dana@prospect.example",
				"discard.me@prospect.example"));

		assertThat(discard(id)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("discarded");

		assertThat(jdbc
			.sql("select count(*) from quarantine where submission_id = :id and email is null "
					+ "and name is null and company is null and phone is null and job_role is null "
					+ "and discarded_at is not null")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(count("consent_record", id)).isZero();
		assertThat(count("lead", id)).isZero();
		assertThat(jdbc
			.sql("select count(*) from submission where id = :id and referrer is null "
					+ "and contact_fingerprint is null")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		String audit = jdbc
			.sql("select detail from audit_entry where action = 'quarantine.discarded' and detail like :like")
			.param("like", "%" + id + "%")
			.query(String.class)
			.single();
		assertThat(audit).contains("too_fast").doesNotContain("discard.me", "Dana", "Prospect Works");
		assertThat(release(id)).hasStatus(409);
		assertThat(release(UUID.randomUUID())).hasStatus(404);
	}

	@Test
	void theQuarantineEmptiesItselfAfterThirtyDays() {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		post(screened(SubmissionBodies.valid(old), "honeypot"));
		post(screened(SubmissionBodies.valid(recent), "honeypot"));
		jdbc.sql("update quarantine set created_at = :then where submission_id = :id")
			.param("then", OffsetDateTime.now().minusDays(31))
			.param("id", old)
			.update();

		assertThat(retention.run()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc.sql("select decided_by from quarantine where submission_id = :id and email is null")
			.param("id", old)
			.query(String.class)
			.single()).isEqualTo(QuarantineRetention.ACTOR);
		assertThat(count("consent_record", old)).isZero();
		assertThat(jdbc.sql("select email from quarantine where submission_id = :id and discarded_at is null")
			.param("id", recent)
			.query(String.class)
			.single()).isEqualTo("dana@prospect.example");
	}

	@Test
	void twoHundredMixedSubmissionsAreEachEitherALeadOrInQuarantine() {
		// The gateway's codes, for the wizard and the JSON API alike: an API submission
		// sent too soon after its start is too_fast, one without a start of its own
		// no_start.
		String[][] screenings = { {}, { "honeypot" }, { "too_fast" }, { "rate_limit" }, {},
				{ "honeypot", "rate_limit" }, { "no_start" }, {}, { "too_fast", "rate_limit" } };
		List<UUID> ids = new ArrayList<>();
		int expectedHeld = 0;
		for (int i = 0; i < 200; i++) {
			UUID id = UUID.randomUUID();
			String body = screened(SubmissionBodies.valid(id), screenings[i % screenings.length]);
			if (i % 7 == 0) {
				body = body.replace("dana@prospect.example", "dana" + i + "@mailinator.com");
			}
			if (i % 11 == 0 && !ids.isEmpty()) {
				// The previous submission's answers and contact details again.
				UUID previous = ids.get(ids.size() - 1);
				body = body.replace(SubmissionBodies.phone(id), SubmissionBodies.phone(previous));
				if ((i - 1) % 7 == 0) {
					body = body.replace("dana@prospect.example", "dana" + (i - 1) + "@mailinator.com");
				}
			}
			boolean suspicious = screenings[i % screenings.length].length > 0 || i % 7 == 0 || (i % 11 == 0 && i > 0);
			expectedHeld += suspicious ? 1 : 0;
			assertThat(post(body)).as("submission %d", i).hasStatus(201);
			ids.add(id);
		}

		int leads = 0;
		int held = 0;
		for (UUID id : ids) {
			int lead = count("lead", id);
			int waiting = jdbc.sql("select count(*) from quarantine where submission_id = :id and email is not null")
				.param("id", id)
				.query(Integer.class)
				.single();
			assertThat(lead + waiting).as("%s is a lead or waiting in quarantine, not both", id).isEqualTo(1);
			leads += lead;
			held += waiting;
		}
		assertThat(held).isEqualTo(expectedHeld);
		assertThat(leads + held).isEqualTo(200);
	}

	private static String screened(String body, String... reasons) {
		if (reasons.length == 0) {
			return body;
		}
		String codes = String.join("\",\"", reasons);
		return body.substring(0, body.lastIndexOf('}')) + ",\"screening\":{\"reasons\":[\"" + codes + "\"]}}";
	}

	private MvcTestResult post(String body) {
		return mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult putContact(UUID id, String body) {
		return mvc.put()
			.uri("/api/submissions/{id}/contact", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult release(UUID id) {
		return mvc.post()
			.uri("/api/leads/quarantine/{id}/release", id)
			.header(HttpHeaders.AUTHORIZATION, bearer("quarantine:write"))
			.exchange();
	}

	private MvcTestResult discard(UUID id) {
		return mvc.post()
			.uri("/api/leads/quarantine/{id}/discard", id)
			.header(HttpHeaders.AUTHORIZATION, bearer("quarantine:write"))
			.exchange();
	}

	private String bearer(String scope) {
		return "Bearer " + tokens.token("sales@northbeam.example", scope);
	}

	private int count(String table, UUID id) {
		return count(table, "submission_id", id);
	}

	private int count(String table, String column, UUID id) {
		return jdbc.sql("select count(*) from " + table + " where " + column + " = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private String reasons(UUID id) {
		return jdbc.sql("select reasons from quarantine where submission_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private static JsonNode find(JsonNode items, UUID id) {
		for (JsonNode item : items) {
			if (item.get("submissionId").asString().equals(id.toString())) {
				return item;
			}
		}
		throw new AssertionError(id + " is not in " + items);
	}

}
