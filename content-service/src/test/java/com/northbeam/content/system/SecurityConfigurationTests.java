package com.northbeam.content.system;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.testsupport.TestTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class SecurityConfigurationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	MeterRegistry meters;

	@Test
	void publishedContentHealthAndApiDocsAreOpen() {
		assertThat(mvc.get().uri("/api/articles/co-managed-vs-fully-managed-it")).hasStatusOk();
		assertThat(mvc.get().uri("/api/articles")).hasStatusOk();
		assertThat(mvc.get().uri("/api/faqs")).hasStatusOk();
		assertThat(mvc.get().uri("/api/search?q=cost")).hasStatusOk();
		assertThat(mvc.get().uri("/api/sitemap")).hasStatusOk();
		assertThat(mvc.get().uri("/api/feed")).hasStatusOk();
		assertThat(mvc.get().uri("/livez")).hasStatusOk();
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/articles/{slug}", "/api/articles", "/api/faqs", "/api/search", "/api/sitemap",
					"/api/feed", "/api/editor/articles", "/api/editor/articles/{id}/revisions/{revision}/restore",
					"/api/editor/faqs");
	}

	@Test
	void editorCallsWithoutATokenAreUnauthorized() {
		assertThat(mvc.get().uri("/api/editor/articles")).hasStatus(401);
		assertThat(mvc.post().uri("/api/editor/articles")).hasStatus(401);
		assertThat(mvc.post().uri("/api/articles")).hasStatus(401);
	}

	@Test
	void tokensThatAreExpiredOrFromAnotherIssuerAreUnauthorized() {
		assertThat(mvc.get()
			.uri("/api/editor/articles")
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokens.expiredToken("editor@northbeam.test", "content:write")))
			.hasStatus(401);
		assertThat(mvc.get()
			.uri("/api/editor/articles")
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokens.tokenFromOtherIssuer("editor@northbeam.test", "content:write")))
			.hasStatus(401);
	}

	@Test
	void editorCallsWithoutTheEditingScopeAreForbidden() {
		assertThat(mvc.get()
			.uri("/api/editor/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("sales@northbeam.test", "leads:read")))
			.hasStatus(403);
		assertThat(mvc.get()
			.uri("/api/editor/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("editor@northbeam.test", "content:write")))
			.hasStatusOk();
	}

	@Test
	void requestsAreMeasuredButSpringSecurityFiltersAreNotObserved() {
		assertThat(mvc.get().uri("/api/articles/co-managed-vs-fully-managed-it")).hasStatusOk();
		assertThat(mvc.get().uri("/api/editor/articles")).hasStatus(401);
		assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(meters.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("spring.security"));
	}

}
