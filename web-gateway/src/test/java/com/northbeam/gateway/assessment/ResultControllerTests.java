package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The result page and its PDF: factors by direction, and a close call said plainly. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ResultControllerTests {

	static final String FACTORS = """
			"factors":[{"code":"team_overloaded","model":"co_managed","weight":12,"effects":{"co_managed":12},
			  "reason":"Your IT team cannot keep up with requests.","guideAnchor":"internal-team-overloaded",
			  "direction":"for","fitDelta":9},
			 {"code":"hard_to_hire","model":"fully_managed","weight":10,"effects":{"fully_managed":10},
			  "reason":"Hiring IT staff is hard where you are.","guideAnchor":"hiring-and-retention",
			  "direction":"against","fitDelta":8}],""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@Test
	void factorsAreGroupedByTheModelTheyPointToEachLinkedToItsGuideSection() throws IOException {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response.json(withFactors(id)));

		String page = mvc.get().uri("/assessment/result/" + id).exchange().getResponse().getContentAsString();
		assertThat(page)
			.contains("What points to co-managed IT", "What points the other way", "(points to fully managed IT)",
					"href=\"/articles/co-managed-vs-fully-managed-it#hiring-and-retention\"")
			.doesNotContain("This is a close call");
		assertThat(page.indexOf("Your IT team cannot keep up")).isLessThan(page.indexOf("What points the other way"));
		assertThat(page.indexOf("Hiring IT staff is hard")).isGreaterThan(page.indexOf("What points the other way"));
	}

	@Test
	void aCloseCallIsSaidPlainlyWithWhatWouldTipIt() throws IOException {
		UUID id = UUID.randomUUID();
		String close = withFactors(id).replace("\"confidenceLabel\":\"clear\"", "\"confidenceLabel\":\"close\"")
			.replaceFirst("\\{",
					"""
							{"runnerUp":"fully_managed","tipping":[{"question":"hiring","answer":["easy"],
							 "recommendation":"fully_managed",
							 "explanation":"Answering \\u201cHiring is easy\\u201d to \\u201cHow hard is hiring?\\u201d would make fully managed IT the better fit."}],""");
		assessment.respond("GET", "/api/submissions/" + id, Response.json(close));

		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("This is a close call", "Both co-managed IT and fully managed IT fit you almost equally well",
					"What would tip it:", "would make fully managed IT the better fit.");

		MvcTestResult pdf = mvc.get().uri("/assessment/result/" + id + "/report.pdf").exchange();
		assertThat(pdf).hasStatusOk();
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("This is a close call: co-managed IT and fully managed IT",
					"What points to co-managed IT", "What points the other way",
					"Hiring IT staff is hard where you are. (points to fully managed IT)",
					"/articles/co-managed-vs-fully-managed-it#hiring-and-retention");
			assertThat(text.indexOf("What points to")).isLessThan(text.indexOf("What points the other way"));
		}
	}

	@Test
	void aCloseCallFromAnOlderResultNamesTheRunnerUpFromTheFits() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response
			.json(Fixtures.result(id).replace("\"confidenceLabel\":\"clear\"", "\"confidenceLabel\":\"close\"")));

		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("Both co-managed IT and fully managed IT fit you almost equally well",
					"What points to co-managed IT")
			.doesNotContain("What would tip it", "What points the other way");
	}

	static final String MATRIX = """
			{"responsibility":{"rulesVersion":1,"model":"co_managed","cells":[
			  {"function":"monitoring","label":"Monitoring","owner":"provider","rule":"round_the_clock_with_team",
			   "reason":"24/7 coverage is needed and the team works business hours, so out-of-hours monitoring goes to the provider.",
			   "because":["Coverage: 24/7"],"current":"provider","edit":null},
			  {"function":"strategic_planning","label":"Strategic planning","owner":"internal","rule":"keep_control_planning",
			   "reason":"You want to keep control, so strategic planning stays internal.","because":[],"current":"internal","edit":null}],
			 "leadershipKeeps":["Setting business priorities for the IT team and the provider."]},""";

	@Test
	void theResultPageAndItsPdfShowWhoWouldOwnEachFunction() throws IOException {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response.json(withFactors(id).replaceFirst("\\{", MATRIX)));

		String page = mvc.get().uri("/assessment/result/" + id).exchange().getResponse().getContentAsString();
		assertThat(page).contains("id=\"responsibility-matrix\"", "Who would own what under co-managed IT",
				"<th scope=\"row\">Monitoring</th>", "owner owner-provider",
				"out-of-hours monitoring goes to the provider", "owner owner-internal", "Your team",
				"What stays with your leadership", "Setting business priorities");
		assertThat(page.indexOf("responsibility-matrix"))
			.isGreaterThan(page.indexOf("What led to this recommendation"));

		MvcTestResult pdf = mvc.get().uri("/assessment/result/" + id + "/report.pdf").exchange();
		assertThat(pdf).hasStatusOk();
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Who would own what", "Monitoring: Provider",
					"out-of-hours monitoring goes to the provider", "Strategic planning: Your team",
					"What stays with your leadership");
		}
	}

	@Test
	void aResultWithoutAMatrixHasNoMatrixSection() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response.json(withFactors(id)));
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.doesNotContain("responsibility-matrix");
	}

	private static String withFactors(UUID id) {
		return Fixtures.result(id).replaceFirst("\"factors\":\\[.*?\\],\\s*\"priority\"", FACTORS + "\n \"priority\"");
	}

}
