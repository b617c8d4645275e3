package com.northbeam.gateway.dashboard.overview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.gateway.XssPayloads;
import com.northbeam.gateway.staff.StaffAccounts;
import com.northbeam.gateway.staff.StaffRole;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class OverviewControllerTests {

	static final String PIPELINE_JSON = """
			{"newThisWeek":7,"byStatus":{"new":7,"contacted":5,"qualified":3,"proposal":2,"won":1234,"lost":3},
			 "conversionRate":0.1667}""";

	static final String FUNNEL_JSON = """
			{"buckets":[{"start":"2026-11-16","visits":400,"starts":60,"completions":30,"leads":12},
			            {"start":"2026-11-23T00:00:00Z","visits":600,"starts":90,"completions":45,"leads":18}],
			 "dropOffByStep":[{"step":"company","entered":150,"completed":120},{"step":"team","entered":120,"completed":90}],
			 "leadsByRecommendation":{"co_managed":15,"fully_managed":9,"hybrid":6},
			 "leadsBySource":[{"source":"linkedin","count":16},{"source":"newsletter","count":9}]}""";

	static final String RESPONSE_JSON = """
			{"from":"2026-11-16","to":"2026-11-29","targetMinutes":60,"waiting":9,"overdue":4,
			 "weeks":[{"start":"2026-11-16","contacted":0,"medianSeconds":null,"p90Seconds":null},
			          {"start":"2026-11-23","contacted":12,"medianSeconds":1500.0,"p90Seconds":9000.0}],
			 "owners":[{"owner":"sam@northbeam.test","contacted":8,"medianSeconds":1200.0,"p90Seconds":4000.0},
			           {"owner":null,"contacted":4,"medianSeconds":3000.0,"p90Seconds":9000.0}]}""";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeStats() {
		assessment.respond("GET", "/api/stats/pipeline", Response.json(PIPELINE_JSON));
		assessment.respond("GET", "/api/stats/funnel", Response.json(FUNNEL_JSON));
		assessment.respond("GET", "/api/stats/response-times", Response.json(RESPONSE_JSON));
	}

	private String dashboardAsSales() throws Exception {
		return mvc.get()
			.uri("/dashboard")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void salesSeeHowLongLeadsWaitedForAFirstContactPerWeekAndPerOwner() throws Exception {
		String html = dashboardAsSales();

		assertThat(html)
			.contains("Speed to lead", "Waiting for a first contact", "id=\"response-waiting\">9<",
					"Past the response target", "id=\"response-overdue\">4<", "href=\"/dashboard/leads?overdue=true\"",
					"against the target of 60 working minutes")
			.contains("<title id=\"chart-response-weeks-title\">Time to first contact per week of arrival</title>",
					"<title id=\"chart-response-owners-title\">Time to first contact per owner, last twelve weeks</title>")
			// median and 90th percentile bars with their figures, and the target line
			.contains("class=\"overview-bar-p90\"", ">25 min<", ">2 h 30 min<", ">20 min<", ">1 h 6 min<",
					"class=\"overview-target\"")
			// a week without contacted leads says so instead of drawing nothing
			.contains("No lead contacted")
			// the figures as a table
			.contains("The figures as a table", "<th scope=\"row\">23 Nov</th>", "<td>12</td>",
					"<th scope=\"row\" title=\"sam@northbeam.test\">sam@northbeam.test</th>",
					"<th scope=\"row\">Unassigned</th>")
			.doesNotContain("<script", " style=");
		assertThat(lastQuery("/api/stats/response-times")).startsWith("from=").contains("&to=");
	}

	@Test
	void ownersAreNamedByTheirStaffAccountWithTheEmailAsTheTitle() throws Exception {
		String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@northbeam.test";
		accounts.create(email, "Robin O'Neill-Featherstonehaugh", EnumSet.of(StaffRole.SALES), "correct horse battery");
		assessment.respond("GET", "/api/stats/response-times", Response.json("""
				{"from":"2026-11-16","to":"2026-11-29","targetMinutes":60,"waiting":0,"overdue":0,
				 "weeks":[{"start":"2026-11-23","contacted":9,"medianSeconds":1500.0,"p90Seconds":9000.0}],
				 "owners":[{"owner":"%s","contacted":8,"medianSeconds":1200.0,"p90Seconds":4000.0},
				           {"owner":"gone@northbeam.test","contacted":1,"medianSeconds":3000.0,"p90Seconds":3000.0}]}"""
			.formatted(email.toUpperCase(Locale.ROOT))));

		String html = dashboardAsSales();

		String owners = html.substring(html.indexOf("id=\"chart-response-owners\""));
		String upper = email.toUpperCase(Locale.ROOT);
		assertThat(owners)
			// the table: the name, the email on hover
			.contains("<th scope=\"row\" title=\"" + upper + "\">Robin O&#39;Neill-Featherstonehaugh</th>")
			// the chart: the name cut to fit, the email as the label's title
			.contains("<title>" + upper + "</title>Robin O&#39;Neill-Feather\u2026</text>")
			// an owner without an account any more keeps the email
			.contains("<th scope=\"row\" title=\"gone@northbeam.test\">gone@northbeam.test</th>")
			.doesNotContain(">" + upper + "</th>");
	}

	@Test
	void salesSeeTheFiguresAndAccessibleSvgCharts() {
		assertThat(mvc.get().uri("/dashboard").with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.contains("New leads this week", ">7<", "17%", ">1,234<")
			.contains("role=\"img\"", "<title id=\"chart-leads-per-week-title\">Leads per week</title>",
					"aria-labelledby=\"chart-funnel-title\"")
			// the numbers for screen readers, beside each chart
			.contains("class=\"visually-hidden\"", "<th scope=\"row\">16 Nov</th>", "<td>12</td>")
			// recommendation mix with shares, funnel with the share lost at each step,
			// sources
			.contains("Co-managed IT", "15 (50%)", "Article views", "1,000", "150 (lost 85%)", "30 (lost 60%)")
			.contains("150 entered, 120 completed (lost 20%)", "linkedin")
			// nothing the dashboard's Content-Security-Policy would block: no inline
			// script or style
			.doesNotContain("<script", " style=", "<style", " onload=");
		var response = mvc.get()
			.uri("/dashboard")
			.with(user("sam@northbeam.test").roles("SALES"))
			.exchange()
			.getResponse();
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(TokenClaims.subjects(assessment, "/api/stats/pipeline")).contains("sam@northbeam.test");
	}

	@Test
	void submissionsThroughTheApiAreARowOfTheirOwnAndTheirLeadsCountAgainstThem() {
		assessment.respond("GET", "/api/stats/funnel", Response
			.json("""
					{"buckets":[{"start":"2026-11-23","visits":40,"starts":3,"completions":1,"apiSubmissions":24,"leads":25}],
					 "dropOffByStep":[],"leadsByRecommendation":{},"leadsBySource":[]}"""));

		assertThat(mvc.get().uri("/dashboard").with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.contains("Assessments completed", "1 (lost 67%)", "Submitted through the API", "<td>24</td>",
					"25 (lost 0%)");
	}

	@Test
	void startsThroughTheApiLeadToItsSubmissions() {
		assessment.respond("GET", "/api/stats/funnel", Response
			.json("""
					{"buckets":[{"start":"2026-11-23","visits":40,"starts":3,"completions":1,"apiStarts":30,
					 "apiSubmissions":24,"leads":25}],"dropOffByStep":[],"leadsByRecommendation":{},"leadsBySource":[]}"""));

		assertThat(mvc.get().uri("/dashboard").with(user("sam@northbeam.test").roles("SALES"))).hasStatusOk()
			.bodyText()
			.contains("Started through the API", "<td>30</td>", "Submitted through the API", "24 (lost 20%)",
					"25 (lost 0%)");
	}

	@Test
	void editorsSeeNoLeadFiguresAndNoCallIsMadeForThem() {
		int before = assessment.requests().size();

		assertThat(mvc.get().uri("/dashboard").with(user("erin@northbeam.test").roles("EDITOR"))).hasStatusOk()
			.bodyText()
			.contains("Edit content")
			.doesNotContain("New leads this week", "<svg");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.path().startsWith("/api/stats"));
	}

	@Test
	void whenTheServiceIsDownThePageSaysSoAndStillRenders() {
		assessment.respond("GET", "/api/stats/pipeline", Response.json("{}").delayedBy(Duration.ofSeconds(4)));
		assessment.respond("GET", "/api/stats/funnel", Response.status(404));
		assessment.respond("GET", "/api/stats/response-times", Response.status(503));

		assertThat(mvc.get().uri("/dashboard").with(user("ada@northbeam.test").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("The pipeline figures cannot be fetched right now", "The charts cannot be drawn right now",
					"The response times cannot be fetched right now", "Open the admin pages")
			.doesNotContain("<svg");
	}

	@Test
	void sourcesAndStepsFromTheServiceAreRenderedInert() throws Exception {
		ObjectNode funnel = (ObjectNode) json.readTree(FUNNEL_JSON);
		ArrayNode sources = funnel.putArray("leadsBySource");
		ArrayNode steps = funnel.putArray("dropOffByStep");
		List<String> payloads = new ArrayList<>(XssPayloads.ALL);
		for (int i = 0; i < payloads.size(); i++) {
			sources.addObject().put("source", payloads.get(i)).put("count", i + 1);
			steps.addObject().put("step", payloads.get(i)).put("entered", 10).put("completed", 5);
		}
		assessment.respond("GET", "/api/stats/funnel", Response.json(json.writeValueAsString(funnel)));

		String html = dashboardAsSales();

		XssPayloads.assertInert(html, payloads);
	}

	private String lastQuery(String path) {
		return assessment.requests()
			.stream()
			.filter((request) -> request.path().equals(path))
			.reduce((first, second) -> second)
			.orElseThrow()
			.query();
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		assertThat(mvc.get().uri("/dashboard")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

}
