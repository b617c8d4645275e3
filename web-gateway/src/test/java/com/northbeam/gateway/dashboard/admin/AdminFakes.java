package com.northbeam.gateway.dashboard.admin;

import java.time.Duration;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

	private AdminFakes() {
	}

	static void answerAll(FakeHttpServer assessment) {
		assessment.respond("GET", "/api/admin/price-assumptions", Response.json(PRICES));
		assessment.respond("GET", "/api/admin/price-assumptions/history", Response.json("[" + PRICES + "]"));
		assessment.respond("PUT", "/api/admin/price-assumptions",
				Response.json(PRICES.replace("\"version\":4", "\"version\":5")));
		assessment.respond("GET", "/api/admin/notifications/settings", Response.json(SETTINGS));
		assessment.respond("PUT", "/api/admin/notifications/settings", noContent());
		assessment.respond("GET", "/api/admin/notifications/deliveries", Response.json(DELIVERIES));
		assessment.respond("POST", "/api/admin/notifications/deliveries/17/retry", noContent());
		assessment.respond("POST", "/api/admin/notifications/deliveries/18/redeliver", noContent());
		assessment.respond("GET", "/api/admin/audit", Response.json(AUDIT));
		assessment.respond("GET", "/api/admin/leads/" + LEAD + "/export",
				Response.json("{\"lead\":{\"id\":\"" + LEAD + "\",\"name\":\"Pat Doe\"}}"));
		assessment.respond("POST", "/api/admin/leads/" + LEAD + "/erase", noContent());
	}

	static Response noContent() {
		return new Response(204, "application/json", "", Duration.ZERO);
	}

	static Response problem(int status, String body) {
		return new Response(status, "application/problem+json", body, Duration.ZERO);
	}

	static RequestPostProcessor admin() {
		return user("ada.admin@northbeam.test").roles("ADMIN");
	}

}
