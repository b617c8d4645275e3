package com.northbeam.content.system;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.northbeam.content.ContentServiceTest;
import com.northbeam.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class OpenApiDocumentTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theDocumentPassesRedoclysRecommendedRules() throws Exception {
		OpenApiLint.Result result = OpenApiLint.lint("content-service", document());
		assertThat(result.errors()).as(result::toString).isZero();
	}

	@Test
	void everyOperationSaysWhoMayCallItAndTheProblemsItAnswers() throws Exception {
		String document = document();
		assertThat(JsonPath.<String>read(document, "$.openapi")).startsWith("3.1");
		assertThat(JsonPath.<List<?>>read(document, "$.paths['/api/faqs'].get.security")).isEmpty();
		assertThat(
				JsonPath.<List<String>>read(document, "$.paths['/api/editor/faqs'].post.security[0]['gateway-token']"))
			.containsExactly("content:write");
		assertThat(JsonPath.<String>read(document, "$.paths['/api/editor/faqs'].post.responses['401']['$ref']"))
			.isEqualTo("#/components/responses/Unauthorized");
		assertThat(JsonPath.<List<?>>read(document, "$.paths.*.*.summary")).doesNotContainNull();
		assertThat(JsonPath.<Object>read(document,
				"$.paths['/api/articles/{slug}'].get.responses['404'].content['application/problem+json'].schema"))
			.isNotNull();
	}

	@Test
	void theDocumentedRefusalsAreProblems() {
		assertThat(mvc.get().uri("/api/editor/faqs")).hasStatus(401)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.containsHeader(HttpHeaders.WWW_AUTHENTICATE);
	}

	private String document() throws Exception {
		return mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
