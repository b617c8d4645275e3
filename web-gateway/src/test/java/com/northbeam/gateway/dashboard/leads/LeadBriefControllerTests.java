package com.northbeam.gateway.dashboard.leads;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * The call-prep brief at the top of a lead, its PDF, and the responsibility matrix: one
 * form per cell, the proposal beside the edit, a stale edit said plainly, the exports.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadBriefControllerTests {

	static final UUID LEAD = UUID.fromString("0b6f7a4e-2d1c-4c55-8f0e-5a3e2b1c9d77");

	static final String BRIEF = """
			"callPrep":{"rulesVersion":1,"recommendation":"co_managed",
			 "signals":[{"code":"team_overloaded","text":"Their IT team is overloaded: tickets and maintenance pile up.","because":["How busy is your IT person or team? They cannot keep up; requests pile up","+9 towards Co-managed IT"],"guideAnchor":"internal-team-overloaded"},
			  {"code":"keep_control","text":"They want to keep day-to-day control of IT.","because":["How much of the day-to-day running of IT do you want to keep? Keep most of it in-house","+7 towards Co-managed IT"]},
			  {"code":"round_the_clock","text":"They need cover around the clock.","because":["When does IT need to be looked after? Around the clock, every day","+10 to urgency"]}],
			 "painPoints":[{"code":"projects_slip_often","text":"projects slip often","because":["How often do IT projects slip?: Often"]}],
			 "objections":[{"code":"team_failed","misconception":"Co-managed means our IT team failed.","response":"Mature organisations add outside capability on purpose.","because":["Who handles IT today?: An IT team"]}],
			 "questions":[{"code":"coverage","text":"What has to keep running outside office hours?","why":"urgent","because":["Coverage: 24/7"]},
			  {"code":"growth","text":"How many people will they add next year?","why":"open","because":["Growth: Moderate"]}],
			 "cost":"Yearly: today USD 250,000, co-managed USD 210,000, fully managed USD 230,000. Co-managed costs USD 40,000 a year less than today.",
			 "nextStep":{"code":"next_co_managed","text":"Offer a co-managed workshop with their IT staff.","because":[]}},
			"responsibility":{"rulesVersion":1,"model":"co_managed","cells":[
			  {"function":"monitoring","label":"Monitoring","owner":"provider","reason":"Out-of-hours monitoring goes to the provider.","rule":"round_the_clock_with_team","because":["Coverage: 24/7"],"current":"provider","edit":null},
			  {"function":"vendor_coordination","label":"Vendor coordination","owner":"internal","reason":"Your team keeps the vendor relationships.","rule":"default","because":[],"current":"provider",
			   "edit":{"version":2,"owner":"provider","note":"They asked us to take the telecoms contract","proposedOwner":"internal","editedBy":"sam@northbeam.test","editedAt":"2026-12-07T10:00:00Z"}}],
			 "leadershipKeeps":["Setting business priorities for the IT team and the provider."]},""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void theServiceKnowsOneLeadWithABrief() throws Exception {
		String lead = LeadsControllerTests.LEAD_JSON.formatted(LEAD, "Ada Lovelace", "Acme", LEAD, "Call me", "Nice")
			.replaceFirst("\\{", "{" + BRIEF);
		assessment.respond("GET", "/api/leads/" + LEAD, Response.json(lead));
	}

	@Test
	void theBriefComesFirstAndTheMatrixShowsTheProposalBesideTheEdit() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/dashboard/leads/" + LEAD)
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("id=\"call-prep\"", "Call prep: Acme", "Their IT team is overloaded",
					"How busy is your IT person or team? They cannot keep up; requests pile up; +9 towards Co-managed IT",
					"<q>projects slip often</q>", "Co-managed means our IT team failed.",
					"What has to keep running outside office hours?", ">urgent<", ">open<",
					"Co-managed costs USD 40,000 a year less than today.", "Offer a co-managed workshop",
					"href=\"/dashboard/leads/" + LEAD + "/call-prep.pdf\"")
			.contains("id=\"responsibility-matrix\"", "Who owns what under Co-managed IT",
					"action=\"/dashboard/leads/" + LEAD + "/responsibility/monitoring\"",
					"action=\"/dashboard/leads/" + LEAD + "/responsibility/vendor_coordination\"",
					"name=\"version\" value=\"0\"", "name=\"version\" value=\"2\"",
					"They asked us to take the telecoms contract",
					"Version 2, by sam@northbeam.test, 2026-12-07 10:00 UTC",
					"Your team keeps the vendor relationships.",
					"href=\"/dashboard/leads/" + LEAD + "/responsibility.csv\"",
					"href=\"/dashboard/leads/" + LEAD + "/responsibility.md\"");
		String page = result.getResponse().getContentAsString();
		assertThat(page.indexOf("id=\"call-prep\"")).isLessThan(page.indexOf(">Contact<"));
		String vendorRow = page.substring(page.indexOf("id=\"cell-vendor_coordination\""));
		assertThat(vendorRow.indexOf("owner owner-internal")).isLessThan(vendorRow.indexOf("owner owner-provider"));
	}

	@Test
	void anEditIsSentWithTheVersionSeenAndTheSalespersonIsToldItWasSaved() throws Exception {
		assessment.respond("POST", "/api/leads/" + LEAD + "/responsibility/monitoring",
				Response.json("{\"rulesVersion\":1,\"model\":\"co_managed\",\"cells\":[],\"leadershipKeeps\":[]}"));
		MvcTestResult result = mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/responsibility/monitoring")
			.param("version", "0")
			.param("owner", "shared")
			.param("note", "  Their team watches weekdays  ")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus3xxRedirection()
			.hasRedirectedUrl("/dashboard/leads/" + LEAD + "#responsibility-matrix");
		Map<String, Object> flash = result.getMvcResult().getFlashMap();
		assertThat(flash).containsEntry("message", "leads.matrix.saved").containsEntry("messageArgument", "monitoring");
		assertThat(lastRequest("/api/leads/" + LEAD + "/responsibility/monitoring").body())
			.isEqualTo("{\"version\":0,\"owner\":\"shared\",\"note\":\"Their team watches weekdays\"}");
	}

	@Test
	void aStaleEditIsSaidPlainlyAndKeepsWhatWasTyped() throws Exception {
		assessment.respond("POST", "/api/leads/" + LEAD + "/responsibility/monitoring",
				new Response(409, "application/problem+json", """
						{"title":"Conflict","status":409,"detail":"Someone changed monitoring first",
						 "errors":[{"field":"version","message":"is stale: the cell is at version 1"}]}""",
						Duration.ZERO));
		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/responsibility/monitoring")
			.param("version", "0")
			.param("owner", "internal")
			.param("note", "mine")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatus(409)
			.bodyText()
			.contains("Someone changed who owns monitoring meanwhile", "value=\"mine\"", "id=\"call-prep\"");
	}

	@Test
	void aRefusedEditIsSaidPlainly() throws Exception {
		assessment.respond("POST", "/api/leads/" + LEAD + "/responsibility/monitoring",
				new Response(400, "application/problem+json", """
						{"title":"Invalid input","status":400,
						 "errors":[{"field":"owner","message":"must be internal, provider or shared"}]}""",
						Duration.ZERO));
		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/responsibility/monitoring")
			.param("version", "0")
			.param("owner", "everyone")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatus(400).bodyText().contains("The change to monitoring was not saved");
	}

	@Test
	void theExportsAndThePdfComeFromTheLead() throws Exception {
		assessment.respond("GET", "/api/leads/" + LEAD + "/responsibility.csv",
				new Response(200, "text/csv", "function,owner\r\nMonitoring,provider\r\n", Duration.ZERO));
		assessment.respond("GET", "/api/leads/" + LEAD + "/responsibility.md",
				new Response(200, "text/markdown", "| Function | Owner |\n", Duration.ZERO));
		MvcTestResult csv = mvc.get()
			.uri("/dashboard/leads/" + LEAD + "/responsibility.csv")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange();
		assertThat(csv).hasStatusOk().bodyText().isEqualTo("function,owner\r\nMonitoring,provider\r\n");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("responsibility-" + LEAD + ".csv");
		assertThat(mvc.get()
			.uri("/dashboard/leads/" + LEAD + "/responsibility.md")
			.with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.isEqualTo("| Function | Owner |\n");

		MvcTestResult pdf = mvc.get()
			.uri("/dashboard/leads/" + LEAD + "/call-prep.pdf")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange();
		assertThat(pdf).hasStatusOk();
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			PDFTextStripper firstPage = new PDFTextStripper();
			firstPage.setEndPage(1);
			assertThat(firstPage.getText(document).replaceAll("\\s+", " ")).contains("Call prep: Acme",
					"Strongest signals", "\"projects slip often\"", "Co-managed means our IT team failed.",
					"[urgent] What has to keep running outside office hours?", "USD 40,000 a year less",
					"Offer a co-managed workshop");
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(
					"Vendor coordination: Provider (Proposed: Your team)",
					"They asked us to take the telecoms contract");
		}
	}

	@Test
	void salesWithoutTheLeadsRoleCannotEdit() throws Exception {
		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/responsibility/monitoring")
			.param("version", "0")
			.param("owner", "internal")
			.with(user("ed@northbeam.test").roles("EDITOR"))
			.with(csrf())).hasStatus(403);
	}

	private FakeHttpServer.Request lastRequest(String path) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals(path))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

}
