package com.northbeam.assessment.funnel;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class FunnelControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	LeadFixtures leads;

	@BeforeEach
	void fixtures() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
	}

	private void event(String body) {
		assertThat(mvc.post()
			.uri("/api/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "events:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(202);
	}

	private JsonNode get(String uri) {
		return leads.body(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, leads.sales()).exchange());
	}

	private static JsonNode today(JsonNode funnel) {
		JsonNode buckets = funnel.get("buckets");
		return buckets.get(buckets.size() - 1);
	}

	@Test
	void anonymousEventsAndLeadsMakeTheFunnel() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		JsonNode before = get("/api/stats/funnel?from=" + today + "&to=" + today);
		event("{\"type\":\"article_viewed\",\"article\":\"co-managed-vs-fully-managed-it\"}");
		event("{\"type\":\"article_viewed\",\"article\":\"break-fix-vs-managed-it\"}");
		event("{\"type\":\"assessment_started\"}");
		event("{\"type\":\"step_completed\",\"step\":\"company\"}");
		event("{\"type\":\"submitted\"}");
		leads.submit();
		JsonNode after = get("/api/stats/funnel?from=" + today + "&to=" + today);
		assertThat(after.get("buckets").size()).isEqualTo(1);
		assertThat(today(after).get("start").asString()).isEqualTo(today);
		for (String[] metric : new String[][] { { "visits", "2" }, { "starts", "1" }, { "completions", "1" },
				{ "leads", "1" } }) {
			assertThat(today(after).get(metric[0]).asLong() - today(before).get(metric[0]).asLong()).as(metric[0])
				.isEqualTo(Long.parseLong(metric[1]));
		}
		JsonNode company = after.get("dropOffByStep").get(0);
		assertThat(company.get("step").asString()).isEqualTo("company");
		assertThat(company.get("completed").asLong() - before.get("dropOffByStep").get(0).get("completed").asLong())
			.isEqualTo(1);
		assertThat(after.get("dropOffByStep").get(1).get("entered").asLong())
			.isEqualTo(company.get("completed").asLong());
		assertThat(after.get("leadsByRecommendation").has("co_managed")).isTrue();
		assertThat(after.get("leadsBySource").toString()).contains("newsletter");
		// No personal data and no identifiers are stored with an event.
		assertThat(jdbc.sql("select count(*) from funnel_event where article = 'break-fix-vs-managed-it'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void countedEventsAddTheirCountsToTheFunnel() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		JsonNode before = get("/api/stats/funnel?from=" + today + "&to=" + today);
		event("{\"type\":\"article_viewed\",\"article\":\"what-managed-it-services-include\",\"count\":250}");
		event("{\"type\":\"article_viewed\",\"article\":\"what-managed-it-services-include\"}");
		event("{\"type\":\"assessment_started\",\"count\":12}");
		event("{\"type\":\"step_completed\",\"step\":\"company\",\"count\":7}");
		event("{\"type\":\"submitted\",\"count\":1}");
		event("{\"type\":\"api_started\",\"count\":30}");
		event("{\"type\":\"api_submitted\",\"count\":24}");
		JsonNode after = get("/api/stats/funnel?from=" + today + "&to=" + today);
		// Starts and submissions through the JSON API are counted apart from the
		// wizard's.
		for (String[] metric : new String[][] { { "visits", "251" }, { "starts", "12" }, { "completions", "1" },
				{ "apiStarts", "30" }, { "apiSubmissions", "24" } }) {
			assertThat(today(after).get(metric[0]).asLong() - today(before).get(metric[0]).asLong()).as(metric[0])
				.isEqualTo(Long.parseLong(metric[1]));
		}
		assertThat(after.get("dropOffByStep").get(0).get("completed").asLong()
				- before.get("dropOffByStep").get(0).get("completed").asLong())
			.isEqualTo(7);
		// One row per post, however many views it stands for.
		assertThat(jdbc.sql("select count(*) from funnel_event where article = 'what-managed-it-services-include'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aCountIsFromOneToAMillion() {
		for (String count : new String[] { "0", "-3", "1000001", "3000000000" }) {
			assertThat(mvc.post()
				.uri("/api/events")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "events:write"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"assessment_started\",\"count\":" + count + "}")).as(count)
				.hasStatus(400)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[*].field")
				.asArray()
				.containsExactly("count");
		}
		event("{\"type\":\"article_viewed\",\"article\":\"it-services\",\"count\":1000000}");
		assertThat(jdbc.sql("select sum(occurrences) from funnel_event where article = 'it-services'")
			.query(Long.class)
			.single()).isEqualTo(1_000_000L);
	}

	@Test
	void weeksStartOnMonday() {
		JsonNode weekly = get("/api/stats/funnel?from=2026-11-01&to=2026-11-30&granularity=week");
		assertThat(weekly.get("buckets").get(0).get("start").asString()).isEqualTo("2026-10-26");
		assertThat(weekly.get("buckets").size()).isEqualTo(6);
	}

	@Test
	void badEventsAndRangesAreRefusedNamingTheField() {
		assertThat(mvc.post()
			.uri("/api/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "events:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"clicked\",\"article\":\"<script>\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("type", "article");
		assertThat(mvc.post()
			.uri("/api/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "events:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"step_completed\",\"step\":\"nowhere\"}")).hasStatus(400);
		assertThat(mvc.get()
			.uri("/api/stats/funnel?from=2026-12-01&to=2026-11-01&granularity=month")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("from", "granularity");
		assertThat(mvc.post()
			.uri("/api/events")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"submitted\"}")).hasStatus(403);
	}

	@Test
	void pipelineStatisticsCountLeadsByStatus() {
		JsonNode before = get("/api/stats/pipeline");
		leads.submit();
		JsonNode after = get("/api/stats/pipeline");
		assertThat(after.get("byStatus").get("new").asLong() - before.get("byStatus").get("new").asLong()).isEqualTo(1);
		assertThat(after.get("newThisWeek").asLong() - before.get("newThisWeek").asLong()).isEqualTo(1);
		assertThat(after.get("byStatus").has("won")).isTrue();
		assertThat(after.get("conversionRate").isNumber()).isTrue();
	}

}
