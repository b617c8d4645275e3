package com.northbeam.assessment.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class AuditControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Test
	void adminsPageThroughEveryStaffReadNewestFirstFilteredByActorAndAction() {
		LeadFixtures leads = new LeadFixtures(mvc, jdbc, tokens, json);
		UUID lead = leads.leadOf(leads.submit());
		String actor = "reader-" + UUID.randomUUID() + "@northbeam.test";
		String token = "Bearer " + tokens.token(actor, "leads:read");
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.get().uri("/api/leads/{id}", lead).header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk();
		}
		List<JsonNode> entries = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = leads.body(mvc.get()
				.uri("/api/admin/audit?actor={actor}&action=lead.read&limit=2"
						+ ((cursor != null) ? "&after=" + cursor : ""), actor)
				.header(HttpHeaders.AUTHORIZATION, leads.admin())
				.exchange());
			page.get("items").forEach(entries::add);
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(entries).hasSize(5);
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.get("actor").asString()).isEqualTo(actor);
			assertThat(entry.get("action").asString()).isEqualTo("lead.read");
			assertThat(entry.get("leadId").asString()).isEqualTo(lead.toString());
			assertThat(entry.get("at").asString()).isNotBlank();
		});
		assertThat(entries.get(0).get("id").asLong()).isGreaterThan(entries.get(4).get("id").asLong());
		assertThat(mvc.get().uri("/api/admin/audit").header(HttpHeaders.AUTHORIZATION, token)).hasStatus(403);
	}

}
