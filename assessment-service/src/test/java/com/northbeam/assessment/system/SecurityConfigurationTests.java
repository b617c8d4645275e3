package com.northbeam.assessment.system;

import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.TestTokenIssuer;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
class SecurityConfigurationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Test
	void theQuestionnaireAndHealthAreOpen() {
		assertThat(mvc.get().uri("/api/questionnaires/current")).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
	}

	@Test
	void leadsAndSubmissionsWithoutATokenAreUnauthorized() {
		assertThat(mvc.get().uri("/api/leads")).hasStatus(401);
		assertThat(mvc.post().uri("/api/submissions")).hasStatus(401);
		assertThat(mvc.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + tokens.expiredToken("sales@northbeam.test", "leads:read")))
			.hasStatus(401);
	}

	@Test
	void aTokenWithoutTheNeededScopeIsForbidden() {
		String editorToken = "Bearer " + tokens.token("editor@northbeam.test", "content:write");
		assertThat(mvc.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION, editorToken)).hasStatus(403);
		assertThat(mvc.post().uri("/api/submissions").header(HttpHeaders.AUTHORIZATION, editorToken)).hasStatus(403);
		assertThat(mvc.get().uri("/api/admin/price-assumptions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("sales@northbeam.test", "leads:read", "leads:write")))
			.hasStatus(403);
	}

}
