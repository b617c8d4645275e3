package com.northbeam.assessment.system;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class SecurityConfigurationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Test
	void theQuestionnaireAndHealthAreOpen() {
		assertThat(mvc.get().uri("/api/questionnaires/current")).hasStatusOk();
		assertThat(mvc.get().uri("/readyz")).hasStatusOk();
	}

	@Test
	void leadsAndSubmissionsWithoutATokenAreUnauthorized() {
		assertThat(mvc.get().uri("/api/leads")).hasStatus(401);
		assertThat(mvc.post().uri("/api/submissions")).hasStatus(401);
		assertThat(mvc.get()
			.uri("/api/leads")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.expiredToken("sales@northbeam.test", "leads:read")))
			.hasStatus(401);
	}

	@Test
	void aTokenWithoutTheNeededScopeIsForbidden() {
		String editorToken = "Bearer " + tokens.token("editor@northbeam.test", "content:write");
		assertThat(mvc.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION, editorToken)).hasStatus(403);
		assertThat(mvc.post().uri("/api/submissions").header(HttpHeaders.AUTHORIZATION, editorToken)).hasStatus(403);
		String writer = "Bearer " + tokens.token("gateway", "submissions:write");
		assertThat(mvc.get().uri("/api/submissions/{id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, writer))
			.hasStatus(403);
		assertThat(mvc.post().uri("/api/admin/submissions/rescore").header(HttpHeaders.AUTHORIZATION, writer))
			.hasStatus(403);
		assertThat(mvc.get()
			.uri("/api/admin/price-assumptions")
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokens.token("sales@northbeam.test", "leads:read", "leads:write")))
			.hasStatus(403);
	}

	@Test
	void funnelEventsStatisticsAndTheExportNeedTheirScopes() {
		String gateway = "Bearer " + tokens.token("gateway", "events:write", "submissions:write");
		String writer = "Bearer " + tokens.token("sales@northbeam.test", "leads:write");
		assertThat(mvc.get().uri("/api/stats/funnel").header(HttpHeaders.AUTHORIZATION, gateway)).hasStatus(403);
		assertThat(mvc.get().uri("/api/stats/pipeline").header(HttpHeaders.AUTHORIZATION, writer)).hasStatus(403);
		assertThat(mvc.get().uri("/api/leads/export.csv").header(HttpHeaders.AUTHORIZATION, writer)).hasStatus(403);
		assertThat(mvc.post().uri("/api/events").header(HttpHeaders.AUTHORIZATION, writer)).hasStatus(403);
		assertThat(mvc.post().uri("/api/events")).hasStatus(401);
		assertThat(mvc.get().uri("/api/admin/audit").header(HttpHeaders.AUTHORIZATION, writer)).hasStatus(403);
	}

	@Test
	void theFirewallHeaderRuleMatchesTheDefaultExpression() {
		Pattern standard = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
		for (String value : List.of("Bearer abc.def-ghi_~+/=", "naïve ünïcode ✓", "tab\there", "nul\u0000",
				"bell\u0007", "del\u007f", "unassigned\u0378", "emoji \uD83D\uDE00", "")) {
			assertThat(SecurityConfiguration.assignedAndNotControl(value)).as(value)
				.isEqualTo(standard.matcher(value).matches());
		}
	}

}
