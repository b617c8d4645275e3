package com.northbeam.assessment;

import java.util.UUID;

import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the service exactly as {@code ./run.sh} does, on the embedded default database.
 */
@SpringBootTest(
		properties = "spring.datasource.url=jdbc:h2:mem:assessment-smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureMockMvc
@Import(TokenTestConfiguration.class)
class EmbeddedDatabaseSmokeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void startsOnTheEmbeddedDatabaseAndServesTheQuestionnaire() {
		assertThat(mvc.get().uri("/api/questionnaires/current")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.questions.length()")
			.isEqualTo(13);
		assertThat(mvc.get().uri("/api/questionnaires/1")).hasStatusOk();
		assertThat(mvc.get().uri("/api/questionnaires/99")).hasStatus(404);
		assertThat(mvc.get().uri("/readyz")).hasStatusOk();
	}

	@Test
	void takesSubmissionsOnceOnTheEmbeddedDatabase() {
		UUID id = UUID.randomUUID();
		String token = "Bearer " + tokens.token("gateway", "submissions:write", "submissions:read");
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(id))).hasStatus(201);
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(id))).hasStatus(200);
		assertThat(mvc.get().uri("/api/submissions/{id}", id).header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo(id.toString());
	}

	@Test
	void takesContactDetailsAfterTheResultOnceOnTheEmbeddedDatabase() {
		UUID id = UUID.randomUUID();
		String token = "Bearer " + tokens.token("gateway", "submissions:write", "submissions:read");
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.contactLater(id))).hasStatus(201);
		for (int expected : new int[] { 201, 200 }) {
			assertThat(mvc.put()
				.uri("/api/submissions/{id}/contact", id)
				.header(HttpHeaders.AUTHORIZATION, token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(SubmissionBodies.lateContact("lee@later.example"))).hasStatus(expected);
		}
		assertThat(jdbc.sql("select recommendation from lead where submission_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("co_managed");
	}

	@Test
	void worksLeadsFunnelAndNotificationsOnTheEmbeddedDatabase() {
		LeadFixtures leads = new LeadFixtures(mvc, jdbc, tokens, json);
		UUID submission = leads.submit();
		leads.submit();
		UUID lead = leads.leadOf(submission);
		JsonNode first = leads.body(mvc.get()
			.uri("/api/leads?limit=1&sort=newest")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange());
		String cursor = first.get("nextCursor").asString();
		assertThat(mvc.get()
			.uri("/api/leads?limit=1&sort=newest&q=prospect&after=" + cursor)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items.length()")
			.isEqualTo(1);
		assertThat(mvc.post()
			.uri("/api/leads/{id}/status", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"status\":\"contacted\"}")).hasStatusOk();
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"preferredTimes\":\"Mornings\"}")).hasStatus(201);
		assertThat(mvc.post()
			.uri("/api/events")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"assessment_started\",\"count\":3}")).hasStatus(202);
		assertThat(mvc.get().uri("/api/stats/funnel?granularity=week").header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatusOk();
		assertThat(mvc.get().uri("/api/stats/pipeline").header(HttpHeaders.AUTHORIZATION, leads.sales())).hasStatusOk();
		assertThat(mvc.get().uri("/api/leads/export.csv").header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatusOk();
		// The local default has no SMTP server: attempts fail, are recorded and wait for
		// a retry.
		assertThat(mvc.post().uri("/api/admin/notifications/dispatch").header(HttpHeaders.AUTHORIZATION, leads.admin()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.attempts")
			.asNumber()
			.isNotEqualTo(0);
		// (The sales inbox is then paused: its other deliveries wait with no attempt.)
		JsonNode deliveries = leads
			.body(mvc.get()
				.uri("/api/admin/notifications/deliveries?limit=20")
				.header(HttpHeaders.AUTHORIZATION, leads.admin())
				.exchange())
			.get("items");
		assertThat(deliveries).anySatisfy((delivery) -> {
			assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
			assertThat(delivery.get("channel").asString()).isEqualTo("email");
		});
		assertThat(mvc.post().uri("/api/admin/leads/{id}/erase", lead).header(HttpHeaders.AUTHORIZATION, leads.admin()))
			.hasStatusOk();
	}

}
