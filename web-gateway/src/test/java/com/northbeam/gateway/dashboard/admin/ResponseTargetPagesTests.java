package com.northbeam.gateway.dashboard.admin;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ResponseTargetPagesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	static final String PATH = "/dashboard/admin/response-target";

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
	void showsTheTargetInWordsAFormAndTheHistory() {
		assertThat(mvc.get().uri(PATH).with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("A new lead may wait 60 working minutes for its first contact",
					"Working hours run from 09:00 to 17:30, Europe/London time", "Monday,", "Friday",
					"ada.admin@northbeam.test", "name=\"basedOnVersion\" value=\"3\"")
			.contains("id=\"target-minutes\"", "value=\"60\"", "type=\"time\"", "value=\"17:30\"",
					"list=\"target-zones\"", "<option value=\"Europe/Berlin\">")
			.contains("id=\"target-day-MONDAY\" value=\"MONDAY\" checked",
					"5 days a week, 09:00 to 17:30, Europe/London")
			.doesNotContain("id=\"target-day-SUNDAY\" value=\"SUNDAY\" checked");
		assertThat(TokenClaims.subjects(assessment, "/api/admin/response-target")).last()
			.isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void theAdminIndexAndNavigationLinkToIt() {
		assertThat(mvc.get().uri("/dashboard/admin").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("href=\"/dashboard/admin/response-target\"", "Response target");
		assertThat(mvc.get().uri("/dashboard/admin/prices").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("href=\"/dashboard/admin/response-target\"");
	}

	@Test
	void savingSendsTheTargetBasedOnTheVersionShown() {
		assertThat(post(valid().with("minutes", "45").with("end", "00:00").and("days", "SATURDAY")))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo(PATH);

		Request put = last(assessment, "PUT", "/api/admin/response-target");
		assertThat(put.query()).isEqualTo("basedOnVersion=3");
		JsonNode sent = json.readTree(put.body());
		assertThat(sent.get("minutes").asInt()).isEqualTo(45);
		assertThat(sent.get("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(sent.get("days").toString()).isEqualTo("[\"MONDAY\",\"FRIDAY\",\"SATURDAY\"]");
		assertThat(sent.get("start").asString()).isEqualTo("09:00");
		assertThat(sent.get("end").asString()).isEqualTo("00:00");
		assertThat(TokenClaims.of(put).get("scope").asString()).contains("admin");
	}

	@Test
	void wrongFieldsAreShownNextToThemAndNothingIsSent() {
		int before = assessment.requests().size();

		assertThat(post(valid().with("minutes", "ninety")
			.with("timeZone", "Atlantis/Capital")
			.with("start", "18:00")
			.with("end", "09:00"))).hasStatusOk()
			.bodyText()
			.contains("id=\"target-minutes-error\"", "Enter a whole number of minutes from 1 to 10080",
					"id=\"target-timeZone-error\"", "Choose a time zone from the list", "id=\"target-end-error\"",
					"The working day must end after it starts", "value=\"ninety\"", "value=\"Atlantis/Capital\"",
					"aria-invalid=\"true\"");
		assertThat(post(AdminForm.empty().with("basedOnVersion", "3"))).hasStatusOk()
			.bodyText()
			.contains("id=\"target-days-error\"", "Tick at least one working day", "id=\"target-start-error\"",
					"Enter a time as hours and minutes");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.method().equals("PUT"));
	}

	@Test
	void theServicesRefusalsAreShownNextToTheirFields() {
		assessment.respond("PUT", "/api/admin/response-target", AdminFakes.problem(400, """
				{"status":400,"detail":"Some fields cannot be accepted.",
				 "errors":[{"field":"timeZone","message":"must be a time zone such as Europe/London"}]}"""));

		assertThat(post(valid())).hasStatusOk()
			.bodyText()
			.contains("id=\"target-timeZone-error\"", "must be a time zone such as Europe/London");
	}

	@Test
	void aStaleSaveShowsTheNewerVersionAndKeepsTheInput() {
		assessment.respond("PUT", "/api/admin/response-target", AdminFakes.problem(409, """
				{"status":409,"detail":"The response target was changed meanwhile; the newest version is 5",
				 "errors":[{"field":"basedOnVersion","message":"is not the newest version (5)"}]}"""));
		assessment.respond("GET", "/api/admin/response-target",
				Response.json(AdminFakes.TARGET.replace("\"version\":3", "\"version\":5")
					.replace("\"createdBy\":\"ada.admin@northbeam.test\"", "\"createdBy\":\"bo@northbeam.test\"")));

		assertThat(post(valid().with("minutes", "90"))).hasStatusOk()
			.bodyText()
			.contains("Someone saved version 5 (bo@northbeam.test)", "value=\"90\"",
					"name=\"basedOnVersion\" value=\"5\"");
	}

	@Test
	void salesStaffCannotSeeIt() {
		assertThat(mvc.get().uri(PATH).with(user("sam@northbeam.test").roles("SALES"))).hasStatus(403);
		assertThat(mvc.post().uri(PATH).with(user("sam@northbeam.test").roles("SALES")).with(csrf())).hasStatus(403);
	}

	private MvcTestResult post(AdminForm form) {
		return form.postTo(mvc, PATH);
	}

	/** The form as the page posts it, from the fake's version 3 with two days ticked. */
	static AdminForm valid() {
		return AdminForm.empty()
			.with("basedOnVersion", "3")
			.with("minutes", "60")
			.with("timeZone", "Europe/London")
			.with("days", "MONDAY")
			.and("days", "FRIDAY")
			.with("start", "09:00")
			.with("end", "17:30");
	}

}
