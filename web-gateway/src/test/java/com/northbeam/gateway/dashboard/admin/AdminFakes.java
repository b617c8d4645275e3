package com.northbeam.gateway.dashboard.admin;

import java.time.Duration;
import java.util.List;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Canned answers of assessment-service's admin API, shaped as its contract says. */
final class AdminFakes {

	static final String LEAD = "3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a";

	static final String PRICES = """
			{"version":4,"createdAt":"2026-11-20T09:00:00Z","createdBy":"ada.admin@northbeam.test",
			 "assumptions":{"currency":"USD","employeesPerBand":{"1-10":8,"11-50":30,"51-200":120,"201-1000":450,"1000+":1500},
			 "itStaffByInternalIt":{"none":0.0,"tech_savvy_staff":0.25,"it_person":1.0,"it_team":3.0,"it_department":8.0},
			 "loadedSalary":95000,"benefitsShare":0.25,"toolsPerUser":240,"recruitingTrainingPerItStaff":7000,
			 "recruitingShare":0.6,"coManaged":{"perUserMonth":70,"projectsPerUser":60,"staffKept":1.0,"toolsKept":0.4,"recruitingKept":0.7},
			 "fullyManaged":{"perUserMonth":140,"projectsPerUser":90,"staffKept":0.1,"toolsKept":0.1,"recruitingKept":0.1},
			 "securityAddOnPerUserMonth":15,"securityAddOnWhen":["growing","complex"]}}""";

	static final String TARGET = """
			{"version":3,"minutes":60,"timeZone":"Europe/London","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
			 "start":"09:00","end":"17:30","createdAt":"2026-11-20T09:00:00Z","createdBy":"ada.admin@northbeam.test"}""";

	static final String SETTINGS = """
			{"salesInbox":"sales@msp.test","dashboardBaseUrl":"https://msp.test/dashboard",
			 "webhooks":[{"url":"https://hooks.msp.test/a","hasSecret":true},{"url":"https://hooks.msp.test/b","hasSecret":false}],
			 "maxAttempts":8}""";

	static final String DELIVERIES = """
			{"items":[{"id":"17","eventId":"e-1","channel":"webhook","target":"https://hooks.msp.test/a","state":"dead",
			  "attempts":8,"lastError":"HTTP 500","nextAttemptAt":null,"deliveredAt":null,"createdAt":"2026-11-27T10:00:00Z"},
			 {"id":"18","eventId":"e-2","channel":"email","target":"sales@msp.test","state":"delivered",
			  "attempts":1,"lastError":null,"nextAttemptAt":null,"deliveredAt":"2026-11-27T10:00:05Z","createdAt":"2026-11-27T10:00:00Z"}],
			 "nextCursor":"c-18"}""";

	static final String AUDIT = """
			{"items":[{"at":"2026-11-27T11:00:00Z","actor":"sam@northbeam.test","action":"lead.status",
			  "leadId":"3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a","detail":{"from":"new","to":"contacted"}}],
			 "nextCursor":"a-1"}""";

	static final String RULES = """
			{"version":2,"questionnaireVersion":1,"models":{"co_managed":"Co-managed IT","fully_managed":"Fully managed IT","hybrid":"A hybrid model"},
			 "baseline":{"co_managed":0,"fully_managed":0,"hybrid":-10},"scale":20.0,
			 "confidence":{"fullAt":40.0,"clear":60,"moderate":30},"priority":{"fit":50,"urgency":30},
			 "rules":[{"code":"no_it","when":[{"question":"internal_it","anyOf":["none","tech_savvy_staff"]}],
			   "effects":{"fully_managed":40},"priority":{"fit":10,"urgency":0},
			   "reason":"Nobody looks after IT full time.","because":"nobody looks after IT","guideAnchor":"no-internal-it"},
			  {"code":"skills_gaps","when":[{"question":"skills_gaps","anyOf":["cybersecurity","cloud_migration","compliance"],"atLeast":2}],
			   "effects":{"co_managed":12,"hybrid":4},"priority":{"fit":0,"urgency":10},
			   "reason":"Your team has <b>gaps</b> in specialist skills.","because":"skills gaps","guideAnchor":"skills-gaps"}]}""";

