package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.LeadErased;
import com.northbeam.gateway.client.PageRead;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The gateway records what a person reads in the visit's own reading session, hands it
 * over with the assessment and forwards what is read afterwards; crawlers, scripts and
 * browsers asking not to be tracked leave nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ReadingHistoryTests {

	static final String GUIDE = "/articles/co-managed-vs-fully-managed-it";

	static final String GUIDE_TITLE = "Co-Managed IT vs Fully Managed IT";

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	ReadingSessionRepository sessions;

	@Autowired
	ReadingHistory history;

	@Autowired
	OutboundForwarder forwarder;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void services() {
		content.respond("GET", "/api" + GUIDE, Response.json(Fixtures.guide()));
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
	}

	MvcTestResult read(String path, String agent, Cookie... cookies) {
		var request = mvc.get().uri(path).header(HttpHeaders.USER_AGENT, agent);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return request.exchange();
	}

	Cookie readingCookie(MvcTestResult result) {
		return result.getResponse().getCookie(ReadingCookies.COOKIE);
	}

	List<Map<String, Object>> pages(Cookie session) {
		return jdbc
			.sql("SELECT slug, title, section, section_title FROM reading_page WHERE session_id = :id "
					+ "ORDER BY viewed_at, id")
			.param("id", UUID.fromString(session.getValue()))
			.query()
			.listOfRows();
	}

	@Test
	void aPersonsFirstArticleStartsAFirstPartySessionAndEveryPageReadIsRecordedAlsoFromTheRenderedPageCache() {
		MvcTestResult first = read(GUIDE, FIREFOX);
		assertThat(first).hasStatusOk();
		Cookie session = readingCookie(first);
		assertThat(session).isNotNull();
		String setCookie = first.getResponse()
			.getHeaders(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((header) -> header.startsWith(ReadingCookies.COOKIE + "="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("Path=/", "HttpOnly", "SameSite=Lax").doesNotContain("Max-Age", "Expires");

		MvcTestResult again = read(GUIDE, FIREFOX, session);
		assertThat(again).hasStatusOk();
		assertThat(readingCookie(again)).isNull();
		assertThat(read("/articles/no-such-article", FIREFOX, session)).hasStatus(404);

		assertThat(pages(session)).hasSize(2)
			.allSatisfy((page) -> assertThat(page).containsEntry("slug", "co-managed-vs-fully-managed-it")
				.containsEntry("title", GUIDE_TITLE)
				.containsEntry("section", null));
	}

	@Test
	void crawlersScriptsAndBrowsersAskingNotToBeTrackedGetNoSessionAndRecordNothing() {
		for (String agent : List.of("wrk", "curl/8.5.0", "Mozilla/5.0 (compatible; Googlebot/2.1)",
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0.0.0 Safari/537.36")) {
			assertThat(readingCookie(read(GUIDE, agent))).as(agent).isNull();
		}
		assertThat(mvc.get().uri(GUIDE).header(HttpHeaders.USER_AGENT, FIREFOX).header("Sec-GPC", "1"))
			.satisfies((result) -> assertThat(readingCookie(result)).isNull());
		assertThat(mvc.get().uri(GUIDE).header(HttpHeaders.USER_AGENT, FIREFOX).header("DNT", "1"))
			.satisfies((result) -> assertThat(readingCookie(result)).isNull());

		Cookie session = readingCookie(read(GUIDE, FIREFOX));
		mvc.get().uri(GUIDE).header(HttpHeaders.USER_AGENT, FIREFOX).header("Sec-GPC", "1").cookie(session).exchange();
		read(GUIDE, "python-requests/2.31.0", session);
		assertThat(pages(session)).hasSize(1);
	}

	@Test
	void aLinkFollowedFromAGuideSectionIsRecordedWithThatSection() {
		Cookie session = readingCookie(read(GUIDE, FIREFOX));
		MvcTestResult fromSection = read(GUIDE, FIREFOX, session,
				new Cookie(ReadingCookies.SECTION_COOKIE, "co-managed-vs-fully-managed-it.what-is-co-managed-it"));
		assertThat(fromSection.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).anySatisfy(
				(header) -> assertThat(header).startsWith(ReadingCookies.SECTION_COOKIE + "=;").contains("Max-Age=0"));
		read(GUIDE, FIREFOX, session,
				new Cookie(ReadingCookies.SECTION_COOKIE, "co-managed-vs-fully-managed-it.no-such-section"));

		List<Map<String, Object>> pages = pages(session);
		assertThat(pages).hasSize(3);
		assertThat(pages.get(1)).containsEntry("section", "what-is-co-managed-it")
			.containsEntry("section_title", "What is co-managed IT?");
		assertThat(pages.get(2)).containsEntry("section", null);
	}

	@Test
	void aSectionChosenOnThePageIsPostedWithoutATokenAndCountsOnlyForTheVisitorsOwnSession() {
		Cookie session = readingCookie(read(GUIDE, FIREFOX));

		assertThat(postSection(session, "what-is-co-managed-it", "same-origin")).hasStatus(204);
		assertThat(postSection(session, "what-is-co-managed-it", "cross-site")).hasStatus(204);
		assertThat(postSection(null, "what-is-co-managed-it", "same-origin")).hasStatus(204);
		assertThat(postSection(session, "not-a-heading", "same-origin")).hasStatus(204);

		assertThat(pages(session)).hasSize(2)
			.last()
			.satisfies((page) -> assertThat(page).containsEntry("section_title", "What is co-managed IT?"));
	}

	MvcTestResult postSection(Cookie session, String section, String fetchSite) {
		var request = mvc.post()
			.uri(ReadingSectionController.PATH)
			.header(HttpHeaders.USER_AGENT, FIREFOX)
			.header("Sec-Fetch-Site", fetchSite)
			.param("slug", "co-managed-vs-fully-managed-it")
			.param("section", section);
		if (session != null) {
			request.cookie(session);
		}
		return request.exchange();
	}

	@Test
	void aSessionKeepsTheLatestFiftyPagesAndExpiresWithItsPages() {
		UUID id = UUID.randomUUID();
		Instant start = Instant.parse("2026-05-04T09:00:00Z");
		sessions.start(id, start, start.plus(Duration.ofDays(1)));
		for (int i = 0; i < 55; i++) {
			sessions.addPage(id, new PageRead("page-" + i, "Page " + i, null, null, start.plusSeconds(i)), 50);
		}

		List<PageRead> kept = sessions.pages(id);
		assertThat(kept).hasSize(50);
		assertThat(kept.get(0).slug()).isEqualTo("page-5");
		assertThat(kept.get(49).slug()).isEqualTo("page-54");

		history.deleteExpired();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reading_page WHERE session_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(sessions.find(id)).isEmpty();
	}

	@Test
	void theAssessmentBringsThePagesReadBeforeItAndPagesReadAfterItAreForwardedToTheLead() {
		Cookie session = readingCookie(read(GUIDE, FIREFOX));
		read(GUIDE, FIREFOX, session,
				new Cookie(ReadingCookies.SECTION_COOKIE, "co-managed-vs-fully-managed-it.what-is-co-managed-it"));
		Cookie draft = mvc.get()
			.uri("/assessment")
			.header(HttpHeaders.USER_AGENT, FIREFOX)
			.cookie(session)
			.exchange()
			.getResponse()
			.getCookie(WizardController.COOKIE);
		UUID submission = jdbc.sql("SELECT submission_id FROM assessment_draft WHERE id = :id")
			.param("id", UUID.fromString(draft.getValue()))
			.query(UUID.class)
			.single();
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(submission), Duration.ZERO));
		jdbc.sql("UPDATE assessment_draft SET started_at = :then WHERE id = :id")
			.param("then", OffsetDateTime.now().minusMinutes(5))
			.param("id", UUID.fromString(draft.getValue()))
			.update();
		for (int step = 0; step < WizardControllerTests.VALID_STEPS.size(); step++) {
			var post = mvc.post()
				.uri("/assessment")
				.with(csrf())
				.header(HttpHeaders.USER_AGENT, FIREFOX)
				.cookie(draft, session)
				.param("step", Integer.toString(step))
				.param("action", "next");
			WizardControllerTests.VALID_STEPS.get(step)
				.forEach((name, values) -> post.param(name, values.toArray(String[]::new)));
			assertThat(post).hasStatus3xxRedirection();
		}

		JsonNode sent = json.readTree(assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.body().contains(submission.toString()))
			.findFirst()
			.orElseThrow()
			.body());
		JsonNode reading = sent.get("readingHistory");
		assertThat(reading).hasSize(2);
		assertThat(reading.get(0).get("slug").asString()).isEqualTo("co-managed-vs-fully-managed-it");
		assertThat(reading.get(0).get("title").asString()).isEqualTo(GUIDE_TITLE);
		assertThat(reading.get(0).has("section")).isFalse();
		assertThat(reading.get(0).get("viewedAt").asString()).isNotBlank();
		assertThat(reading.get(1).get("section").asString()).isEqualTo("what-is-co-managed-it");
		assertThat(reading.get(1).get("sectionTitle").asString()).isEqualTo("What is co-managed IT?");
		// Handed over: the gateway keeps no copy, only the link to the submission.
		assertThat(pages(session)).isEmpty();
		assertThat(sessions.find(UUID.fromString(session.getValue())).orElseThrow().submissionId())
			.isEqualTo(submission);

		read(GUIDE, FIREFOX, session);
		UUID pageId = jdbc.sql("SELECT id FROM outbound_request WHERE submission_id = :id AND kind = 'READING'")
			.param("id", submission)
			.query(UUID.class)
			.single();
		String path = "/api/submissions/" + submission + "/reading/" + pageId;
		assessment.respond("PUT", path, Response.status(204));
		forwarder.forwardDue();

		assertThat(jdbc.sql("SELECT delivered_at IS NOT NULL FROM outbound_request WHERE id = :id")
			.param("id", pageId)
			.query(Boolean.class)
			.single()).isTrue();
		JsonNode forwarded = json.readTree(assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("PUT") && r.path().equals(path))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(forwarded.get("title").asString()).isEqualTo(GUIDE_TITLE);
		assertThat(pages(session)).isEmpty();

		// Erasing the lead ends the session: later pages no longer reach the lead.
		events.publishEvent(new LeadErased(UUID.randomUUID(), submission));
		assertThat(sessions.find(UUID.fromString(session.getValue()))).isEmpty();
		read(GUIDE, FIREFOX, session);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE submission_id = :id")
			.param("id", submission)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theJsonApiTakesNoReadingHistory() {
		UUID id = UUID.randomUUID();
		assessment.respond("POST", "/api/submissions",
				new Response(201, "application/json", Fixtures.result(id), Duration.ZERO));
		String body = AssessmentApiControllerTests.BODY.formatted(id);
		body = body.substring(0, body.lastIndexOf('}'))
				+ ",\"readingHistory\":[{\"slug\":\"x\",\"title\":\"Claimed\",\"viewedAt\":\"2026-05-04T09:00:00Z\"}]}";

		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType("application/json")
			.header(HttpHeaders.USER_AGENT, FIREFOX)
			.content(body)).hasStatus(201);

		assertThat(assessment.requests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.body().contains(id.toString()))
			.findFirst()
			.orElseThrow()
			.body()).doesNotContain("readingHistory", "Claimed");
	}

}
