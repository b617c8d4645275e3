package com.northbeam.gateway.dashboard.leads;

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
 * One lead on which the journeys meet: pages read before and after, a colleague who
 * answered, and a staff-assisted retake. The page shows all of them together.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadJourneyPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void theServiceKnowsALeadOfEveryJourney() {
		String lead = LeadsControllerTests.lead("Ada Lovelace", "Acme", "Call me", "Nice");
		lead = lead.substring(0, lead.indexOf("\"timeline\":")) + LeadReadingTimelineTests.TIMELINE
				+ lead.substring(lead.indexOf("\"createdAt\":\"2026-11-20T10:00:00Z\",\"updatedAt\""));
		lead = lead
			.replaceFirst("\\{",
					"{" + LeadRetakeControllerTests.HISTORY.formatted(LeadRetakeControllerTests.FIRST,
							LeadsControllerTests.LEAD))
			.replace("\"erased\":false}", "\"erased\":false," + LeadRespondentsTests.RESPONDENTS);
		assessment.respond("GET", "/api/leads/" + LeadsControllerTests.LEAD, Response.json(lead));
	}

	@Test
	void theLeadShowsItsReadingBothRespondentsAndEveryAssessmentWithWhatChanged() {
		assertThat(mvc.get()
			.uri("/dashboard/leads/" + LeadsControllerTests.LEAD)
			.with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.contains("id=\"respondents\"", "Robin IT", "Consent text 2026-11-v1, 2026-11-21 08:00 UTC",
					"Answered differently (the colleague&#39;s answer counts): workload; coverage")
			.contains("id=\"assessment-history\"", "Retake on 7 Dec 2026 14:30",
					"staff-assisted, with sam@northbeam.test", "2 answers changed")
			.containsSubsequence("Read", "before the assessment", "Lead created", "Read", "after the assessment");
	}

}
