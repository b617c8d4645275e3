package com.northbeam.gateway.system;

import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * CORS on the public JSON API for exactly the allowed origins. The same setup as
 * {@code assessment.EmbeddedWizardTests}, so both share one context.
 */
@SpringBootTest(
		properties = "gateway.embed.allowed-origins=https://partner.example, https://tools.partner.example:8443")
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class PublicApiCorsTests {

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
	void anAllowedOriginsPreflightIsAnsweredForTheApi() {
		assertThat(mvc.options()
			.uri("/api/v1/assessment/submissions")
			.header("Origin", "https://tools.partner.example:8443")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")).hasStatusOk()
			.headers()
			.hasValue("Access-Control-Allow-Origin", "https://tools.partner.example:8443")
			.containsHeader("Access-Control-Allow-Methods")
			.doesNotContainHeader("Access-Control-Allow-Credentials");
	}

	@Test
	void anAllowedOriginsRequestGetsItsCorsHeaders() {
		assertThat(mvc.get()
			.uri("/api/v1/assessment")
			.header("Origin", "https://partner.example")
			.accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.headers()
			.hasValue("Access-Control-Allow-Origin", "https://partner.example");
	}

	@Test
	void otherOriginsAreRefused() {
		assertThat(mvc.options()
			.uri("/api/v1/assessment/submissions")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")).hasStatus(403)
			.doesNotContainHeader("Access-Control-Allow-Origin");
		assertThat(mvc.get().uri("/api/v1/assessment").header("Origin", "https://partner.example.evil.test"))
			.hasStatus(403)
			.doesNotContainHeader("Access-Control-Allow-Origin");
	}

	@Test
	void pagesAnswerNoCorsEvenForAnAllowedOrigin() {
		assertThat(mvc.get().uri("/assessment").header("Origin", "https://partner.example"))
			.doesNotContainHeader("Access-Control-Allow-Origin");
	}

	@Test
	void anAllowedOriginMustBeAnOrigin() {
		assertThat(new EmbedProperties(List.of(" https://partner.example ", "")).allowedOrigins())
			.containsExactly("https://partner.example");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmbedProperties(List.of("https://partner.example/path")))
			.withMessageContaining("is not an origin like https://www.example.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmbedProperties(List.of("https://a.example; script-src *")));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmbedProperties(List.of("*")));
	}

}
