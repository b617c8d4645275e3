package com.northbeam.assessment.privacy;

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

@AssessmentServiceTest
class PrivacyControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	LeadFixtures leads;

	@BeforeEach
	void fixtures() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
	}

	private int audited(UUID lead, String action) {
		return jdbc.sql("select count(*) from audit_entry where lead_id = :id and action = :action and actor = :actor")
			.param("id", lead)
			.param("action", action)
			.param("actor", LeadFixtures.ADMIN)
			.query(Integer.class)
			.single();
	}

	@Test
	void anAdminExportsAllPersonalDataOfALeadAndTheExportIsAudited() {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		MvcTestResult result = mvc.get()
			.uri("/api/admin/leads/{id}/export", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode data = leads.body(result);
		assertThat(data.get("contact").get("email").asString()).isEqualTo("dana@prospect.example");
		assertThat(data.get("contact").get("name").asString()).isEqualTo("Dana Prospect");
		assertThat(data.get("consent").get("textVersion").asString()).isNotBlank();
		assertThat(data.get("answers").size()).isGreaterThan(5);
		assertThat(data.get("attribution").get("utm_campaign").asString()).isEqualTo("autumn");
		assertThat(audited(lead, "lead.data-exported")).isEqualTo(1);
		assertThat(mvc.get().uri("/api/admin/leads/{id}/export", lead).header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatus(403);
	}

	@Test
	void erasureRemovesPersonalDataKeepsTheLeadForStatisticsAndIsAudited() {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		assertThat(mvc.post()
			.uri("/api/leads/{id}/notes", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Dana's mobile is 555-0100\"}")).hasStatus(201);
		for (String kind : new String[] { "call", "email" }) {
			assertThat(mvc.post()
				.uri("/api/leads/{id}/notes", lead)
				.header(HttpHeaders.AUTHORIZATION, leads.sales())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Dana's assistant Kim (" + kind + ")\",\"kind\":\"" + kind + "\"}"))
				.hasStatus(201);
		}
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"preferredTimes\":\"Mornings\",\"message\":\"Ask for Dana\"}")).hasStatus(201);
		long before = jdbc.sql("select count(*) from lead").query(Long.class).single();
		assertThat(mvc.post().uri("/api/admin/leads/{id}/erase", lead).header(HttpHeaders.AUTHORIZATION, leads.admin()))
			.hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.alreadyErased").isEqualTo(false);
				assertThat(json).extractingPath("$.submissionId").isEqualTo(submission.toString());
			});
		assertThat(mvc.post().uri("/api/admin/leads/{id}/erase", lead).header(HttpHeaders.AUTHORIZATION, leads.admin()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.alreadyErased")
			.isEqualTo(true);
		MvcTestResult result = mvc.get()
			.uri("/api/leads/{id}", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange();
		JsonNode detail = leads.body(result);
		assertThat(detail.get("erased").asBoolean()).isTrue();
		String text = detail.toString();
		for (String personal : new String[] { "Dana Prospect", "dana@prospect.example", "Prospect Works", "555-0100",
				"Ask for Dana", "Mornings", "assistant Kim" }) {
			assertThat(text).as(personal).doesNotContain(personal);
		}
		// Statistics keep the lead: it is still counted and keeps its recommendation and
		// status.
		assertThat(jdbc.sql("select count(*) from lead").query(Long.class).single()).isEqualTo(before);
		assertThat(detail.get("recommendation").asString()).isNotBlank();
		assertThat(detail.get("status").asString()).isEqualTo("new");
		assertThat(detail.get("response").get("firstContactAt").isNull()).isFalse();
		assertThat(detail.get("answers").size()).isGreaterThan(5);
		assertThat(audited(lead, "lead.erased")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from lead_event where lead_id = :id and kind = 'erased'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(mvc.post()
			.uri("/api/admin/leads/{id}/erase", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatus(404);
	}

}