	static final String PUBLISHED = """
			{"version":{"version":2,"questionnaireVersion":1,"publishedAt":"2026-12-01T09:00:00Z","publishedBy":null,"publishReason":null},
			 "definition":%s,"guideAnchors":["no-internal-it","skills-gaps","cost"]}"""
		.formatted(RULES);

	static final String DRAFT = """
			{"id":7,"revision":3,"basedOnVersion":2,"questionnaireVersion":1,"definition":%s,
			 "createdAt":"2026-12-05T09:00:00Z","createdBy":"ada.admin@northbeam.test",
			 "updatedAt":"2026-12-05T10:00:00Z","updatedBy":"ada.admin@northbeam.test","publishedVersion":null}"""
		.formatted(RULES.replace("\"version\":2", "\"version\":0"));

	static final String DECISION_MAP = """
			{"rulesVersion":2,"pressures":{},"preferences":{},"cells":[
			 {"employees":"1-10","internalIt":"none","pressure":"low","recommendation":"fully_managed","runnerUp":"co_managed",
			  "fitMargin":64,"rawMargin":100,"confidenceLabel":"clear","fit":{"co_managed":20,"fully_managed":84,"hybrid":10}},
			 {"employees":"1-10","internalIt":"none","pressure":"high","recommendation":"fully_managed","runnerUp":"co_managed",
			  "fitMargin":71,"rawMargin":154,"confidenceLabel":"clear","fit":{"co_managed":20,"fully_managed":91,"hybrid":10}},
			 {"employees":"1-10","internalIt":"it_team","pressure":"low","recommendation":"co_managed","runnerUp":"fully_managed",
			  "fitMargin":4,"rawMargin":5,"confidenceLabel":"close","fit":{"co_managed":52,"fully_managed":48,"hybrid":30}},
			 {"employees":"1-10","internalIt":"it_team","pressure":"high","recommendation":"co_managed","runnerUp":"hybrid",
			  "fitMargin":22,"rawMargin":53,"confidenceLabel":"clear","fit":{"co_managed":70,"fully_managed":40,"hybrid":48}}]}""";

	static final String TRIAL = """
			{"draftId":7,"revision":3,"comparedWithVersion":2,
			 "personas":[{"name":"Dental practice, no IT","expected":"fully_managed","reason":"No IT person: fully managed.",
			   "recommendation":"fully_managed","passed":true,"fit":{"co_managed":20,"fully_managed":84,"hybrid":10},
			   "fitChange":{"co_managed":0,"fully_managed":3,"hybrid":0},"confidenceLabel":"clear","before":"fully_managed"},
			  {"name":"Manufacturer with an IT team","expected":"co_managed","reason":"A capable team under pressure.",
			   "recommendation":"hybrid","passed":false,"fit":{"co_managed":48,"fully_managed":40,"hybrid":52},
			   "fitChange":{"co_managed":-5,"fully_managed":0,"hybrid":4},"confidenceLabel":"close","before":"co_managed"}],
			 "personasPassed":1,"personasFailed":1,
			 "submissions":{"scored":12,"skipped":1,"changed":3,
			  "moves":{"co_managed":{"co_managed":4,"fully_managed":0,"hybrid":2},"fully_managed":{"co_managed":1,"fully_managed":5,"hybrid":0},"hybrid":{"co_managed":0,"fully_managed":0,"hybrid":0}},
			  "before":{"co_managed":6,"fully_managed":6,"hybrid":0},"after":{"co_managed":5,"fully_managed":5,"hybrid":2},
			  "leadsChanged":2,"leads":[{"leadId":"3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a","submissionId":"11111111-2222-4333-8444-555555555555","from":"co_managed","to":"hybrid"}],
			  "leadsTruncated":true},
			 "elapsedMillis":42}""";

