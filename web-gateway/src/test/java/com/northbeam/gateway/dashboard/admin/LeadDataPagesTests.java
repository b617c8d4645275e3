package com.northbeam.gateway.dashboard.admin;

import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadDataPagesTests {

	private static final String ERASE = "/api/admin/leads/" + AdminFakes.LEAD + "/erase";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		AdminFakes.answerAll(assessment);
	}

	@Test
	void aPastedLeadIdOffersExportAndErasure() {
		assertThat(mvc.get().uri("/dashboard/admin/leads?leadId= " + AdminFakes.LEAD + " ").with(AdminFakes.admin()))
			.hasStatusOk()
			.bodyText()
			.contains("action=\"/dashboard/admin/leads/" + AdminFakes.LEAD + "/export\"",
					"action=\"/dashboard/admin/leads/" + AdminFakes.LEAD + "/erase\"");
	}

	@Test
	void somethingThatIsNotALeadIdIsShownNextToTheField() {
		assertThat(mvc.get().uri("/dashboard/admin/leads?leadId=<b>nope</b>").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("id=\"leadId-error\"", "This is not a lead id", "value=\"&lt;b&gt;nope&lt;/b&gt;\"")
			.doesNotContain("/export\"");
	}

	@Test
	void exportDownloadsTheServicesJsonMadeForTheSignedInAdmin() {
		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/export")
			.with(AdminFakes.admin())
			.with(csrf())).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.hasHeader("Content-Disposition", "attachment; filename=\"lead-" + AdminFakes.LEAD + ".json\"")
			.bodyText()
			.isEqualTo("{\"lead\":{\"id\":\"" + AdminFakes.LEAD + "\",\"name\":\"Pat Doe\"}}");
		assertThat(TokenClaims.subjects(assessment, "/api/admin/leads/" + AdminFakes.LEAD + "/export")).last()
			.isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void erasingAsksForConfirmationFirst() {
		long erasedBefore = erasures();

		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/erase")
			.with(AdminFakes.admin())
			.with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Erase this lead?", "name=\"confirm\" value=\"erase\"", AdminFakes.LEAD);
		assertThat(erasures()).isEqualTo(erasedBefore);

		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/erase")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("confirm", "erase")).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/dashboard/admin/leads");
		assertThat(erasures()).isEqualTo(erasedBefore + 1);
		assertThat(TokenClaims.subjects(assessment, ERASE)).last().isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void erasingALeadAlsoDeletesWhatTheGatewayStillQueuesOfItsSubmission() {
		UUID submission = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO outbound_request (id, kind, submission_id, payload, created_at, attempts, next_attempt_at)
				VALUES (:id, 'CONTACT', :submission, '{"contact":{"email":"pat@example.com"}}', now(), 3,
				        now() + interval '1 hour')""")
			.param("id", UUID.randomUUID())
			.param("submission", submission)
			.update();
		assessment.respond("POST", ERASE, FakeHttpServer.Response.json("{\"id\":\"" + AdminFakes.LEAD
				+ "\",\"submissionId\":\"" + submission + "\",\"erased\":true,\"alreadyErased\":false}"));

		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + AdminFakes.LEAD + "/erase")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("confirm", "erase")).hasStatus3xxRedirection();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE submission_id = :submission")
			.param("submission", submission)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnknownLeadIsShownAsSuch() {
		UUID unknown = UUID.randomUUID();

		assertThat(mvc.post()
			.uri("/dashboard/admin/leads/" + unknown + "/erase")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("confirm", "erase")).hasStatus(404).bodyText().contains("No lead has this id");
		assertThat(
				mvc.post().uri("/dashboard/admin/leads/" + unknown + "/export").with(AdminFakes.admin()).with(csrf()))
			.hasStatus(404)
			.bodyText()
			.contains("No lead has this id");
	}

	private long erasures() {
		return assessment.requests().stream().filter((request) -> request.path().equals(ERASE)).count();
	}

}
