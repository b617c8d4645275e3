package com.northbeam.assessment.submission;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading history a submission brings and the pages added after it: stored on
 * PostgreSQL, shown in the lead's timeline, exported and erased with the lead.
 */
@AssessmentServiceTest
class ReadingHistoryTests {

	static final String GUIDE = "co-managed-vs-fully-managed-it";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	ReadingRepository repository;

	LeadFixtures leads;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void fixtures() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
	}

	static String page(String slug, String title, String section, String sectionTitle, Instant at) {
		StringBuilder page = new StringBuilder("{\"slug\":\"%s\",\"title\":\"%s\"".formatted(slug, title));
		if (section != null) {
			page.append(",\"section\":\"%s\",\"sectionTitle\":\"%s\"".formatted(section, sectionTitle));
		}
		return page.append(",\"viewedAt\":\"%s\"}".formatted(at)).toString();
	}

	static String withHistory(String body, String... pages) {
		return body.substring(0, body.lastIndexOf('}')) + ",\"readingHistory\":[" + String.join(",", pages) + "]}";
	}

	MvcTestResult submit(String body) {
		return mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult addAfter(UUID submission, UUID pageId, String page) {
		return mvc.put()
			.uri("/api/submissions/{id}/reading/{pageId}", submission, pageId)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(page)
			.exchange();
	}

	JsonNode lead(UUID leadId) {
		return leads
			.body(mvc.get().uri("/api/leads/{id}", leadId).header(HttpHeaders.AUTHORIZATION, leads.sales()).exchange());
	}

	int stored(UUID submission) {
		return jdbc.sql("select count(*) from submission_reading where submission_id = :id")
			.param("id", submission)
			.query(Integer.class)
			.single();
	}

	UUID submitWithTwoPagesRead() {
		UUID id = UUID.randomUUID();
		assertThat(submit(withHistory(SubmissionBodies.valid(id),
				page(GUIDE, "Co-Managed IT vs Fully Managed IT", null, null, now.minusSeconds(600)),
				page("signs-you-have-outgrown-internal-it", "Signs you have outgrown internal IT",
						"when-co-managed-makes-sense", "When co-managed IT makes sense", now.minusSeconds(300)))))
			.hasStatus(201);
		return id;
	}

	@Test
	void pagesReadBeforeAndAfterTheAssessmentJoinTheLeadsTimelineInTimeOrder() {
		UUID submission = submitWithTwoPagesRead();
		UUID lead = leads.leadOf(submission);
		assertThat(addAfter(submission, UUID.randomUUID(), page("what-managed-it-services-include",
				"What managed IT services include", null, null, Instant.now().plusSeconds(60))))
			.hasStatus(204);

		JsonNode timeline = lead(lead).get("timeline");
		List<String> kinds = new ArrayList<>();
		timeline.forEach((entry) -> kinds.add(entry.get("kind").asString()));
		assertThat(kinds).containsExactly("read", "read", "created", "read");
		JsonNode guide = timeline.get(0);
		assertThat(guide.get("at").asString()).isEqualTo(now.minusSeconds(600).toString());
		assertThat(guide.get("read").get("slug").asString()).isEqualTo(GUIDE);
		assertThat(guide.get("read").get("title").asString()).isEqualTo("Co-Managed IT vs Fully Managed IT");
		assertThat(guide.get("read").has("section")).isFalse();
		assertThat(guide.get("read").get("afterAssessment").asBoolean()).isFalse();
		JsonNode section = timeline.get(1).get("read");
		assertThat(section.get("section").asString()).isEqualTo("when-co-managed-makes-sense");
		assertThat(section.get("sectionTitle").asString()).isEqualTo("When co-managed IT makes sense");
		JsonNode after = timeline.get(3).get("read");
		assertThat(after.get("slug").asString()).isEqualTo("what-managed-it-services-include");
		assertThat(after.get("afterAssessment").asBoolean()).isTrue();
		assertThat(timeline.get(2).has("read")).isFalse();
	}

	@Test
	void theSamePageIdAddsAPageOnceAndAnUnknownSubmissionIsNotFound() {
		UUID submission = submitWithTwoPagesRead();
		UUID pageId = UUID.randomUUID();
		String page = page(GUIDE, "Co-Managed IT vs Fully Managed IT", "cost", "What it costs", now);

		assertThat(addAfter(submission, pageId, page)).hasStatus(204);
		assertThat(addAfter(submission, pageId, page)).hasStatus(204);

		assertThat(stored(submission)).isEqualTo(3);
		assertThat(addAfter(UUID.randomUUID(), UUID.randomUUID(), page)).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aBadPageIsRefusedNamingEachFieldAndNothingIsStored() {
		UUID id = UUID.randomUUID();
		MvcTestResult refused = submit(withHistory(SubmissionBodies.valid(id),
				page("Not A Slug", "Title", null, null, now), "{\"slug\":\"ok\",\"title\":\"Bell\\u0007\"}",
				"{\"slug\":\"ok\",\"title\":\"Fine\",\"section\":\"<script>\",\"viewedAt\":\"yesterday\"}"));

		assertThat(refused).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("readingHistory[0].slug", "readingHistory[1].title",
					"readingHistory[1].viewedAt", "readingHistory[2].section", "readingHistory[2].viewedAt");
		assertThat(jdbc.sql("select count(*) from submission where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();

		UUID submission = submitWithTwoPagesRead();
		assertThat(addAfter(submission, UUID.randomUUID(), "{\"slug\":\"ok\",\"title\":\"x\"}")).hasStatus(400);
		assertThat(addAfter(submission, UUID.randomUUID(),
				"{\"slug\":\"ok\",\"title\":\"%s\",\"viewedAt\":\"%s\"}".formatted("x".repeat(301), now)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("title");
		assertThat(addAfter(submission, UUID.randomUUID(),
				"{\"slug\":\"ok\",\"title\":\"x\",\"viewedAt\":\"+999999999-12-31T23:59:59Z\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("viewedAt");
		assertThat(stored(submission)).isEqualTo(2);
	}

	@Test
	void aSubmissionBringsAtMostFiftyPages() {
		String[] pages = new String[ReadingHistory.MAX_PAGES + 1];
		for (int i = 0; i < pages.length; i++) {
			pages[i] = page(GUIDE, "Guide", null, null, now.minusSeconds(1000 - i));
		}
		UUID id = UUID.randomUUID();

		assertThat(submit(withHistory(SubmissionBodies.valid(id), pages))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("readingHistory");
	}

	@Test
	void aSubmissionKeepsAtMostAHundredPages() {
		UUID submission = submitWithTwoPagesRead();
		ReadingHistory.Page page = new ReadingHistory.Page(GUIDE, "Guide", null, null, now);
		for (int i = 2; i < ReadingHistory.MAX_KEPT; i++) {
			assertThat(repository.addAfter(submission, UUID.randomUUID(), page))
				.isEqualTo(ReadingRepository.Added.STORED);
		}

		assertThat(repository.addAfter(submission, UUID.randomUUID(), page))
			.isEqualTo(ReadingRepository.Added.NOT_KEPT);
		assertThat(stored(submission)).isEqualTo(ReadingHistory.MAX_KEPT);
	}

	@Test
	void theExportHoldsTheReadingHistoryAndErasureDeletesItAndRefusesLaterPages() {
		UUID submission = submitWithTwoPagesRead();
		UUID lead = leads.leadOf(submission);

		JsonNode export = leads.body(mvc.get()
			.uri("/api/admin/leads/{id}/export", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.exchange());
		assertThat(export.get("readingHistory")).hasSize(2);
		assertThat(export.get("readingHistory").get(1).get("title").asString())
			.isEqualTo("Signs you have outgrown internal IT");

		assertThat(mvc.post().uri("/api/admin/leads/{id}/erase", lead).header(HttpHeaders.AUTHORIZATION, leads.admin()))
			.hasStatusOk();
		assertThat(stored(submission)).isZero();
		assertThat(addAfter(submission, UUID.randomUUID(), page(GUIDE, "Guide", null, null, now))).hasStatus(204);
		assertThat(stored(submission)).isZero();
		assertThat(lead(lead).get("timeline").toString()).doesNotContain("outgrown");
	}

	@Test
	void pagesReadBeforeAResultWhoseContactDetailsCameLaterReachTheLead() {
		UUID id = UUID.randomUUID();
		assertThat(submit(withHistory(SubmissionBodies.contactLater(id),
				page(GUIDE, "Co-Managed IT vs Fully Managed IT", null, null, now.minusSeconds(120)))))
			.hasStatus(201);
		assertThat(stored(id)).isEqualTo(1);

		assertThat(mvc.put()
			.uri("/api/submissions/{id}/contact", id)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.lateContact("lee+" + id + "@later.example"))).hasStatus(201);

		assertThat(lead(leads.leadOf(id)).get("timeline").get(0).get("kind").asString()).isEqualTo("read");
	}

	@Test
	void discardingAQuarantinedSubmissionDeletesItsReadingHistory() {
		UUID id = UUID.randomUUID();
		String body = withHistory(SubmissionBodies.valid(id),
				page(GUIDE, "Co-Managed IT vs Fully Managed IT", null, null, now.minusSeconds(60)));
		assertThat(submit(body.substring(0, body.lastIndexOf('}')) + ",\"screening\":{\"reasons\":[\"honeypot\"]}}"))
			.hasStatus(201);
		assertThat(stored(id)).isEqualTo(1);

		assertThat(mvc.post()
			.uri("/api/leads/quarantine/{id}/discard", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(LeadFixtures.SALES, "quarantine:write")))
			.hasStatusOk();

		assertThat(stored(id)).isZero();
		assertThat(addAfter(id, UUID.randomUUID(), page(GUIDE, "Guide", null, null, now))).hasStatus(204);
		assertThat(stored(id)).isZero();
	}

}
