package com.northbeam.assessment.responsetarget;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class ResponseTargetControllerTests {

	static final String ADMIN = "admin@northbeam.test";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ResponseTargets targets;

	private String admin() {
		return "Bearer " + tokens.token(ADMIN, "admin");
	}

	private MvcTestResult put(String query, String body) {
		return mvc.put()
			.uri("/api/admin/response-target" + query)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private long versions() {
		return jdbc.sql("select count(*) from response_target").query(Long.class).single();
	}

	@Test
	void anAdminSavesANewVersionBasedOnTheOneShownAndItIsAuditedAndKept() {
		int shown = targets.current().version();
		assertThat(put("?basedOnVersion=" + shown,
				"{\"minutes\":45,\"timeZone\":\"Europe/Berlin\",\"days\":[\"friday\",\"MONDAY\",\"MONDAY\"],"
						+ "\"start\":\"08:30\",\"end\":\"24:00\"}"))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"version\":" + (shown + 1) + ",\"minutes\":45,\"timeZone\":\"Europe/Berlin\","
					+ "\"days\":[\"MONDAY\",\"FRIDAY\"],\"start\":\"08:30\",\"end\":\"00:00\",\"createdBy\":\"" + ADMIN
					+ "\"}");
		ResponseTarget current = targets.current();
		assertThat(current.version()).isEqualTo(shown + 1);
		assertThat(current.hours().dayLength()).hasMinutes(15 * 60 + 30);
		assertThat(
				mvc.get().uri("/api/admin/response-target/history?limit=2").header(HttpHeaders.AUTHORIZATION, admin()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].version")
			.asArray()
			.containsExactly(shown + 1, shown);
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'response-target.changed' and actor = :actor "
					+ "and detail = :detail")
			.param("actor", ADMIN)
			.param("detail", "version " + (shown + 1))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void everyWrongFieldIsNamedAndNothingIsStored() {
		long before = versions();
		assertThat(put("",
				"{\"minutes\":0,\"timeZone\":\"Mars/Olympus\",\"days\":[\"Someday\"],"
						+ "\"start\":\"9am\",\"end\":\"17:00\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("minutes", "timeZone", "days", "start");
		assertThat(
				put("", "{\"minutes\":10081,\"timeZone\":\"UTC\",\"days\":[],\"start\":\"17:00\",\"end\":\"09:00\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("minutes", "days", "end");
		assertThat(put("", "{}")).hasStatus(400);
		assertThat(versions()).isEqualTo(before);
	}

	@Test
	void aSaveBasedOnAnOlderVersionIsAConflict() {
		int shown = targets.current().version();
		String body = "{\"minutes\":60,\"timeZone\":\"UTC\",\"days\":[\"MONDAY\"],\"start\":\"09:00\",\"end\":\"17:00\"}";
		assertThat(put("?basedOnVersion=" + shown, body)).hasStatusOk();
		assertThat(put("?basedOnVersion=" + shown, body)).hasStatus(409)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("basedOnVersion");
		assertThat(targets.current().version()).isEqualTo(shown + 1);
	}

	@Test
	void onlyAdminsMayReadOrChangeIt() {
		String sales = "Bearer " + tokens.token("sales@northbeam.test", "leads:read", "leads:write");
		assertThat(mvc.get().uri("/api/admin/response-target").header(HttpHeaders.AUTHORIZATION, sales)).hasStatus(403);
		assertThat(mvc.put()
			.uri("/api/admin/response-target")
			.header(HttpHeaders.AUTHORIZATION, sales)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(403);
		assertThat(mvc.get().uri("/api/admin/response-target")).hasStatus(401);
	}

}
