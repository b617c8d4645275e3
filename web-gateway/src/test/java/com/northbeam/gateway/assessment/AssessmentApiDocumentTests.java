package com.northbeam.gateway.assessment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.OpenApiLint;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class AssessmentApiDocumentTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void serviceAnswers() {
		questionnaire.evict();
		assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
	}

	@Test
	void theDocumentPassesRedoclysRecommendedRules() throws Exception {
		OpenApiLint.Result result = OpenApiLint.lint("web-gateway", document());
		assertThat(result.errors()).as(result::toString).isZero();
	}

	@Test
	void itDocumentsOnlyThePublicJsonApiAllOpenWithProblemsAndExamples() throws Exception {
		String document = document();
		assertThat(JsonPath.<String>read(document, "$.openapi")).startsWith("3.1");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths")).containsOnlyKeys("/api/v1/assessment",
				"/api/v1/assessment/starts", "/api/v1/assessment/submissions", "/api/v1/assessment/submissions/{id}");
		assertThat(JsonPath.<List<List<?>>>read(document, "$.paths.*.*.security")).hasSize(4)
			.allSatisfy((security) -> assertThat(security).isEmpty());
		assertThat(JsonPath.<String>read(document,
				"$.paths['/api/v1/assessment/submissions'].post.responses['400']['$ref']"))
			.isEqualTo("#/components/responses/InvalidSubmission");
		assertThat(JsonPath.<Object>read(document,
				"$.components.responses.InvalidSubmission.content['application/problem+json'].example.errors"))
			.isNotNull();
		assertThat(JsonPath.<Object>read(document,
				"$.paths['/api/v1/assessment/submissions'].post.requestBody.content['application/json'].examples"))
			.isNotNull();
	}

	@Test
	void itSaysWhatASubmissionWithoutAStartOfItsOwnMeans() throws Exception {
		String document = document();
		assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/assessment/starts'].post.description"))
			.contains("startToken", "held for review", "answered exactly like the others");
		assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/assessment/submissions'].post.description"))
			.contains("POST /api/v1/assessment/starts");
		assertThat(JsonPath.<Object>read(document, "$.components.schemas.ApiSubmission.properties.startToken"))
			.isNotNull();
	}

	@Test
	void aBodyThatIsNotJsonIsAProblemToo() {
		assertThat(mvc.post()
			.uri("/api/v1/assessment/submissions")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": [")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The body is not a JSON submission; nothing was stored.");
	}

	@Test
	void withNoAllowedOriginsOtherSitesGetNoCorsAnswerAndNoFraming() {
		assertThat(mvc.options()
			.uri("/api/v1/assessment/submissions")
			.header("Origin", "https://partner.example")
			.header("Access-Control-Request-Method", "POST")).doesNotContainHeader("Access-Control-Allow-Origin");
		String policy = mvc.get()
			.uri("/embed/assessment")
			.exchange()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(policy).endsWith("frame-ancestors 'self'");
	}

	private String document() throws Exception {
		return mvc.get()
			.uri("/api/v1/openapi.json")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
