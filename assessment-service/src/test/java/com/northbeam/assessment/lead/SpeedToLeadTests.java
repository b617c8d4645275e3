package com.northbeam.assessment.lead;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * Speed to lead on PostgreSQL: first contact recorded by a move out of new or a call or
 * email note, how long each lead waited in the list, the overdue filter, the overdue
 * check announcing each lead exactly once however many run it at the same time, and the
 * response-time statistics. The target here counts every hour of every day, so working
 * time is time on the clock.
 */
@AssessmentServiceTest
class SpeedToLeadTests {

	static final String ALWAYS = "{\"minutes\":60,\"timeZone\":\"UTC\",\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
			+ "\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"start\":\"00:00\",\"end\":\"00:00\"}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	OverdueLeads overdue;

	LeadFixtures leads;

	Instant now;

	@BeforeEach
	void setUp() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
		assertThat(mvc.put()
			.uri("/api/admin/response-target")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ALWAYS)).hasStatusOk();
		now = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private MvcTestResult post(String uri, String body, Object... vars) {
		return mvc.post()
			.uri(uri, vars)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private JsonNode get(String uri, Object... vars) {
		MvcTestResult result = mvc.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, leads.sales()).exchange();
		assertThat(result).hasStatusOk();
		return leads.body(result);
	}

	private UUID waiting(String tag, Duration waited) {
		return leads.insert("Wait " + tag, "Co " + tag, tag + "@x.example", 50, "new", "co_managed", now.minus(waited));
	}

	private Map<String, Object> contactOf(UUID lead) {
		return jdbc.sql("select first_contact_at, first_contact_seconds from lead where id = :id")
			.param("id", lead)
			.query()
			.singleRow();
	}

	@Test
	void theFirstMoveOutOfNewIsTheFirstContactAndLaterMovesKeepIt() {
		UUID lead = waiting(tag(), Duration.ofMinutes(25));
		assertThat(post("/api/leads/{id}/status", "{\"version\":0,\"status\":\"contacted\"}", lead)).hasStatusOk();
		Map<String, Object> first = contactOf(lead);
		assertThat(first.get("first_contact_at")).isNotNull();
		assertThat((Long) first.get("first_contact_seconds")).isBetween(25 * 60L, 25 * 60L + 30);

		assertThat(post("/api/leads/{id}/status", "{\"version\":1,\"status\":\"qualified\"}", lead)).hasStatusOk();
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Called back\",\"kind\":\"call\"}", lead)).hasStatus(201);
		assertThat(contactOf(lead)).isEqualTo(first);
		JsonNode detail = get("/api/leads/{id}", lead).get("response");
		assertThat(detail.get("firstContactSeconds").asLong()).isEqualTo(first.get("first_contact_seconds"));
		assertThat(detail.get("waitingSeconds").isNull()).isTrue();
		assertThat(detail.get("overdue").asBoolean()).isFalse();
		assertThat(detail.get("targetMinutes").asInt()).isEqualTo(60);
	}

	@Test
	void aCallOrEmailNoteIsAFirstContactAndAPlainNoteIsNot() {
		String tag = tag();
		UUID noted = waiting(tag + "a", Duration.ofMinutes(10));
		UUID called = waiting(tag + "b", Duration.ofMinutes(20));
		UUID emailed = waiting(tag + "c", Duration.ofMinutes(30));
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Looked them up\"}", noted)).hasStatus(201)
			.bodyJson()
			.extractingPath("$.kind")
			.isEqualTo("note");
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Rang, no answer\",\"kind\":\"call\"}", called))
			.hasStatus(201)
			.bodyJson()
			.extractingPath("$.kind")
			.isEqualTo("call");
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Sent the guide\",\"kind\":\"email\"}", emailed))
			.hasStatus(201);
		assertThat(contactOf(noted).get("first_contact_at")).isNull();
		assertThat((Long) contactOf(called).get("first_contact_seconds")).isBetween(20 * 60L, 20 * 60L + 30);
		assertThat((Long) contactOf(emailed).get("first_contact_seconds")).isBetween(30 * 60L, 30 * 60L + 30);
		List<String> kinds = new ArrayList<>();
		get("/api/leads/{id}", called).get("timeline").forEach((entry) -> kinds.add(entry.get("kind").asString()));
		assertThat(kinds).containsExactly("created", "call");
	}

	@Test
	void aNoteOfAnUnknownKindIsRefusedNamingTheFieldAndNothingIsStored() {
		UUID lead = waiting(tag(), Duration.ofMinutes(5));
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Hello\",\"kind\":\"fax\"}", lead)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("kind");
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\" \",\"kind\":\"fax\"}", lead)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("kind", "text");
		assertThat(jdbc.sql("select count(*) from lead_event where lead_id = :id")
			.param("id", lead)
			.query(Long.class)
			.single()).isZero();
		assertThat(contactOf(lead).get("first_contact_at")).isNull();
	}

	@Test
	void theListShowsHowLongEachLeadWaitedOrTookAndFiltersTheOverdueOnes() {
		String tag = tag();
		UUID late = waiting(tag + "late", Duration.ofMinutes(200));
		UUID fresh = waiting(tag + "fresh", Duration.ofMinutes(20));
		UUID answered = waiting(tag + "answered", Duration.ofMinutes(300));
		assertThat(post("/api/leads/{id}/status", "{\"version\":0,\"status\":\"contacted\"}", answered)).hasStatusOk();

		JsonNode items = get("/api/leads?sort=newest&q=" + tag).get("items");
		assertThat(items).hasSize(3);
		JsonNode freshRow = items.get(0);
		assertThat(freshRow.get("id").asString()).isEqualTo(fresh.toString());
		assertThat(freshRow.get("waitingSeconds").asLong()).isBetween(20 * 60L, 20 * 60L + 60);
		assertThat(freshRow.get("overdue").asBoolean()).isFalse();
		JsonNode lateRow = items.get(1);
		assertThat(lateRow.get("waitingSeconds").asLong()).isBetween(200 * 60L, 200 * 60L + 60);
		assertThat(lateRow.get("overdue").asBoolean()).isTrue();
		assertThat(lateRow.get("firstContactAt").isNull()).isTrue();
		JsonNode answeredRow = items.get(2);
		assertThat(answeredRow.get("waitingSeconds").isNull()).isTrue();
		assertThat(answeredRow.get("firstContactSeconds").asLong()).isBetween(300 * 60L, 300 * 60L + 60);
		assertThat(answeredRow.get("overdue").asBoolean()).isFalse();

		for (String sort : List.of("newest", "priority")) {
			List<String> ids = new ArrayList<>();
			get("/api/leads?overdue=true&sort=" + sort + "&q=" + tag).get("items")
				.forEach((item) -> ids.add(item.get("id").asString()));
			assertThat(ids).containsExactly(late.toString());
		}
	}

	@Test
	void theOverdueCheckAnnouncesEachLateLeadOnceToItsOwnerEvenWithFourReplicasCheckingAtOnce() throws Exception {
		String tag = tag();
		List<UUID> late = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			late.add(waiting(tag + i, Duration.ofMinutes(61 + i)));
		}
		jdbc.sql("update lead set owner = 'owner@northbeam.test' where id in (:ids)")
			.param("ids", late.subList(0, 15))
			.update();
		UUID fresh = waiting(tag + "fresh", Duration.ofMinutes(30));
		UUID contacted = waiting(tag + "contacted", Duration.ofMinutes(90));
		assertThat(post("/api/leads/{id}/notes", "{\"text\":\"Spoke\",\"kind\":\"call\"}", contacted)).hasStatus(201);

		int replicas = 4;
		CyclicBarrier start = new CyclicBarrier(replicas);
		ExecutorService pool = Executors.newFixedThreadPool(replicas);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < replicas; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return overdue.check();
				}));
			}
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		overdue.check();

		List<Map<String, Object>> events = jdbc
			.sql("select lead_id, email_to from outbox_event where kind = 'lead.overdue' and lead_id in (:ids)")
			.param("ids", allOf(late, fresh, contacted))
			.query()
			.listOfRows();
		assertThat(events).extracting((row) -> row.get("lead_id")).containsExactlyInAnyOrderElementsOf(late);
		assertThat(events).filteredOn((row) -> late.subList(0, 15).contains(row.get("lead_id")))
			.allSatisfy((row) -> assertThat(row.get("email_to")).isEqualTo("owner@northbeam.test"));
		assertThat(events).filteredOn((row) -> late.subList(15, 30).contains(row.get("lead_id")))
			.allSatisfy((row) -> assertThat(row.get("email_to")).isNull());
		assertThat(jdbc.sql("select count(*) from lead_event where kind = 'overdue' and lead_id in (:ids)")
			.param("ids", allOf(late, fresh, contacted))
			.query(Long.class)
			.single()).isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from lead where overdue_notified_at is not null and id in (:ids)")
			.param("ids", List.of(fresh, contacted))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aLeadContactedOrErasedBeforeTheCheckIsNotAnnounced() {
		String tag = tag();
		UUID erased = waiting(tag + "erased", Duration.ofHours(3));
		assertThat(
				mvc.post().uri("/api/admin/leads/{id}/erase", erased).header(HttpHeaders.AUTHORIZATION, leads.admin()))
			.hasStatusOk();
		UUID moved = waiting(tag + "moved", Duration.ofHours(3));
		assertThat(post("/api/leads/{id}/status", "{\"version\":0,\"status\":\"lost\",\"lostReason\":\"Spam\"}", moved))
			.hasStatusOk();
		overdue.check();
		assertThat(jdbc.sql("select count(*) from outbox_event where kind = 'lead.overdue' and lead_id in (:ids)")
			.param("ids", List.of(erased, moved))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void responseTimesGiveTheMedianAndNinetiethPercentilePerWeekAndPerOwner() {
		// Two weeks in 2020, far from every other test's leads: Monday 6 and 13 January.
		Instant week1 = Instant.parse("2020-01-06T10:00:00Z");
		Instant week2 = Instant.parse("2020-01-14T10:00:00Z");
		long[] seconds = { 60, 120, 180, 240, 300 };
		for (int i = 0; i < seconds.length; i++) {
			contacted(week1.plusSeconds(i), "ann@northbeam.test", seconds[i]);
		}
		contacted(week2, "bo@northbeam.test", 600);
		contacted(week2.plusSeconds(1), null, 1200);
		leads.insert("Still waiting", "Co", "w@x.example", 10, "new", "hybrid", week2.plusSeconds(2));

		JsonNode stats = get("/api/stats/response-times?from=2020-01-08&to=2020-01-19");
		assertThat(stats.get("from").asString()).isEqualTo("2020-01-06");
		assertThat(stats.get("to").asString()).isEqualTo("2020-01-19");
		assertThat(stats.get("targetMinutes").asInt()).isEqualTo(60);
		JsonNode weeks = stats.get("weeks");
		assertThat(weeks).hasSize(2);
		assertThat(weeks.get(0).get("start").asString()).isEqualTo("2020-01-06");
		assertThat(weeks.get(0).get("contacted").asLong()).isEqualTo(5);
		assertThat(weeks.get(0).get("medianSeconds").asDouble()).isEqualTo(180.0);
		// percentile_cont interpolates: 0.9 of the way through five values is 240 + 0.6 *
		// 60.
		assertThat(weeks.get(0).get("p90Seconds").asDouble()).isEqualTo(276.0);
		assertThat(weeks.get(1).get("contacted").asLong()).isEqualTo(2);
		assertThat(weeks.get(1).get("medianSeconds").asDouble()).isEqualTo(900.0);
		assertThat(weeks.get(1).get("p90Seconds").asDouble()).isEqualTo(1140.0);
		JsonNode owners = stats.get("owners");
		assertThat(owners).hasSize(3);
		assertThat(owners.get(0).get("owner").asString()).isEqualTo("ann@northbeam.test");
		assertThat(owners.get(0).get("medianSeconds").asDouble()).isEqualTo(180.0);
		assertThat(owners.get(1).get("owner").asString()).isEqualTo("bo@northbeam.test");
		assertThat(owners.get(1).get("p90Seconds").asDouble()).isEqualTo(600.0);
		assertThat(owners.get(2).get("owner").isNull()).isTrue();
		assertThat(stats.get("waiting").asLong()).isPositive();
		assertThat(stats.get("overdue").asLong()).isPositive().isLessThanOrEqualTo(stats.get("waiting").asLong());
	}

	@Test
	void responseTimesRefuseBadDates() {
		assertThat(mvc.get()
			.uri("/api/stats/response-times?from=last-week&to=2020-01-01")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("from");
		assertThat(mvc.get()
			.uri("/api/stats/response-times?from=2020-02-01&to=2020-01-01")
			.header(HttpHeaders.AUTHORIZATION, leads.sales())).hasStatus(400);
		assertThat(mvc.get().uri("/api/stats/response-times")).hasStatus(401);
	}

	private void contacted(Instant createdAt, String owner, long seconds) {
		UUID lead = leads.insert("Done", "Co", "d@x.example", 10, "contacted", "co_managed", createdAt);
		jdbc.sql("update lead set owner = :owner, first_contact_at = :at, first_contact_seconds = :seconds "
				+ "where id = :id")
			.param("owner", owner)
			.param("at", OffsetDateTime.ofInstant(createdAt.plusSeconds(seconds), ZoneOffset.UTC))
			.param("seconds", seconds)
			.param("id", lead)
			.update();
	}

	private static List<UUID> allOf(List<UUID> some, UUID... more) {
		List<UUID> all = new ArrayList<>(some);
		all.addAll(List.of(more));
		return all;
	}

	private static String tag() {
		return "stl" + UUID.randomUUID().toString().substring(0, 8);
	}

}