	static final String VERSIONS = """
			[{"version":2,"questionnaireVersion":1,"publishedAt":"2026-12-01T09:00:00Z","publishedBy":null,"publishReason":null},
			 {"version":1,"questionnaireVersion":1,"publishedAt":"2026-11-01T09:00:00Z","publishedBy":null,"publishReason":null}]""";

	private AdminFakes() {
	}

	static void answerAll(FakeHttpServer assessment) {
		assessment.respond("GET", "/api/admin/price-assumptions", Response.json(PRICES));
		assessment.respond("GET", "/api/admin/price-assumptions/history", Response.json("[" + PRICES + "]"));
		assessment.respond("PUT", "/api/admin/price-assumptions",
				Response.json(PRICES.replace("\"version\":4", "\"version\":5")));
		assessment.respond("GET", "/api/admin/response-target", Response.json(TARGET));
		assessment.respond("GET", "/api/admin/response-target/history", Response.json("[" + TARGET + "]"));
		assessment.respond("PUT", "/api/admin/response-target",
				Response.json(TARGET.replace("\"version\":3", "\"version\":4")));
		assessment.respond("GET", "/api/admin/notifications/settings", Response.json(SETTINGS));
		assessment.respond("PUT", "/api/admin/notifications/settings", noContent());
		assessment.respond("GET", "/api/admin/notifications/deliveries", Response.json(DELIVERIES));
		assessment.respond("POST", "/api/admin/notifications/deliveries/17/retry", noContent());
		assessment.respond("POST", "/api/admin/notifications/deliveries/18/redeliver", noContent());
		assessment.respond("GET", "/api/admin/audit", Response.json(AUDIT));
		assessment.respond("GET", "/api/admin/leads/" + LEAD + "/export",
				Response.json("{\"lead\":{\"id\":\"" + LEAD + "\",\"name\":\"Pat Doe\"}}"));
		assessment.respond("POST", "/api/admin/leads/" + LEAD + "/erase", noContent());
		assessment.respond("GET", "/api/admin/scoring/published", Response.json(PUBLISHED));
		assessment.respond("GET", "/api/admin/scoring/versions", Response.json(VERSIONS));
		assessment.respond("GET", "/api/admin/scoring/decision-map", Response.json(DECISION_MAP));
		assessment.respond("GET", "/api/admin/scoring/drafts", Response.json("[" + DRAFT + "]"));
		assessment.respond("GET", "/api/admin/scoring/drafts/7", Response.json(DRAFT));
		assessment.respond("GET", "/api/admin/scoring/drafts/7/decision-map", Response.json(DECISION_MAP));
		assessment.respond("POST", "/api/admin/scoring/drafts", new Response(201, "application/json",
				DRAFT.replace("\"revision\":3", "\"revision\":0"), Duration.ZERO));
		assessment.respond("PUT", "/api/admin/scoring/drafts/7",
				Response.json(DRAFT.replace("\"revision\":3", "\"revision\":4")));
		assessment.respond("PUT", "/api/admin/scoring/drafts/7/rules/skills_gaps",
				Response.json(DRAFT.replace("\"revision\":3", "\"revision\":4")));
		assessment.respond("POST", "/api/admin/scoring/drafts/7/trial", Response.json(TRIAL));
		assessment.respond("POST", "/api/admin/scoring/drafts/7/publish", new Response(201, "application/json",
				"{\"version\":3,\"questionnaireVersion\":1,\"publishedAt\":\"2026-12-07T12:00:00Z\",\"publishedBy\":\"ada.admin@northbeam.test\",\"publishReason\":\"Tested\"}",
				Duration.ZERO));
	}

	static Response noContent() {
		return new Response(204, "application/json", "", Duration.ZERO);
	}

	static Response problem(int status, String body) {
		return new Response(status, "application/problem+json", body, Duration.ZERO);
	}

	/** The last request the fake received with this method and path. */
	static Request last(FakeHttpServer assessment, String method, String path) {
		List<Request> matching = assessment.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
		assertThat(matching).as(method + " " + path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	static RequestPostProcessor admin() {
		return user("ada.admin@northbeam.test").roles("ADMIN");
	}

}
