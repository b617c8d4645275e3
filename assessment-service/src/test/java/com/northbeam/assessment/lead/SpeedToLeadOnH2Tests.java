package com.northbeam.assessment.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
 * Speed to lead on the embedded database of {@code ./run.sh} (the setup of
 * {@code EmbeddedDatabaseSmokeTests}, so the context is shared): the percentiles, the
 * overdue filter and check, a call as first contact.
 */
@SpringBootTest(
		properties = "spring.datasource.url=jdbc:h2:mem:assessment-smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureMockMvc
@Import(TokenTestConfiguration.class)
class SpeedToLeadOnH2Tests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	OverdueLeads overdue;

	@Test
	void speedToLeadWorksOnTheEmbeddedDatabase() {
		LeadFixtures leads = new LeadFixtures(mvc, jdbc, tokens, json);
		assertThat(mvc.put()
			.uri("/api/admin/response-target")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SpeedToLeadTests.ALWAYS)).hasStatusOk();
		Instant week = Instant.parse("2021-03-01T10:00:00Z");
		long[] seconds = { 600, 1200, 1800 };
		for (int i = 0; i < seconds.length; i++) {
			UUID lead = leads.insert("Done", "Co", "d@x.example", 10, "contacted", "co_managed", week.plusSeconds(i));
			jdbc.sql("update lead set first_contact_at = :at, first_contact_seconds = :seconds where id = :id")
				.param("at", OffsetDateTime.ofInstant(week.plusSeconds(seconds[i]), ZoneOffset.UTC))
				.param("seconds", seconds[i])
				.param("id", lead)
				.update();
		}
		JsonNode stats = leads.body(mvc.get()
			.uri("/api/stats/response-times?from=2021-03-01&to=2021-03-07")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange());
		assertThat(stats.get("weeks").get(0).get("medianSeconds").asDouble()).isEqualTo(1200.0);
		assertThat(stats.get("weeks").get(0).get("p90Seconds").asDouble()).isEqualTo(1680.0);
		assertThat(stats.get("owners").get(0).get("contacted").asLong()).isEqualTo(3);

		String tag = "h2stl" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		UUID late = leads.insert("Late " + tag, "Co", "l@x.example", 10, "new", "hybrid", now.minusSeconds(7200));
		UUID called = leads.insert("Called " + tag, "Co", "c@x.example", 10, "new", "hybrid", now.minusSeconds(9000));
		assertThat(mvc.post()
			.uri("/api/leads/{id}/notes", called)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Rang them\",\"kind\":\"call\"}")).hasStatus(201);
		assertThat(mvc.get().uri("/api/leads?overdue=true&q=" + tag).header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.containsExactly(late.toString());
		overdue.check();
		overdue.check();
		assertThat(jdbc.sql("select count(*) from outbox_event where kind = 'lead.overdue' and lead_id in (:ids)")
			.param("ids", List.of(late, called))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
