package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The wizard with the contact step after the result: the result first, a lead only once
 * details are left.
 */
@SpringBootTest(properties = "gateway.assessment.contact-step=after")
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ContactAfterResultTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	OutboundForwarder forwarder;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
	}

	@Test
	void theWizardEndsWithoutTheContactStepAndTheResultAsksForContactDetails() {
		UUID id = finishWizard();

		assertThat(assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.body().contains(id.toString()))
			.toList()).singleElement().satisfies((request) -> {
				assertThat(request.body()).contains("\"contactLater\":true", "\"employees\":\"11-50\"")
					.doesNotContain("\"contact\"", "\"consent\"");
			});
		assertThat(mvc.get().uri("/assessment/result/" + id)).hasStatusOk()
			.bodyText()
			.contains("We recommend co-managed IT", "id=\"contact\"",
					"action=\"/assessment/result/" + id + "/contact\"", "name=\"email\"", "name=\"consent\"",
					"I agree that the managed IT services provider")
			.doesNotContain("name=\"preferredTimes\"");
	}

	@Test
	void badContactDetailsAreShownNextToTheirFieldsAndNothingIsSent() {
		UUID id = finishWizard();

		MvcTestResult refused = mvc.post()
			.uri("/assessment/result/" + id + "/contact")
			.with(csrf())
			.param("name", "")
			.param("email", "not-an-email")
			.param("company", "Acme Ltd")
			.exchange();

		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("Please check your details", "href=\"#field-name\"", "href=\"#field-email\"",
					"href=\"#field-consent\"", "value=\"Acme Ltd\"", "value=\"not-an-email\"");
		assertThat(contactCalls(id)).isEmpty();
	}

	@Test
	void contactDetailsBecomeALeadAndThenTheConsultationFormShows() {
		UUID id = finishWizard();
		assessment.respond("PUT", "/api/submissions/" + id + "/contact",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));

		assertThat(giveContact(id)).hasRedirectedUrl("/assessment/result/" + id + "?contact=sent#consultation");

		assertThat(contactCalls(id)).singleElement()
			.satisfies((request) -> assertThat(request.body())
				.contains("\"email\":\"dana@example.com\"", "\"name\":\"Dana Prospect\"", "\"accepted\":true",
						"\"textVersion\":\"2026-11-v1\"")
				.doesNotContain("screening"));
		assertThat(mvc.get().uri("/assessment/result/" + id + "?contact=sent")).bodyText()
			.contains("we have your details", "name=\"preferredTimes\"")
			.doesNotContain("id=\"contact\"");
	}

	@Test
	void contactDetailsWithTheHoneypotFilledAreSentForQuarantineAndTheVisitorSeesTheSamePage() {
		UUID id = finishWizard();
		assessment.respond("PUT", "/api/submissions/" + id + "/contact",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));

		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/contact")
			.with(csrf())
			.param("name", "Dana Prospect")
			.param("email", "dana@example.com")
			.param("company", "Acme Ltd")
			.param("consent", "true")
			.param("website", "https://autofill.example"))
			.hasRedirectedUrl("/assessment/result/" + id + "?contact=sent#consultation");

		assertThat(contactCalls(id)).singleElement()
			.satisfies((request) -> assertThat(request.body()).contains("\"email\":\"dana@example.com\"",
					"\"screening\":{\"reasons\":[\"honeypot\"]}"));
	}

	@Test
	void contactDetailsGivenWhileTheServiceIsDownAreKeptOnceAndForwardedLater() {
		UUID id = finishWizard();
		assessment.respond("PUT", "/api/submissions/" + id + "/contact", Response.status(503));

		assertThat(giveContact(id)).hasRedirectedUrl("/assessment/result/" + id + "?contact=sent#consultation");
		assertThat(giveContact(id)).hasRedirectedUrl("/assessment/result/" + id + "?contact=sent#consultation");
		assertThat(mvc.get().uri("/assessment/result/" + id)).bodyText()
			.contains("name=\"preferredTimes\"")
			.doesNotContain("id=\"contact\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE kind = 'CONTACT' AND submission_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		assessment.respond("PUT", "/api/submissions/" + id + "/contact",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		jdbc.sql("UPDATE outbound_request SET next_attempt_at = :now")
			.param("now", OffsetDateTime.now().minusSeconds(1))
			.update();
		forwarder.forwardDue();

		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM outbound_request WHERE kind = 'CONTACT' AND submission_id = :id "
					+ "AND delivered_at IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(contactCalls(id)).last()
			.satisfies((request) -> assertThat(request.body()).contains("dana@example.com"));
	}

	@Test
	void aConsultationRequestBeforeContactDetailsLeadsToTheContactForm() {
		UUID id = finishWizard();

		assertThat(mvc.post()
			.uri("/assessment/result/" + id + "/consultation")
			.with(csrf())
			.param("preferredTimes", "Tuesday mornings")).hasRedirectedUrl("/assessment/result/" + id + "#contact");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE submission_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Answers every step of the wizard; the service takes the submission and knows no
	 * contact details yet.
	 */
	private UUID finishWizard() {
		Cookie draft = mvc.get().uri("/assessment").exchange().getResponse().getCookie(WizardController.COOKIE);
		assertThat(mvc.get().uri("/assessment").cookie(draft)).bodyText().contains("Step 1 of 5");
		UUID draftId = UUID.fromString(draft.getValue());
		UUID id = jdbc.sql("SELECT submission_id FROM assessment_draft WHERE id = :id")
			.param("id", draftId)
			.query(UUID.class)
			.single();
		String withoutContact = Fixtures.result(id).replaceFirst("\\{", "{\"contactGiven\":false,");
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", withoutContact, Duration.ZERO));
		assessment.respond("GET", "/api/submissions/" + id, Response.json(withoutContact));
		jdbc.sql("UPDATE assessment_draft SET started_at = :then WHERE id = :id")
			.param("then", OffsetDateTime.now().minusMinutes(5))
			.param("id", draftId)
			.update();
		List<Map<String, List<String>>> steps = WizardControllerTests.VALID_STEPS.subList(0, 5);
		MvcTestResult last = null;
		for (int i = 0; i < steps.size(); i++) {
			var request = mvc.post()
				.uri("/assessment")
				.with(csrf())
				.cookie(draft)
				.param("step", Integer.toString(i))
				.param("action", "next");
			steps.get(i).forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
			last = request.exchange();
			assertThat(last).hasStatus3xxRedirection();
		}
		assertThat(last).hasRedirectedUrl("/assessment/result/" + id);
		return id;
	}

	private List<FakeHttpServer.Request> contactCalls(UUID id) {
		return assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("PUT") && r.path().equals("/api/submissions/" + id + "/contact"))
			.toList();
	}

	private MvcTestResult giveContact(UUID id) {
		return mvc.post()
			.uri("/assessment/result/" + id + "/contact")
			.with(csrf())
			.param("name", "Dana Prospect")
			.param("email", "dana@example.com")
			.param("company", "Acme Ltd")
			.param("consent", "true")
			.exchange();
	}

}
