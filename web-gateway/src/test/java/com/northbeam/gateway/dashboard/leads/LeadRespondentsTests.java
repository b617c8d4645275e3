package com.northbeam.gateway.dashboard.leads;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A lead two people answered for: both respondents with their consents, each erased
 * alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadRespondentsTests {

	static final String RESPONDENTS = """
			"respondents":[
			 {"role":"respondent","name":"Ada Lovelace","email":"ada@acme.test","consentVersion":"2026-11-v1",
			  "consentedAt":"2026-11-20T10:00:00Z","invitedAt":null,"answeredAt":"2026-11-20T10:00:00Z","disagreements":[],"erased":false},
			 {"role":"colleague","name":"Robin IT","email":"robin@acme.test","consentVersion":"2026-11-v1",
			  "consentedAt":"2026-11-21T08:00:00Z","invitedAt":"2026-11-20T11:00:00Z","answeredAt":"2026-11-21T08:00:00Z",
			  "disagreements":["workload","coverage"],"erased":false}]}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		assessment.respond("GET", "/api/leads/" + LeadsControllerTests.LEAD,
				Response.json(LeadsControllerTests.lead("Ada Lovelace", "Acme", "Call me", "Nice")
					.replace("\"erased\":false}", "\"erased\":false," + RESPONDENTS)));
		assessment.respond("POST", "/api/admin/leads/" + LeadsControllerTests.LEAD + "/colleague/erase",
				Response.json("{\"id\":\"" + LeadsControllerTests.LEAD + "\",\"erased\":true}"));
	}

	@Test
	void theLeadShowsBothRespondentsWithTheirConsents() {
		assertThat(mvc.get()
			.uri("/dashboard/leads/" + LeadsControllerTests.LEAD)
			.with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.contains("id=\"respondents\"", "Respondent (this lead&#39;s contact)", "IT colleague", "Robin IT",
					"robin@acme.test", "Consent text 2026-11-v1, 2026-11-20 10:00 UTC",
					"Consent text 2026-11-v1, 2026-11-21 08:00 UTC",
					"Answered differently (the colleague&#39;s answer counts): workload; coverage")
			.doesNotContain("/colleague/erase");
	}

	@Test
	void eachColleagueIsErasedAloneNamedByTheAssessmentTheyAnsweredFor() {
		String first = "11111111-1111-1111-1111-111111111111";
		String retake = "22222222-2222-2222-2222-222222222222";
		String colleagues = RESPONDENTS
			.replace("\"role\":\"colleague\",\"name\"",
					"\"role\":\"colleague\",\"submissionId\":\"" + first + "\",\"name\"")
			.replace("]}", """
					,{"role":"colleague","submissionId":"%s","name":"Sam IT","email":"sam@acme.test",
					  "consentVersion":"2026-11-v1","consentedAt":"2026-11-23T08:00:00Z",
					  "invitedAt":"2026-11-22T11:00:00Z","answeredAt":"2026-11-23T08:00:00Z",
					  "disagreements":[],"erased":false}]}""".formatted(retake));
		// A lead of its own: the other tests count the requests about theirs.
		String lead = "0d7c9a52-3b1e-4f60-9c2a-5e8f7a6b4c31";
		assessment.respond("GET", "/api/leads/" + lead,
				Response.json(LeadsControllerTests.lead("Ada Lovelace", "Acme", "Call me", "Nice")
					.replace(LeadsControllerTests.LEAD.toString(), lead)
					.replace("\"erased\":false}", "\"erased\":false," + colleagues)));
		String erase = "/dashboard/admin/leads/" + lead + "/colleague/erase";
		String service = "/api/admin/leads/" + lead + "/colleague/erase";
		assessment.respond("POST", service, Response.json("{\"id\":\"" + lead + "\",\"erased\":true}"));

		assertThat(mvc.get().uri("/dashboard/leads/" + lead).with(user("ada.admin@northbeam.test").roles("ADMIN")))
			.bodyText()
			.contains("name=\"submission\" value=\"" + first + "\"", "name=\"submission\" value=\"" + retake + "\"",
					"Erase the personal data of colleague Robin IT…", "Erase the personal data of colleague Sam IT…");
		assertThat(mvc.post()
			.uri(erase)
			.param("submission", retake)
			.with(user("ada.admin@northbeam.test").roles("ADMIN"))
			.with(csrf())).hasStatusOk().bodyText().contains("name=\"submission\" value=\"" + retake + "\"");
		assertThat(mvc.post()
			.uri(erase)
			.param("submission", retake)
			.param("confirm", "erase")
			.with(user("ada.admin@northbeam.test").roles("ADMIN"))
			.with(csrf())).hasRedirectedUrl("/dashboard/leads/" + lead);
		assertThat(assessment.requests())
			.filteredOn((request) -> request.method().equals("POST") && request.path().equals(service))
			.extracting(FakeHttpServer.Request::query)
			.containsExactly("submission=" + retake);
	}

	@Test
	void anAdminErasesTheColleagueAloneAfterConfirming() {
		String lead = "/dashboard/admin/leads/" + LeadsControllerTests.LEAD + "/colleague/erase";
		assertThat(mvc.get()
			.uri("/dashboard/leads/" + LeadsControllerTests.LEAD)
			.with(user("ada.admin@northbeam.test").roles("ADMIN"))).bodyText().contains("action=\"" + lead + "\"");
		assertThat(mvc.post().uri(lead).with(user("ada.admin@northbeam.test").roles("ADMIN")).with(csrf()))
			.hasStatusOk()
			.bodyText()
			.contains("Erase the IT colleague&#39;s personal data?", "name=\"confirm\" value=\"erase\"");
		assertThat(
				TokenClaims.subjects(assessment, "/api/admin/leads/" + LeadsControllerTests.LEAD + "/colleague/erase"))
			.isEmpty();
		assertThat(mvc.post()
			.uri(lead)
			.param("confirm", "erase")
			.with(user("ada.admin@northbeam.test").roles("ADMIN"))
			.with(csrf())).hasRedirectedUrl("/dashboard/leads/" + LeadsControllerTests.LEAD);
		assertThat(
				TokenClaims.subjects(assessment, "/api/admin/leads/" + LeadsControllerTests.LEAD + "/colleague/erase"))
			.containsExactly("ada.admin@northbeam.test");
		assertThat(mvc.post()
			.uri(lead)
			.param("confirm", "erase")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatus(403);
	}

}
