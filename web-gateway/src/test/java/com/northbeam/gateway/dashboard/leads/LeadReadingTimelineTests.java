package com.northbeam.gateway.dashboard.leads;

import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The lead's timeline shows what the prospect read, before and after the assessment,
 * among its other entries.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadReadingTimelineTests {

	static final UUID LEAD = UUID.fromString("0d7e3a61-2b4c-4f1e-9a8d-5c6b7e8f9a10");

	static final String TIMELINE = """
			"timeline":[
			  {"at":"2026-11-20T09:40:00Z","actor":null,"kind":"read","detail":null,
			   "read":{"slug":"co-managed-vs-fully-managed-it","title":"Co-Managed IT vs Fully Managed IT","afterAssessment":false}},
			  {"at":"2026-11-20T09:52:00Z","actor":null,"kind":"read","detail":null,
			   "read":{"slug":"co-managed-vs-fully-managed-it","title":"Co-Managed IT vs Fully Managed IT",
			   "section":"what-it-costs","sectionTitle":"What each model costs","afterAssessment":false}},
			  {"at":"2026-11-20T10:00:00Z","actor":"prospect","kind":"created","detail":"from newsletter"},
			  {"at":"2026-11-20T10:05:00Z","actor":null,"kind":"read","detail":null,
			   "read":{"slug":"break-fix-vs-managed-it","title":"<script>alert(1)</script> Break-fix vs managed IT","afterAssessment":true}}],""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void theServiceKnowsALeadThatRead() {
		String lead = LeadsControllerTests.LEAD_JSON.formatted(LEAD, "Ada Lovelace", "Acme", LEAD, "Call me", "Nice");
		lead = lead.substring(0, lead.indexOf("\"timeline\":")) + TIMELINE
				+ lead.substring(lead.indexOf("\"createdAt\":\"2026-11-20T10:00:00Z\",\"updatedAt\""));
		assessment.respond("GET", "/api/leads/" + LEAD, Response.json(lead));
	}

	@Test
	void eachPageReadIsAnEntryWithItsSectionAndWhetherItCameBeforeOrAfterTheAssessment() throws Exception {
		String page = mvc.get()
			.uri("/dashboard/leads/" + LEAD)
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String timeline = page.substring(page.indexOf("class=\"lead-timeline\""));
		timeline = timeline.substring(0, timeline.indexOf("</ol>"));

		assertThat(timeline).containsSubsequence("Read", "&#39;Co-Managed IT vs Fully Managed IT&#39;",
				"before the assessment", "Read", "&#39;Co-Managed IT vs Fully Managed IT&#39; (What each model costs)",
				"before the assessment", "Lead created", "Read", "after the assessment");
		assertThat(timeline).contains("href=\"/articles/co-managed-vs-fully-managed-it#what-it-costs\"",
				"href=\"/articles/break-fix-vs-managed-it\"");
		// A title is text, never markup.
		assertThat(timeline).contains("&lt;script&gt;alert(1)&lt;/script&gt; Break-fix vs managed IT")
			.doesNotContain("<script>");
	}

}
