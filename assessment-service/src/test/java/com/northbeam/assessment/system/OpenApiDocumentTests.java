package com.northbeam.assessment.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class OpenApiDocumentTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theDocumentPassesRedoclysRecommendedRules() throws Exception {
		OpenApiLint.Result result = OpenApiLint.lint("assessment-service", document());
		assertThat(result.errors()).as(result::toString).isZero();
	}

	@Test
	void everyOperationSaysWhoMayCallItAndTheProblemsItAnswers() throws Exception {
		String document = document();
		assertThat(JsonPath.<String>read(document, "$.openapi")).startsWith("3.1");
		assertThat(JsonPath.<List<?>>read(document, "$.paths['/api/questionnaires/current'].get.security")).isEmpty();
		assertThat(JsonPath.<List<String>>read(document,
				"$.paths['/api/admin/scoring/drafts/{id}/trial'].post.security[0]['gateway-token']"))
			.containsExactly("scoring:try");
		assertThat(JsonPath.<List<String>>read(document, "$.paths['/api/leads/{id}'].get.security[0]['gateway-token']"))
			.containsExactly("leads:read");
		assertThat(JsonPath.<List<String>>read(document,
				"$.paths['/api/leads/{id}/notes'].post.security[0]['gateway-token']"))
			.containsExactly("leads:write");
		assertThat(JsonPath.<String>read(document, "$.paths['/api/leads/{id}'].get.responses['403']['$ref']"))
			.isEqualTo("#/components/responses/Forbidden");
		assertThat(JsonPath.<List<?>>read(document, "$.paths.*.*.summary")).doesNotContainNull();
		assertThat(JsonPath.<Map<String, ?>>read(document, "$.paths['/api/admin/response-target'].put.responses"))
			.containsKeys("200", "400", "409");
		assertThat(JsonPath.<String>read(document,
				"$.paths['/api/admin/response-target'].put.responses['409'].content['application/problem+json'].schema['$ref']"))
			.isEqualTo("#/components/schemas/Problem");
		assertThat(JsonPath.<Integer>read(document,
				"$.paths['/api/admin/response-target'].put.responses['409'].content['application/problem+json'].example.status"))
			.isEqualTo(409);
	}

	@Test
	void everyNotificationEventTypeIsAWebhookWithItsBody() throws Exception {
		String document = document();
		assertThat(JsonPath.<Map<String, ?>>read(document, "$.webhooks")).containsOnlyKeys("lead.created",
				"consultation.requested", "lead.overdue");
		assertThat(JsonPath.<String>read(document, "$.webhooks['lead.overdue'].post.summary")).contains("owner");
		assertThat(JsonPath.<String>read(document,
				"$.webhooks['lead.overdue'].post.requestBody.content['application/json'].example.type"))
			.isEqualTo("lead.overdue");
		assertThat(JsonPath.<List<String>>read(document, "$.components.schemas.WebhookEvent.properties.type.enum"))
			.containsExactly("lead.created", "consultation.requested", "lead.overdue");
	}

	@Test
	void theDocumentedRefusalsAreProblems() {
		assertThat(mvc.get().uri("/api/leads")).hasStatus(401)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.containsHeader(HttpHeaders.WWW_AUTHENTICATE);
	}

	private String document() throws Exception {
		return mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
