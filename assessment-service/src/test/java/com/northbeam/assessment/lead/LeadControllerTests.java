package com.northbeam.assessment.lead;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class LeadControllerTests {

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

	private JsonNode get(String uri, Object... vars) {
		MvcTestResult result = mvc.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, leads.sales()).exchange();
		assertThat(result).hasStatusOk();
		return leads.body(result);
	}

	private MvcTestResult post(String uri, String body, Object... vars) {
		return mvc.post()
			.uri(uri, vars)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	@Test
	void filtersByStatusRecommendationOwnerPriorityCreatedAndText() {
		String tag = "flt" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		UUID a = leads.insert("Ada " + tag, "Acme", "ada@acme.example", 90, "new", "co_managed", now.minusSeconds(10));
		UUID b = leads.insert("Bo", "Bolt " + tag.toUpperCase(), "bo@bolt.example", 40, "contacted", "fully_managed",
				now.minusSeconds(86400 * 3));
		UUID c = leads.insert("Cy", "Cyan", "cy-" + tag + "@cyan.example", 70, "lost", "hybrid", now.minusSeconds(5));
		jdbc.sql("update lead set owner = 'owner@northbeam.test' where id = :id").param("id", b).update();
		String base = "/api/leads?q=" + tag;
		assertThat(ids(get(base))).containsExactly(a.toString(), c.toString(), b.toString());
		assertThat(ids(get(base + "&sort=newest"))).containsExactly(c.toString(), a.toString(), b.toString());
		assertThat(ids(get(base + "&status=new&status=lost"))).containsExactly(a.toString(), c.toString());
		assertThat(ids(get(base + "&recommendation=fully_managed"))).containsExactly(b.toString());
		assertThat(ids(get(base + "&owner=owner@northbeam.test"))).containsExactly(b.toString());
		assertThat(ids(get(base + "&owner=none"))).containsExactly(a.toString(), c.toString());
		assertThat(ids(get(base + "&minPriority=50&maxPriority=80"))).containsExactly(c.toString());
		assertThat(ids(get(base + "&createdFrom=" + now.minusSeconds(60)))).containsExactly(a.toString(), c.toString());
		assertThat(ids(get(base + "&createdTo=" + now.minusSeconds(60)))).containsExactly(b.toString());
		JsonNode row = get(base + "&status=new").get("items").get(0);
		assertThat(row.get("name").asString()).isEqualTo("Ada " + tag);
		assertThat(row.get("company").asString()).isEqualTo("Acme");
		assertThat(row.get("email").asString()).isEqualTo("ada@acme.example");
		assertThat(row.get("recommendation").asString()).isEqualTo("co_managed");
		assertThat(row.get("priority").asInt()).isEqualTo(90);
		assertThat(row.get("status").asString()).isEqualTo("new");
		assertThat(row.get("source").asString()).isEqualTo("direct");
		assertThat(row.has("owner")).isTrue();
		assertThat(row.has("createdAt")).isTrue();
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where action = 'leads.listed' and actor = :actor and detail like :tag")
			.param("actor", LeadFixtures.SALES)
			.param("tag", "%" + tag + "%")
			.query(Integer.class)
			.single()).isEqualTo(10);
	}

	@Test
	void refusesBadFiltersNamingEachField() {
		assertThat(mvc.get()
			.uri("/api/leads?status=open&recommendation=x&minPriority=101&createdFrom=yesterday&sort=oldest&limit=0")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("status", "recommendation", "minPriority", "createdFrom");
		assertThat(mvc.get().uri("/api/leads?after=bm9wZQ").header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("after");
	}

	@Test
	void keysetPagesHaveNoDuplicatesOrGapsWhileLeadsArrive() {
		for (String sort : List.of("priority", "newest")) {
			String tag = "page" + UUID.randomUUID().toString().substring(0, 8);
			Random random = new Random(42);
			Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3600);
			Set<String> originals = new HashSet<>();
			for (int i = 0; i < 45; i++) {
				// Ties on purpose: few priorities, and pairs of leads created at the same
				// microsecond.
				int priority = 10 + 10 * random.nextInt(5);
				originals.add(
						leads
							.insert("Lead " + i, "Co " + tag, "l" + i + "@x.example", priority, "new", "co_managed",
									base.plusSeconds(i / 2))
							.toString());
			}
			List<String> seen = new ArrayList<>();
			Set<String> arrivedBehind = new HashSet<>();
			String cursor = null;
			int pages = 0;
			do {
				JsonNode page = get("/api/leads?q=" + tag + "&sort=" + sort + "&limit=7"
						+ ((cursor != null) ? "&after=" + cursor : ""));
				seen.addAll(ids(page));
				cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
				if (cursor == null) {
					break;
				}
				// New leads arrive between pages: one ahead of every cursor (must not
				// show up later),
				// and on the priority sort one behind everything so far (must show up
				// once).
				leads.insert("New ahead " + pages, "Co " + tag, "n@x.example", 100, "new", "co_managed", Instant.now());
				if ("priority".equals(sort)) {
					arrivedBehind.add(
							leads
								.insert("New behind " + pages, "Co " + tag, "b@x.example", 0, "new", "co_managed",
										base.minus(java.time.Duration.ofDays(1 + pages)))
								.toString());
				}
				pages++;
			}
			while (cursor != null && pages < 50);
			assertThat(cursor).as(sort).isNull();
			assertThat(seen).as(sort).doesNotHaveDuplicates();
			assertThat(seen).as(sort).containsAll(originals);
			assertThat(seen).as(sort).containsAll(arrivedBehind);
			assertThat(seen.stream().filter((id) -> !originals.contains(id) && !arrivedBehind.contains(id))).as(sort)
				.isEmpty();
			// The pages, concatenated, are in the order the full list has now.
			List<String> full = ids(get("/api/leads?q=" + tag + "&sort=" + sort + "&limit=200"));
			assertThat(full.stream().filter(seen::contains).toList()).as(sort).isEqualTo(seen);
		}
	}

	@Test
	void detailShowsContactAnswersResultCostAttributionAndTimelineAndIsAudited() {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		JsonNode detail = get("/api/leads/{id}", lead);
		assertThat(detail.get("id").asString()).isEqualTo(lead.toString());
		assertThat(detail.get("version").asInt()).isZero();
		assertThat(detail.get("contact").get("email").asString()).isEqualTo("dana@prospect.example");
		assertThat(detail.get("status").asString()).isEqualTo("new");
		assertThat(detail.get("answers").get(0).get("question").asString()).isNotBlank();
		assertThat(detail.get("answers").get(0).get("values").get(0).get("label").asString()).isNotBlank();
		assertThat(detail.get("result").get("fit").has("co_managed")).isTrue();
		assertThat(detail.get("result").get("factors").isArray()).isTrue();
		assertThat(detail.get("cost").isObject()).isTrue();
		assertThat(detail.get("priorityFactors").isArray()).isTrue();
		assertThat(detail.get("attribution").get("utm_source").asString()).isEqualTo("newsletter");
		assertThat(detail.get("consultation").isNull()).isTrue();
		assertThat(detail.get("timeline").get(0).get("kind").asString()).isEqualTo("created");
		assertThat(detail.get("erased").asBoolean()).isFalse();
		assertThat(jdbc
			.sql("select count(*) from audit_entry where lead_id = :id and action = 'lead.read' and actor = :actor")
			.param("id", lead)
			.param("actor", LeadFixtures.SALES)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri("/api/leads/{id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatus(404);
	}

	@Test
	void pipelineMovesAssignmentsAndNotesAreVersionedAuditedAndOnTheTimeline() {
		UUID lead = leads.leadOf(leads.submit());
		assertThat(post("/api/leads/{id}/status", "{\"version\":0,\"status\":\"contacted\"}", lead)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);
		assertThat(post("/api/leads/{id}/owner", "{\"version\":1,\"owner\":\"kim@northbeam.test\"}", lead))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.owner")
			.isEqualTo("kim@northbeam.test");
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Called, wants a proposal\"}", lead)).hasStatus(201);
		// Lost needs a reason; backwards moves are refused with the current state.
		assertThat(post("/api/leads/{id}/status", "{\"version\":2,\"status\":\"lost\"}", lead)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("lostReason");
		assertThat(post("/api/leads/{id}/status", "{\"version\":2,\"status\":\"new\"}", lead)).hasStatus(409)
			.bodyJson()
			.extractingPath("$.current.status")
			.isEqualTo("contacted");
		assertThat(
				post("/api/leads/{id}/status", "{\"version\":2,\"status\":\"lost\",\"lostReason\":\"Budget\"}", lead))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.lostReason")
			.isEqualTo("Budget");
		// Reopening a lost lead goes back to contacted.
		assertThat(post("/api/leads/{id}/status", "{\"version\":3,\"status\":\"contacted\"}", lead)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.lostReason")
			.isNull();
		JsonNode detail = get("/api/leads/{id}", lead);
		List<String> kinds = new ArrayList<>();
		detail.get("timeline").forEach((entry) -> kinds.add(entry.get("kind").asString()));
		assertThat(kinds).containsExactly("created", "status", "assigned", "note", "status", "status");
		assertThat(detail.get("timeline").get(1).get("actor").asString()).isEqualTo(LeadFixtures.SALES);
		assertThat(jdbc.sql("select count(*) from audit_entry where lead_id = :id and action = 'lead.changed'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void aStaleVersionGets409WithTheCurrentLeadAndOverwritesNothing() {
		UUID lead = leads.leadOf(leads.submit());
		assertThat(post("/api/leads/{id}/owner", "{\"version\":0,\"owner\":\"first@northbeam.test\"}", lead))
			.hasStatusOk();
		MvcTestResult stale = post("/api/leads/{id}/owner", "{\"version\":0,\"owner\":\"second@northbeam.test\"}",
				lead);
		assertThat(stale).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = leads.body(stale);
		assertThat(problem.get("current").get("owner").asString()).isEqualTo("first@northbeam.test");
		assertThat(problem.get("current").get("version").asInt()).isEqualTo(1);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(post("/api/leads/{id}/status", "{\"version\":0,\"status\":\"contacted\"}", lead)).hasStatus(409);
		JsonNode detail = get("/api/leads/{id}", lead);
		assertThat(detail.get("owner").asString()).isEqualTo("first@northbeam.test");
		assertThat(detail.get("status").asString()).isEqualTo("new");
	}

	@Test
	void twoConcurrentEditsOfTheSameVersionLetExactlyOneWin() throws Exception {
		UUID lead = leads.leadOf(leads.submit());
		List<Thread> threads = new ArrayList<>();
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
		for (int i = 0; i < 4; i++) {
			String owner = "owner" + i + "@northbeam.test";
			Thread thread = new Thread(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				statuses.add(
						post("/api/leads/{id}/owner", "{\"version\":0,\"owner\":\"" + owner + "\"}", lead).getResponse()
							.getStatus());
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
		assertThat(get("/api/leads/{id}", lead).get("version").asInt()).isEqualTo(1);
	}

	@Test
	void csvExportStreamsEveryMatchingLeadWithFormulasNeutralisedAndIsAudited() throws Exception {
		String tag = "csv" + UUID.randomUUID().toString().substring(0, 8);
		leads.insert("=HYPERLINK(\"http://evil\")", "+Corp " + tag, "@x@evil.example", 50, "new", "hybrid",
				Instant.now().minusSeconds(5));
		leads.insert("-2+3", "Plain, Inc " + tag, "plain@x.example", 40, "new", "hybrid", Instant.now());
		leads.insert("\tTabbed", "Tab " + tag, "tab@x.example", 30, "new", "hybrid", Instant.now());
		MvcTestResult result = mvc.get()
			.uri("/api/leads/export.csv?q=" + tag)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		String[] lines = result.getResponse().getContentAsString().split("\r\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[0]).startsWith("id,createdAt,name,company,email");
		assertThat(lines[1]).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",'+Corp " + tag + ",'@x@evil.example,");
		assertThat(lines[2]).contains(",'-2+3,\"Plain, Inc " + tag + "\",plain@x.example,");
		assertThat(lines[3]).contains(",'\tTabbed,");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'leads.exported' and detail like :tag")
			.param("tag", "%" + tag + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aConsultationRequestAttachesToTheLeadOnceAndIsOnTheTimeline() {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		String body = "{\"preferredTimes\":[\"Tue morning\",\"Thu 14:00\"],\"message\":\"Call me\"}";
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post()
				.uri("/api/submissions/{id}/consultation", submission)
				.header(HttpHeaders.AUTHORIZATION, leads.gateway())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatus(201);
		}
		JsonNode detail = get("/api/leads/{id}", lead);
		assertThat(detail.get("consultation").get("preferredTimes").asString()).isEqualTo("Tue morning; Thu 14:00");
		assertThat(detail.get("consultation").get("message").asString()).isEqualTo("Call me");
		List<String> kinds = new ArrayList<>();
		detail.get("timeline").forEach((entry) -> kinds.add(entry.get("kind").asString()));
		assertThat(kinds).containsExactly("created", "consultation");
		assertThat(jdbc.sql("select count(*) from outbox_event where lead_id = :id and kind = 'consultation.requested'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(404);
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + "x".repeat(2001) + "\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("message");
	}

	@Test
	void aConsultationRequestThatLooksAutomatedIsKeptOnTheTimelineButNotifiesNobody() {
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"preferredTimes\":\"Mondays\",\"screening\":{\"reasons\":[\"honeypot\"]}}")).hasStatus(201);

		JsonNode detail = get("/api/leads/{id}", lead);
		assertThat(detail.get("consultation").get("preferredTimes").asString()).isEqualTo("Mondays");
		JsonNode entry = detail.get("timeline").get(detail.get("timeline").size() - 1);
		assertThat(entry.get("kind").asString()).isEqualTo("consultation");
		assertThat(entry.get("detail").asString()).startsWith("held, looks automated").contains("Mondays");
		assertThat(jdbc.sql("select count(*) from outbox_event where lead_id = :id and kind = 'consultation.requested'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isZero();
		assertThat(mvc.post()
			.uri("/api/submissions/{id}/consultation", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"preferredTimes\":\"Tuesdays\",\"screening\":{\"reasons\":[\"made_up\"]}}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("screening.reasons");
		assertThat(get("/api/leads/{id}", lead).get("consultation").get("preferredTimes").asString())
			.isEqualTo("Mondays");
	}

	@Test
	void aNewLeadWritesItsOutboxEventWithTheLead() {
		UUID lead = leads.leadOf(leads.submit());
		assertThat(jdbc.sql("select count(*) from outbox_event where lead_id = :id and kind = 'lead.created'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
