package com.northbeam.assessment.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Leads for tests: through the real submission API, or straight into the tables for bulk
 * lists.
 */
public final class LeadFixtures {

	public static final String SALES = "sales@northbeam.test";

	public static final String ADMIN = "admin@northbeam.test";

	/**
	 * Valid stored answers of questionnaire version 1, so that rescoring can handle these
	 * leads too.
	 */
	static final String ANSWERS = "{\"employees\":[\"51-200\"],\"internal_it\":[\"it_team\"],\"growth\":[\"fast\"],"
			+ "\"workload\":[\"overloaded\"],\"skills_gaps\":[\"cybersecurity\"],\"project_delays\":[\"often\"],"
			+ "\"support_wait\":[\"often\"],\"coverage\":[\"24x7\"],\"security_complexity\":[\"complex\"],"
			+ "\"tech_footprint\":[\"cloud\"],\"control_preference\":[\"keep_control\"],\"hiring\":[\"very_hard\"],"
			+ "\"predictability\":[\"high\"]}";

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	private final TestTokenIssuer tokens;

	private final ObjectMapper json;

	public LeadFixtures(MockMvcTester mvc, JdbcClient jdbc, TestTokenIssuer tokens, ObjectMapper json) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.json = json;
	}

	public String sales() {
		return "Bearer " + this.tokens.token(SALES, "leads:read", "leads:write");
	}

	public String admin() {
		return "Bearer " + this.tokens.token(ADMIN, "admin", "leads:read", "leads:write");
	}

	public String gateway() {
		return "Bearer " + this.tokens.token("gateway", "submissions:write", "submissions:read", "events:write");
	}

	/**
	 * Submits through the API (answers, result, consent and lead); returns the submission
	 * id.
	 */
	public UUID submit() {
		UUID id = UUID.randomUUID();
		MvcTestResult result = this.mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(id))
			.exchange();
		if (result.getResponse().getStatus() != 201) {
			throw new IllegalStateException("Submission refused: " + result.getResponse().getStatus());
		}
		return id;
	}

	public UUID leadOf(UUID submissionId) {
		return this.jdbc.sql("select id from lead where submission_id = :id")
			.param("id", submissionId)
			.query(UUID.class)
			.single();
	}

	/**
	 * Inserts a bare lead (with a submission row) for list, export and retention tests.
	 */
	public UUID insert(String name, String company, String email, int priority, String status, String recommendation,
			Instant createdAt) {
		UUID submission = UUID.randomUUID();
		UUID lead = UUID.randomUUID();
		OffsetDateTime at = OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC);
		this.jdbc.sql(
				"insert into submission (id, questionnaire_version, answers, created_at) values (:id, 1, :answers, :at)")
			.param("id", submission)
			.param("answers", ANSWERS)
			.param("at", at)
			.update();
		this.jdbc
			.sql("insert into lead (id, submission_id, name, email, company, recommendation, priority, status, source, "
					+ "version, created_at, updated_at) values (:id, :submission, :name, :email, :company, :recommendation, "
					+ ":priority, :status, 'direct', 0, :at, :at)")
			.param("id", lead)
			.param("submission", submission)
			.param("name", name)
			.param("email", email)
			.param("company", company)
			.param("recommendation", recommendation)
			.param("priority", priority)
			.param("status", status)
			.param("at", at)
			.update();
		this.jdbc.sql("insert into lead_assessment (submission_id, lead_id, taken_at) values (:submission, :id, :at)")
			.param("submission", submission)
			.param("id", lead)
			.param("at", at)
			.update();
		return lead;
	}

	public JsonNode body(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
