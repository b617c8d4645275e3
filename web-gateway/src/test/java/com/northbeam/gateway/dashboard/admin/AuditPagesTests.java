package com.northbeam.gateway.dashboard.admin;

import java.nio.charset.StandardCharsets;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.XssPayloads;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class AuditPagesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		AdminFakes.answerAll(assessment);
	}

	@Test
	void showsEntriesAndAnOlderLinkThatKeepsTheFilters() {
		assertThat(mvc.get()
			.uri("/dashboard/admin/audit?actor=sam@northbeam.test&action=lead.status&from=2026-11-01&to=2026-11-27")
			.with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("sam@northbeam.test", "lead.status", AdminFakes.LEAD,
					XssPayloads.escaped("{\"from\":\"new\",\"to\":\"contacted\"}"))
			.contains("value=\"2026-11-01\"", "value=\"lead.status\"")
			.contains(
					"href=\"/dashboard/admin/audit?actor=sam@northbeam.test&amp;action=lead.status&amp;from=2026-11-01&amp;to=2026-11-27&amp;after=a-1\"")
			.contains("href=\"/dashboard/leads/" + AdminFakes.LEAD + "\"")
			.doesNotContain("Newest entries");
		assertThat(mvc.get().uri("/dashboard/admin/audit?actor=sam@northbeam.test&after=a-1").with(AdminFakes.admin()))
			.bodyText()
			.contains("href=\"/dashboard/admin/audit?actor=sam@northbeam.test\"", "Newest entries");
	}

	@Test
	void aDayThatIsNotOneIsShownNextToItsFieldAndNothingIsAsked() {
		int before = assessment.requests().size();

		assertThat(mvc.get().uri("/dashboard/admin/audit?from=yesterday&to=2026-11-01").with(AdminFakes.admin()))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"from-error\"", "Enter a day as YYYY-MM-DD.", "value=\"yesterday\"");
		assertThat(mvc.get().uri("/dashboard/admin/audit?from=2026-11-05&to=2026-11-01").with(AdminFakes.admin()))
			.bodyText()
			.contains("id=\"to-error\"", "The last day comes before the first.");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.path().equals("/api/admin/audit"));
	}

	@Test
	void actorsActionsAndDetailsFromTheServiceAreRenderedInert() throws Exception {
		ObjectNode page = json.createObjectNode();
		ArrayNode items = page.putArray("items");
		for (String payload : XssPayloads.ALL) {
			items.addObject()
				.put("at", "2026-11-27T11:00:00Z")
				.put("actor", payload)
				.put("action", payload)
				.put("leadId", payload)
				.put("detail", payload);
		}
		items.addObject()
			.put("at", "2026-11-27T11:00:00Z")
			.put("actor", "a")
			.put("action", "b")
			.set("detail", json.createObjectNode().put("note", XssPayloads.ALL.get(0)));
		page.put("nextCursor", XssPayloads.ALL.get(5));
		assessment.respond("GET", "/api/admin/audit", Response.json(json.writeValueAsString(page)));

		String html = mvc.get()
			.uri("/dashboard/admin/audit")
			.with(AdminFakes.admin())
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		XssPayloads.assertInert(html, XssPayloads.ALL);
		assertThat(html).contains("after=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
			.doesNotContain("href=\"/dashboard/leads/");
	}

}
