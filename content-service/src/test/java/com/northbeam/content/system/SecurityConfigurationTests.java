package com.northbeam.content.system;

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
	void publishedContentAndHealthAreOpen() {
		assertThat(mvc.get().uri("/api/articles/co-managed-vs-fully-managed-it")).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
	}

	@Test
	void writesWithoutATokenAreUnauthorized() {
		assertThat(mvc.post().uri("/api/articles")).hasStatus(401);
	}

	@Test
	void tokensThatAreExpiredOrFromAnotherIssuerAreUnauthorized() {
		assertThat(mvc.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + tokens.expiredToken("editor@northbeam.test", "content:write")))
			.hasStatus(401);
		assertThat(mvc.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + tokens.tokenFromOtherIssuer("editor@northbeam.test", "content:write")))
			.hasStatus(401);
	}

	@Test
	void writesWithoutTheEditingScopeAreForbidden() {
		assertThat(mvc.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + tokens.token("sales@northbeam.test", "leads:read")))
			.hasStatus(403);
	}

}
