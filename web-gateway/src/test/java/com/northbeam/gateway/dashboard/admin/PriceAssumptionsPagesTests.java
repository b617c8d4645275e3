package com.northbeam.gateway.dashboard.admin;

import java.time.Duration;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.gateway.XssPayloads;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.northbeam.gateway.dashboard.admin.AdminFakes.last;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class PriceAssumptionsPagesTests {

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
	void showsTheCurrentFiguresAFormAndTheHistory() {
		assertThat(mvc.get().uri("/dashboard/admin/prices").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("Version 4", "ada.admin@northbeam.test", "name=\"basedOnVersion\" value=\"4\"")
			.contains("name=\"employeesPerBand.1000+\"", "value=\"1500\"", "name=\"coManaged.perUserMonth\"",
					"value=\"95000\"", "value=\"growing, complex\"")
			.contains("Users assumed for the answer \u201c1-10\u201d employees");
		assertThat(TokenClaims.subjects(assessment, "/api/admin/price-assumptions")).last()
			.isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void savingSendsEveryFigureBasedOnTheVersionShown() {
		assertThat(post(valid().with("coManaged.perUserMonth", "72.5"))).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/admin/prices");

		Request put = last(assessment, "PUT", "/api/admin/price-assumptions");
		JsonNode sent = json.readTree(put.body());
		assertThat(sent.get("coManaged").get("perUserMonth").asDouble()).isEqualTo(72.5);
		assertThat(sent.get("employeesPerBand").get("1000+").asInt()).isEqualTo(1500);
		assertThat(sent.get("itStaffByInternalIt").get("tech_savvy_staff").asDouble()).isEqualTo(0.25);
		assertThat(sent.get("securityAddOnWhen").toString()).isEqualTo("[\"growing\",\"complex\"]");
		assertThat(TokenClaims.of(put).get("scope").asString()).contains("admin");
	}

	@Test
	void wrongFiguresAreShownNextToTheirFieldsAndNothingIsSent() {
		int before = assessment.requests().size();

		assertThat(post(
				valid().with("benefitsShare", "1.5").with("employeesPerBand.1-10", "-3").with("currency", "dollars")))
			.hasStatusOk()
			.bodyText()
			.contains("Enter a share between 0 and 1", "Enter a whole number, 0 or more",
					"Enter a three-letter currency code", "value=\"1.5\"", "value=\"-3\"", "aria-invalid=\"true\"");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.method().equals("PUT"));
	}

	@Test
	void theServicesRefusalsAreShownNextToTheirFields() {
		assessment.respond("PUT", "/api/admin/price-assumptions", AdminFakes.problem(400,
				"""
						{"status":400,"detail":"Some fields cannot be accepted.",
						 "errors":[{"field":"employeesPerBand.51-200","message":"is required"},
						           {"field":"securityAddOnWhen","message":"'sometimes' is not an answer to security_complexity"}]}"""));

		assertThat(post(valid().with("securityAddOnWhen", "sometimes"))).hasStatusOk()
			.bodyText()
			.contains("id=\"price-employeesPerBand-51-200-error\"", "is required",
					"id=\"price-securityAddOnWhen-error\"", "&#39;sometimes&#39; is not an answer");
	}

	@Test
	void aStaleSaveShowsTheNewerVersionAndKeepsTheInput() {
		assessment.respond("PUT", "/api/admin/price-assumptions", AdminFakes.problem(409, """
				{"status":409,"detail":"The price assumptions were changed meanwhile; the newest version is 6",
				 "errors":[{"field":"basedOnVersion","message":"is not the newest version (6)"}]}"""));
		assessment.respond("GET", "/api/admin/price-assumptions",
				Response.json(AdminFakes.PRICES.replace("\"version\":4", "\"version\":6")
					.replace("\"createdBy\":\"ada.admin@northbeam.test\"", "\"createdBy\":\"bo@northbeam.test\"")));

		assertThat(post(valid().with("loadedSalary", "99999"))).hasStatusOk()
			.bodyText()
			.contains("Someone saved version 6 (bo@northbeam.test)", "value=\"99999\"",
					"name=\"basedOnVersion\" value=\"6\"");
	}

	@Test
	void whoSavedEarlierVersionsIsShownEscaped() throws Exception {
		StringBuilder history = new StringBuilder("[");
		for (int i = 0; i < XssPayloads.ALL.size(); i++) {
			String actor = json.writeValueAsString(XssPayloads.ALL.get(i));
			history.append(i > 0 ? "," : "").append(AdminFakes.PRICES.replace("\"ada.admin@northbeam.test\"", actor));
		}
		assessment.respond("GET", "/api/admin/price-assumptions/history",
				Response.json(history.append("]").toString()));

		String html = mvc.get()
			.uri("/dashboard/admin/prices")
			.with(AdminFakes.admin())
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		XssPayloads.assertInert(html, XssPayloads.ALL);
	}

	@Test
	void whenTheServiceIsDownTheDashboardSaysSo() {
		assessment.respond("GET", "/api/admin/price-assumptions",
				new Response(503, "application/problem+json", "{\"status\":503}", Duration.ZERO));

		assertThat(mvc.get().uri("/dashboard/admin/prices").with(AdminFakes.admin())).hasStatus(503)
			.bodyText()
			.contains("This page cannot be shown right now", "The assessment service did not answer",
					"href=\"/dashboard/admin/notifications\"");
	}

	private MvcTestResult post(AdminForm form) {
		return form.postTo(mvc, "/dashboard/admin/prices");
	}

	/** The form as the page posts it, filled with the fake's version 4. */
	static AdminForm valid() {
		return AdminForm.empty()
			.with("basedOnVersion", "4")
			.with("currency", "USD")
			.with("employeesPerBand.1-10", "8")
			.with("employeesPerBand.11-50", "30")
			.with("employeesPerBand.51-200", "120")
			.with("employeesPerBand.201-1000", "450")
			.with("employeesPerBand.1000+", "1500")
			.with("itStaffByInternalIt.none", "0")
			.with("itStaffByInternalIt.tech_savvy_staff", "0.25")
			.with("itStaffByInternalIt.it_person", "1")
			.with("itStaffByInternalIt.it_team", "3")
			.with("itStaffByInternalIt.it_department", "8")
			.with("loadedSalary", "95000")
			.with("benefitsShare", "0.25")
			.with("toolsPerUser", "240")
			.with("recruitingTrainingPerItStaff", "7000")
			.with("recruitingShare", "0.6")
			.with("coManaged.perUserMonth", "70")
			.with("coManaged.projectsPerUser", "60")
			.with("coManaged.staffKept", "1")
			.with("coManaged.toolsKept", "0.4")
			.with("coManaged.recruitingKept", "0.7")
			.with("fullyManaged.perUserMonth", "140")
			.with("fullyManaged.projectsPerUser", "90")
			.with("fullyManaged.staffKept", "0.1")
			.with("fullyManaged.toolsKept", "0.1")
			.with("fullyManaged.recruitingKept", "0.1")
			.with("securityAddOnPerUserMonth", "15")
			.with("securityAddOnWhen", "growing, complex");
	}

}
