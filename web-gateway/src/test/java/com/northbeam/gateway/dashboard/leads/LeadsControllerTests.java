package com.northbeam.gateway.dashboard.leads;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.XssPayloads;
import com.northbeam.gateway.staff.StaffAccounts;
import com.northbeam.gateway.staff.StaffRole;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class LeadsControllerTests {

	static final UUID LEAD = UUID.fromString("6f1c2b7e-8f6a-4a43-9a57-0a3f4b9c1d21");

	static final String LEAD_JSON = """
			{"id":"%s","version":3,"status":"new","owner":null,"lostReason":null,"priority":81,
			"priorityFactors":[{"code":"coverage_24x7","reason":"Needs round-the-clock cover","weight":12}],
			"recommendation":"co_managed",
			"contact":{"name":"%s","email":"ada@acme.test","company":"%s","phone":"+44 20 0000 0000","role":"IT lead"},
			"answers":[{"questionId":"employees","question":"How many people work here?","values":[{"code":"51-200","label":"51 to 200"}]}],
			"result":{"id":"%s","recommendation":"co_managed","fit":{"co_managed":78,"fully_managed":55,"hybrid":41},
			  "confidence":23,"confidenceLabel":"clear","summary":"Your team is capable but stretched.",
			  "factors":[{"code":"overloaded","model":"co_managed","weight":18,"reason":"The team is overloaded","guideAnchor":"internal-team-overloaded"}]},
			"cost":{"currency":"USD","users":120,"estimated":true,
			  "current":{"label":"Today","total":250000,"items":[]},
			  "co_managed":{"label":"Co-managed","total":210000,"items":[]},
			  "fully_managed":{"label":"Fully managed","total":230000,"items":[]}},
			"attribution":{"utm_source":"newsletter","utm_medium":"email","utm_campaign":"autumn","referrer":null,"landing":"/articles/co-managed-vs-fully-managed-it"},
			"consultation":{"preferredTimes":"Tuesday mornings","message":"%s","requestedAt":"2026-11-21T09:00:00Z"},
			"timeline":[{"at":"2026-11-20T10:00:00Z","actor":null,"kind":"created","detail":null},
			  {"at":"2026-11-21T10:00:00Z","actor":"sam@northbeam.test","kind":"note","detail":"%s"}],
			"createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z","erased":false}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void theServiceKnowsOneLead() {
		assessment.respond("GET", "/api/leads", Response.json("""
				{"items":[{"id":"%s","name":"Ada Lovelace","company":"Acme","email":"ada@acme.test",
				"recommendation":"co_managed","priority":81,"status":"new","owner":null,
				"createdAt":"2026-11-20T10:00:00Z","source":"newsletter"}],"nextCursor":"next-page"}"""
			.formatted(LEAD)));
		assessment.respond("GET", "/api/leads/" + LEAD, Response.json(lead("Ada Lovelace", "Acme", "Call me", "Nice")));
	}

	@Test
	void theListShowsTheLeadsAndKeepsTheFiltersInEveryLink() {
		MvcTestResult result = mvc.get()
			.uri("/dashboard/leads?status=new&status=contacted&q=acme&sort=newest")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange();

		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("Ada Lovelace", "Co-managed IT", "newsletter")
			.contains("href=\"/dashboard/leads/export.csv?status=new&amp;status=contacted&amp;q=acme&amp;sort=newest\"")
			.contains("status=new&amp;status=contacted&amp;q=acme&amp;sort=newest&amp;after=next-page");
		String query = lastRequest("/api/leads").query();
		assertThat(query).contains("status=new", "status=contacted", "q=acme", "sort=newest");
	}

	@Test
	void myLeadsAsksForTheSignedInPersonsLeadsWithTheirOwnToken() {
		assertThat(mvc.get().uri("/dashboard/leads?owner=me").with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("My leads");

		FakeHttpServer.Request request = lastRequest("/api/leads");
		assertThat(request.query()).contains("owner=sam%40northbeam.test");
		String token = request.headers().get("Authorization").get(0).substring("Bearer ".length());
		String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims).contains("\"sub\":\"sam@northbeam.test\"", "leads:read", "leads:write")
			.doesNotContain("content:write", "admin");
	}

	@Test
	void theDetailShowsEverythingAboutTheLead() {
		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("Ada Lovelace", "ada@acme.test", "IT lead", "Your team is capable but stretched.",
					"The team is overloaded", "Needs round-the-clock cover", "51 to 200", "USD 250,000",
					"newsletter / email / autumn", "Tuesday mornings", "Call me", "Nice")
			.doesNotContain("Erase this lead");
	}

	@Test
	void adminsSeeWhichRulesScoredTheLeadEveryResultAndCanRescoreWithTheNewest() {
		assessment.respond("GET", "/api/leads/" + LEAD,
				Response.json(lead("Ada Lovelace", "Acme", "Call me", "Nice").replace(
						"\"recommendation\":\"co_managed\",\"fit\"",
						"\"questionnaireVersion\":1,\"rulesVersion\":1,\"recommendation\":\"co_managed\",\"fit\"")));
		assessment.respond("GET", "/api/admin/scoring/versions", Response
			.json("""
					[{"version":2,"questionnaireVersion":1,"publishedAt":"2026-12-07T09:00:00Z","publishedBy":"ada@northbeam.test"},
					 {"version":1,"questionnaireVersion":1,"publishedAt":"2026-11-01T09:00:00Z","publishedBy":null}]"""));
		assessment.respond("GET", "/api/admin/submissions/" + LEAD + "/results",
				Response
					.json("""
							[{"id":"%1$s","rulesVersion":1,"recommendation":"co_managed","confidenceLabel":"clear","scoredAt":"2026-11-20T10:00:00Z"},
							 {"id":"%1$s","rulesVersion":2,"recommendation":"hybrid","confidenceLabel":"close","scoredAt":"2026-12-07T10:00:00Z"}]"""
						.formatted(LEAD)));

		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("ada@northbeam.test").roles("ADMIN")))
			.hasStatusOk()
			.bodyText()
			.contains("Scored with rules version 1", "What points to Co-managed IT",
					"href=\"/articles/co-managed-vs-fully-managed-it#internal-team-overloaded\"",
					"action=\"/dashboard/admin/leads/" + LEAD + "/rescore\"", "Rescore with the newest rules (v2)",
					"name=\"submissionId\" value=\"" + LEAD + "\"", "Every result of this lead", "2026-12-07 10:00 UTC",
					"Hybrid IT");

		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("Scored with rules version 1")
			.doesNotContain("Rescore with the newest rules", "Every result of this lead");
	}

	@Test
	void aStaleStatusChangeShowsTheNewerStateInsteadOfOverwritingIt() {
		assessment.respond("POST", "/api/leads/" + LEAD + "/status",
				new Response(409, "application/problem+json",
						"{\"status\":409,\"current\":" + lead("Ada Lovelace", "Acme", "Call me", "Changed by Kim")
							.replace("\"status\":\"new\"", "\"status\":\"qualified\"") + "}",
						Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/status")
			.param("version", "2")
			.param("status", "contacted")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Someone else changed this lead", "Changed by Kim",
					"<option value=\"qualified\" selected=\"selected\">");
	}

	@Test
	void aStatusChangeIsSentWithTheVersionSeenAndRedirects() {
		assessment.respond("POST", "/api/leads/" + LEAD + "/status",
				Response.json(lead("Ada Lovelace", "Acme", "Call me", "Nice")));

		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/status")
			.param("version", "3")
			.param("status", "lost")
			.param("lostReason", "Chose another provider")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/dashboard/leads/" + LEAD);
		assertThat(lastRequest("/api/leads/" + LEAD + "/status").body()).contains("\"version\":3",
				"\"status\":\"lost\"", "\"lostReason\":\"Chose another provider\"");
	}

	@Test
	void theListShowsHowLongEachLeadHasWaitedOrTookAndFlagsTheOverdueOnesInWords() throws Exception {
		UUID late = UUID.fromString("0d2a5b7e-8f6a-4a43-9a57-0a3f4b9c1d22");
		UUID done = UUID.fromString("0d2a5b7e-8f6a-4a43-9a57-0a3f4b9c1d23");
		UUID earlier = UUID.fromString("0d2a5b7e-8f6a-4a43-9a57-0a3f4b9c1d24");
		assessment.respond("GET", "/api/leads",
				Response
					.json("""
							{"items":[
							 {"id":"%s","name":"Ada Lovelace","company":"Acme","email":"ada@acme.test","recommendation":"co_managed",
							  "priority":81,"status":"new","owner":null,"createdAt":"2026-11-20T10:00:00Z","source":"newsletter",
							  "firstContactAt":null,"firstContactSeconds":null,"waitingSeconds":12030,"overdue":true},
							 {"id":"%s","name":"Bo Chen","company":"Bolt","email":"bo@bolt.test","recommendation":"hybrid",
							  "priority":60,"status":"new","owner":null,"createdAt":"2026-11-20T11:00:00Z","source":null,
							  "firstContactAt":null,"firstContactSeconds":null,"waitingSeconds":1500,"overdue":false},
							 {"id":"%s","name":"Cy Diaz","company":"Cyan","email":"cy@cyan.test","recommendation":"hybrid",
							  "priority":50,"status":"contacted","owner":"sam@northbeam.test","createdAt":"2026-11-19T11:00:00Z",
							  "source":null,"firstContactAt":"2026-11-19T11:25:00Z","firstContactSeconds":1510,"waitingSeconds":null,
							  "overdue":false},
							 {"id":"%s","name":"Di Evans","company":"Dune","email":"di@dune.test","recommendation":"hybrid",
							  "priority":40,"status":"won","owner":null,"createdAt":"2025-11-19T11:00:00Z",
							  "source":null,"firstContactAt":"2025-11-20T11:25:00Z","firstContactSeconds":null,"waitingSeconds":null,
							  "overdue":false}],"nextCursor":null}"""
						.formatted(late, LEAD, done, earlier)));

		String html = mvc.get()
			.uri("/dashboard/leads?overdue=true&sort=newest")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("Waiting / first contact", "(working hours)")
			.contains("class=\"lead-row-overdue\"", "Overdue</span></strong>", "waiting 3 h 20 min")
			.contains("waiting 25 min", "contacted in 25 min", ">contacted<")
			.contains("id=\"overdue\" name=\"overdue\" value=\"true\" checked")
			.contains("href=\"/dashboard/leads/export.csv?overdue=true&amp;sort=newest\"");
		assertThat(html.indexOf("Overdue</span>")).isEqualTo(html.lastIndexOf("Overdue</span>"));
		assertThat(lastRequest("/api/leads").query()).contains("overdue=true", "sort=newest");
	}

	@Test
	void theListNamesEachOwnerByTheirAccountWithTheEmailAsTheTitle() {
		String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@northbeam.test";
		accounts.create(email, "Robin Seller", EnumSet.of(StaffRole.SALES), "correct horse battery");
		assessment.respond("GET", "/api/leads",
				Response
					.json("""
							{"items":[
							 {"id":"%s","name":"Ada Lovelace","company":"Acme","email":"ada@acme.test","recommendation":"co_managed",
							  "priority":81,"status":"contacted","owner":"%s","createdAt":"2026-11-20T10:00:00Z","source":null},
							 {"id":"%s","name":"Bo Chen","company":"Bolt","email":"bo@bolt.test","recommendation":"hybrid",
							  "priority":60,"status":"contacted","owner":"gone@northbeam.test","createdAt":"2026-11-20T11:00:00Z",
							  "source":null},
							 {"id":"%s","name":"Cy Diaz","company":"Cyan","email":"cy@cyan.test","recommendation":"hybrid",
							  "priority":50,"status":"new","owner":null,"createdAt":"2026-11-19T11:00:00Z","source":null}],
							 "nextCursor":null}"""
						.formatted(LEAD, email.toUpperCase(Locale.ROOT), UUID.randomUUID(), UUID.randomUUID())));

		assertThat(mvc.get().uri("/dashboard/leads").with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.contains("<td title=\"" + email.toUpperCase(Locale.ROOT) + "\">Robin Seller</td>")
			.contains("<td title=\"gone@northbeam.test\">gone@northbeam.test</td>")
			.doesNotContain(">" + email.toUpperCase(Locale.ROOT) + "<");
	}

	@Test
	void aNoteCanRecordACallOrAnEmail() {
		assessment.respond("POST", "/api/leads/" + LEAD + "/notes", new Response(201, "application/json",
				"{\"at\":\"2026-11-21T10:00:00Z\",\"actor\":\"sam@northbeam.test\",\"kind\":\"call\"}", Duration.ZERO));

		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("<legend>This note records</legend>",
					"type=\"radio\" name=\"kind\" id=\"note-kind-note\" value=\"note\" checked",
					"id=\"note-kind-call\"", "A call with the prospect", "An email to the prospect");
		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/notes")
			.param("text", "Rang, wants a quote")
			.param("kind", "call")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/dashboard/leads/" + LEAD);
		assertThat(lastRequest("/api/leads/" + LEAD + "/notes").body()).contains("\"text\":\"Rang, wants a quote\"",
				"\"kind\":\"call\"");
	}

	@Test
	void theDetailSaysHowLongTheLeadHasWaitedForItsFirstContact() {
		assessment.respond("GET", "/api/leads/" + LEAD,
				Response.json(lead("Ada Lovelace", "Acme", "Call me", "Nice").replace("\"erased\":false}",
						"\"erased\":false,\"response\":{\"targetMinutes\":60,"
								+ "\"firstContactAt\":null,\"firstContactSeconds\":null,\"waitingSeconds\":4000,"
								+ "\"overdue\":true,\"overdueNotifiedAt\":\"2026-11-20T11:01:00Z\"}}")));

		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("First contact", "Overdue", "Not yet: waiting 1 h 6 min of working time (target 60 min)");
	}

	@Test
	void anEmptyNoteIsRefusedInline() {
		assertThat(mvc.post()
			.uri("/dashboard/leads/" + LEAD + "/notes")
			.param("text", "   ")
			.with(user("sam@northbeam.test").roles("SALES"))
			.with(csrf())).hasStatusOk().bodyText().contains("Write something before saving the note.");
	}

	@Test
	void theCsvExportStreamsTheServicesExportOfTheSameFilter() {
		assessment.respond("GET", "/api/leads/export.csv",
				new Response(200, "text/csv", "name,company\nAda Lovelace,Acme\n", Duration.ZERO));

		// A signed-in salesperson already has a session; the streamed export runs within
		// it.
		Cookie session = mvc.get()
			.uri("/dashboard/leads")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();

		MvcTestResult result = mvc.get()
			.uri("/dashboard/leads/export.csv?status=won")
			.cookie(session)
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange(Duration.ofSeconds(10));

		assertThat(result).hasStatusOk()
			.hasContentType("text/csv;charset=UTF-8")
			.hasBodyTextEqualTo("name,company\nAda Lovelace,Acme\n");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"leads-");
		assertThat(lastRequest("/api/leads/export.csv").query()).isEqualTo("status=won&sort=priority");
	}

	@Test
	void newArrivalsAreCountedForTheListsRefreshHint() {
		assertThat(mvc.get()
			.uri("/dashboard/leads/arrivals?since=2026-11-19T00:00:00Z")
			.with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.count")
			.isEqualTo(1);
		assertThat(mvc.get()
			.uri("/dashboard/leads/arrivals?since=2026-11-20T10:00:00Z")
			.with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.count")
			.isEqualTo(0);
	}

	@Test
	void whenTheServiceIsDownThePageSaysSo() {
		assessment.respond("GET", "/api/leads/" + LEAD, Response.status(503));

		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("sam@northbeam.test").roles("SALES")))
			.hasStatusOk()
			.bodyText()
			.contains("Leads are temporarily unavailable");
	}

	@Test
	void onlySalesAndAdminsWorkLeadsAndEveryChangeNeedsTheCsrfToken() {
		assertThat(mvc.get().uri("/dashboard/leads")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/dashboard/leads").with(user("ed@northbeam.test").roles("EDITOR"))).hasStatus(403);
		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("ed@northbeam.test").roles("EDITOR")))
			.hasStatus(403);
		assertThat(mvc.get().uri("/dashboard/leads").with(user("ann@northbeam.test").roles("ADMIN"))).hasStatusOk();
		assertThat(mvc.get().uri("/dashboard/leads/" + LEAD).with(user("ann@northbeam.test").roles("ADMIN")))
			.hasStatusOk()
			.bodyText()
			.contains("Erase this lead");
		for (String path : new String[] { "/status", "/owner", "/notes" }) {
			assertThat(mvc.post()
				.uri("/dashboard/leads/" + LEAD + path)
				.param("version", "3")
				.param("status", "contacted")
				.param("text", "hello")
				.with(user("sam@northbeam.test").roles("SALES"))).hasStatus(403);
		}
	}

	@Test
	void whateverProspectsAndColleaguesTypedIsShownInertInTheListAndTheDetail() throws Exception {
		StringBuilder rows = new StringBuilder();
		for (String payload : XssPayloads.ALL) {
			rows.append(rows.isEmpty() ? "" : ",")
				.append("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + json(payload) + "\",\"company\":\""
						+ json(payload) + "\",\"email\":\"x@acme.test\",\"recommendation\":\"hybrid\",\"priority\":50,"
						+ "\"status\":\"new\",\"owner\":null,\"createdAt\":\"2026-11-20T10:00:00Z\",\"source\":\""
						+ json(payload) + "\"}");
		}
		assessment.respond("GET", "/api/leads", Response.json("{\"items\":[" + rows + "],\"nextCursor\":null}"));

		String list = mvc.get()
			.uri("/dashboard/leads")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		XssPayloads.assertInert(list, XssPayloads.ALL);

		for (String payload : XssPayloads.ALL) {
			assessment.respond("GET", "/api/leads/" + LEAD, Response.json(lead(payload, payload, payload, payload)));
			String detail = mvc.get()
				.uri("/dashboard/leads/" + LEAD)
				.with(user("ann@northbeam.test").roles("ADMIN"))
				.exchange()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			XssPayloads.assertInert(detail, List.of(payload));
		}
	}

	static String lead(String name, String company, String message, String note) {
		return LEAD_JSON.formatted(LEAD, json(name), json(company), LEAD, json(message), json(note));
	}

	static String json(String value) {
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private FakeHttpServer.Request lastRequest(String path) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals(path))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

}
