package com.northbeam.gateway.dashboard.leads;

import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.client.RetakeReferences;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A lead's history of assessments, and "Retake with the prospect". */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadRetakeControllerTests {

	static final UUID LEAD = LeadsControllerTests.LEAD;

	static final UUID FIRST = UUID.fromString("0d5f0c8e-7a4b-4c53-8d1e-2f6a7b8c9d01");

	static final String HISTORY = """
			"assessments":[
			 {"submissionId":"%1$s","takenAt":"2026-11-20T10:00:00Z","assistedBy":null,"retakeOf":null,
			  "rulesVersion":2,"recommendation":"co_managed","fit":{"co_managed":62,"fully_managed":55,"hybrid":30},"changes":null},
			 {"submissionId":"%2$s","takenAt":"2026-12-07T14:30:00Z","assistedBy":"sam@northbeam.test","retakeOf":"%1$s",
			  "rulesVersion":2,"recommendation":"fully_managed","fit":{"co_managed":48,"fully_managed":71,"hybrid":30},
			  "changes":{"from":"%1$s","rulesBefore":2,"rulesAfter":2,"rulesChanged":false,
			   "answers":[{"question":"internal_it","label":"Who looks after IT today?","before":[{"code":"it_person","label":"One IT person"}],
			     "after":[{"code":"none","label":"Nobody in particular"}]},
			    {"question":"control_preference","label":"How much control?","before":[{"code":"keep_control","label":"Keep control"}],
			     "after":[{"code":"hand_off","label":"Hand it off"}]}],
			   "fit":[{"model":"co_managed","before":62,"after":48},{"model":"fully_managed","before":55,"after":71},{"model":"hybrid","before":30,"after":30}],
			   "recommendationBefore":"co_managed","recommendation":"fully_managed",
			   "appeared":[{"code":"no_dedicated_it","reason":"Nobody is dedicated to IT.","model":"fully_managed","guideAnchor":"no-dedicated-it-team"}],
			   "disappeared":[],
			   "why":{"outcome":"moved","from":"co_managed","to":"fully_managed","contender":"co_managed","gapBefore":-7,"gapAfter":23,
			     "drivers":[{"code":"no_dedicated_it","reason":"Nobody is dedicated to IT.","change":"appeared","shift":60}]}}}],""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RetakeReferences references;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void theServiceKnowsALeadThatWasRetaken() {
		assessment.respond("GET", "/api/leads/" + LEAD,
				Response.json(LeadsControllerTests.lead("Ada Lovelace", "Acme", "Call me", "Nice")
					.replaceFirst("\\{", "{" + HISTORY.formatted(FIRST, LEAD))));
	}

	@Test
	void theLeadShowsEachAssessmentWithWhatChangedAndWhoTookIt() {
		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"assessment-history\"", "First assessment on 20 Nov 2026 10:00",
					"Retake on 7 Dec 2026 14:30", "staff-assisted, with sam@northbeam.test", "2 answers changed",
					"Co-managed IT fit 62 \u2192 48", "Fully managed IT fit 55 \u2192 71",
					"recommendation moved to Fully managed IT", "because", "Nobody is dedicated to IT.",
					"Who looks after IT today?", "One IT person", "Nobody in particular", "Retake with the prospect",
					"action=\"/dashboard/leads/" + LEAD + "/retake\"");
	}

	@Test
	void retakingWithTheProspectOpensTheWizardWithAReferenceNamingTheStaffMember() {
		MvcTestResult started = mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/retake")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())
			.exchange();

		assertThat(started).hasStatus3xxRedirection();
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/assessment/retake?ref=");
		RetakeReferences.Reference reference = references.read(location.substring("/assessment/retake?ref=".length()))
			.orElseThrow();
		assertThat(reference.submissionId()).as("the lead's newest result").isEqualTo(LEAD);
		assertThat(reference.staff()).isEqualTo("sam@northbeam.test");
	}

	@Test
	void onlySignedInSalesStaffCanStartOne() {
		assertThat(mvc.post().uri("/dashboard/leads/" + LEAD + "/retake").with(csrf())).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("/login");
		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/retake")
			.with(user("eddie@northbeam.test").roles("EDITOR"))
			.with(csrf())).hasStatus(403);
		assertThat(
				mvc.post().uri("/dashboard/leads/" + LEAD + "/retake").with(user("sam@northbeam.test").roles("SALES")))
			.as("without the form's CSRF token")
			.hasStatus(403);
	}

	@Test
	void aReferenceOnlyReadsBackUntouchedAndForARetake() {
		String reference = references.forStaff(FIRST, "sam@northbeam.test");
		String[] parts = reference.split("\\.");
		String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

		assertThat(references.read(reference)).isPresent();
		assertThat(references.read(tampered)).isEmpty();
		assertThat(references.read(references.forResult(FIRST)).orElseThrow().staffAssisted()).isFalse();
	}

}
