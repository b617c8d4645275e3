package com.northbeam.gateway.assessment;

import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The pages of several respondents: the invitation form on the result, the colleague's
 * page with just the technical steps, and the result that shows where the two disagreed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ColleagueControllerTests {

	static final String TOKEN = "UupRssgVR0GK_GYNLp-jSAAAAABrGD_X.p5IGrkjL6lAUaV90cfg5NcRt9GPOt2zDEsSqzFReGdc";

	static final String OPEN_LINK = """
			{"state":"open","questionnaireVersion":1,"expiresAt":"2026-12-21T10:00:00Z","steps":["team","needs"],
			 "questions":["internal_it","workload","skills_gaps","project_delays","support_wait","coverage","security_complexity"]}""";

	static final String ANSWERED = """
			{"colleague":{"invitedAt":"2026-12-07T10:00:00Z","answeredAt":"2026-12-07T11:00:00Z","disagreements":[
			  {"question":"workload","domain":"technical","respondent":["manageable"],"colleague":["overloaded"],"used":"colleague"},
			  {"question":"skills_gaps","domain":"technical","respondent":["none"],"colleague":["cybersecurity","compliance"],"used":"colleague"}]},""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
		assessment.respond("GET", "/api/submissions/colleague-invitations/" + TOKEN, Response.json(OPEN_LINK));
	}

	@Test
	void aResultWithContactDetailsOffersToInviteAColleague() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("id=\"colleague\"", "Invite a colleague to answer the IT questions",
					"action=\"/assessment/result/" + id + "/colleague\"", "id=\"colleague-email\"",
					"id=\"colleague-expected\"")
			.doesNotContain("id=\"disagreements\"");
	}

	@Test
	void anInvitationIsSentOnlyWithAnAddressAndTheConfirmationThatItIsExpected() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions/" + id + "/colleague-invitations",
				Response.json("{\"invitedAt\":\"2026-12-07T10:00:00Z\",\"expiresAt\":\"2026-12-21T10:00:00Z\"}"));
		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/colleague")
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=robin%40acme.example")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/assessment/result/" + id + "?colleague=expected#colleague");
		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/colleague")
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=robin&expected=true"))
			.hasRedirectedUrl("/assessment/result/" + id + "?colleague=email#colleague");
		assertThat(invitations(id)).isEmpty();

		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/colleague")
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=+robin%40acme.example+&expected=true"))
			.hasRedirectedUrl("/assessment/result/" + id + "?colleague=invited#colleague");
		assertThat(invitations(id)).singleElement()
			.satisfies((request) -> assertThat(request.body())
				.isEqualTo("{\"email\":\"robin@acme.example\",\"expected\":true}"));

		assessment.respond("GET", "/api/submissions/" + id, Response.json(Fixtures.result(id)));
		assertThat(mvc.get().uri("/assessment/result/" + id + "?colleague=email")).hasStatusOk()
			.bodyText()
			.contains("Please enter an email address like name@company.com.", "aria-invalid=\"true\"");
		assertThat(mvc.get().uri("/assessment/result/" + id + "?colleague=invited")).bodyText()
			.contains("Invitation sent.");
	}

	@Test
	void aRefusedInvitationIsSaidOnTheResultPage() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions/" + id + "/colleague-invitations",
				new Response(409, "application/problem+json",
						"{\"title\":\"Conflict\",\"status\":409,\"detail\":\"A colleague has answered already\"}",
						java.time.Duration.ZERO));
		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/colleague")
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=robin%40acme.example&expected=true"))
			.hasRedirectedUrl("/assessment/result/" + id + "?colleague=refused#colleague");
	}

	@Test
	void theColleaguesPageAsksJustTheTechnicalStepsThenWhoTheyAreAndTheirConsent() {
		assertThat(mvc.get().uri("/assessment/colleague/" + TOKEN)).hasStatusOk()
			.bodyText()
			.contains("Your colleague asked for your view", "Team and workload", "Needs", "id=\"field-internal_it\"",
					"id=\"field-workload\"", "data-show-when=\"internal_it\"", "id=\"field-coverage\"",
					"id=\"field-security_complexity\"", "id=\"field-name\"", "id=\"field-email\"",
					"id=\"field-consent\"", "the result uses your answers to these IT questions",
					"This link works until 21 December 2026")
			.doesNotContain("id=\"field-employees\"", "id=\"field-predictability\"", "id=\"field-company\"",
					"id=\"field-phone\"");
	}

	@Test
	void missingAnswersAndDetailsAreShownInlineAndNothingIsSent() {
		int sentBefore = answersSent().size();
		assertThat(mvc.post()
			.uri("/assessment/colleague/" + TOKEN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("internal_it=it_team&workload=stretched&email=robin")).hasStatus(422)
			.bodyText()
			.contains("id=\"error-summary\"", "href=\"#field-coverage\"", "href=\"#field-name\"",
					"href=\"#field-email\"", "href=\"#field-consent\"", "value=\"it_team\" checked=\"checked\"");
		assertThat(answersSent()).hasSize(sentBefore);
	}

	@Test
	void theColleaguesAnswersGoToTheServiceAndLeadToTheCompanyResult() {
		UUID submission = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions/colleague-invitations/" + TOKEN + "/answers",
				Response.json("{\"submissionId\":\"" + submission + "\"}"));
		assertThat(mvc.post()
			.uri("/assessment/colleague/" + TOKEN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("internal_it=tech_savvy_staff&workload=stretched&skills_gaps=cybersecurity&skills_gaps=compliance"
					+ "&project_delays=often&support_wait=often&coverage=24x7&security_complexity=complex"
					+ "&name=Robin+IT&email=robin%40acme.example&consent=true&employees=1-10"))
			.hasRedirectedUrl("/assessment/result/" + submission + "?colleague=answered#disagreements");
		// workload is not asked without an IT person or team; employees is not the
		// colleague's to answer.
		assertThat(answersSent()).last()
			.satisfies((request) -> assertThat(request.body())
				.isEqualTo("{\"answers\":{\"internal_it\":\"tech_savvy_staff\","
						+ "\"support_wait\":\"often\",\"project_delays\":\"often\","
						+ "\"skills_gaps\":[\"cybersecurity\",\"compliance\"],\"coverage\":\"24x7\",\"security_complexity\":\"complex\"},"
						+ "\"contact\":{\"name\":\"Robin IT\",\"email\":\"robin@acme.example\"},"
						+ "\"consent\":{\"accepted\":true,\"textVersion\":\"2026-11-v1\"}}"));
	}

	@Test
	void anAnsweredOrExpiredLinkSaysSoAndAForgedOneIsNotFound() {
		assessment.respond("GET", "/api/submissions/colleague-invitations/expired.token",
				Response.json(OPEN_LINK.replace("\"open\"", "\"expired\"")));
		assertThat(mvc.get().uri("/assessment/colleague/expired.token")).hasStatus(410)
			.bodyText()
			.contains("This link has expired");
		assessment.respond("GET", "/api/submissions/colleague-invitations/answered.token",
				Response.json(OPEN_LINK.replace("\"open\"", "\"answered\"")));
		assertThat(mvc.get().uri("/assessment/colleague/answered.token")).hasStatus(410)
			.bodyText()
			.contains("These questions have been answered");
		assessment.respond("GET", "/api/submissions/colleague-invitations/forged.token", Response.status(404));
		assertThat(mvc.get().uri("/assessment/colleague/forged.token")).hasStatus(404);
	}

	@Test
	void theMergedResultShowsEachDisagreementWithBothAnswersAndWhichOneItUsed() {
		UUID id = UUID.randomUUID();
		assessment.respond("GET", "/api/submissions/" + id,
				Response.json(Fixtures.result(id).replaceFirst("\\{", ANSWERED)));
		assertThat(mvc.get().uri("/assessment/result/" + id + "?colleague=answered")).hasStatusOk()
			.bodyText()
			.contains("id=\"disagreements\"", "Two people answered for your company",
					"it uses the IT colleague&#39;s answer to the questions about the IT team and its needs, and the "
							+ "respondent&#39;s answer to the questions about the business",
					"Where the answers differ (2)", "How busy is your IT person or team?", "They keep up comfortably",
					"They cannot keep up; requests pile up", "Cybersecurity, Compliance and audits",
					"The IT colleague&#39;s: a question about the IT team and its needs", "your answers are in")
			.doesNotContain("id=\"colleague-email\"");
	}

	private List<Request> invitations(UUID id) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/submissions/" + id + "/colleague-invitations"))
			.toList();
	}

	private List<Request> answersSent() {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().endsWith("/answers") && request.method().equals("POST"))
			.toList();
	}

}
