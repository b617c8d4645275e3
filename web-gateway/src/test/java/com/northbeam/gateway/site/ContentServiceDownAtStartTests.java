package com.northbeam.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.northbeam.gateway.Fixtures;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway started while content-service is down (its base URL names a closed port):
 * the site starts and is ready, says which part is missing instead of failing, and serves
 * content once content-service comes up at that address, without a restart.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, ContentServiceDownAtStartTests.Services.class })
class ContentServiceDownAtStartTests {

	private static final String GUIDE = "/articles/co-managed-vs-fully-managed-it";

	/** Free when the gateway starts; content-service comes up here later. */
	static final int CONTENT_PORT = freePort();

	@Autowired
	MockMvcTester mvc;

	@Test
	void theSiteStartsSaysWhatIsMissingAndRecoversWhenContentServiceComesUp() throws Exception {
		assertThat(mvc.get().uri("/readyz")).hasStatusOk();

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("The guide is temporarily unavailable")
			.doesNotContain("The self-assessment is temporarily unavailable", "Exception", "Whitelabel");
		assertThat(mvc.get().uri(GUIDE)).hasStatus(503)
			.bodyText()
			.contains("This page is briefly unavailable", "our articles, guides and FAQs cannot be loaded",
					"request id")
			.doesNotContain("Exception", "at com.");
		// The assessment does not need content-service.
		assertThat(mvc.get().uri("/assessment")).hasStatusOk().bodyText().contains("Step 1 of");

		try (FakeHttpServer content = new FakeHttpServer(CONTENT_PORT)) {
			content.respond("GET", "/api/articles/co-managed-vs-fully-managed-it", Response.json(Fixtures.guide()));
			// Within the circuit breaker's wait in its open state (10 s) and a retry.
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			int status;
			do {
				Thread.sleep(250);
				status = mvc.get().uri(GUIDE).exchange().getResponse().getStatus();
			}
			while (status != 200 && System.nanoTime() < deadline);
			assertThat(status).isEqualTo(200);
			assertThat(mvc.get().uri(GUIDE)).hasStatusOk().bodyText().contains("Co-Managed IT vs Fully Managed IT");
			assertThat(mvc.get().uri("/")).hasStatusOk()
				.bodyText()
				.contains("Co-Managed IT vs Fully Managed IT")
				.doesNotContain("The guide is temporarily unavailable");
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Services {

		@Bean(destroyMethod = "close")
		@Qualifier("assessment")
		FakeHttpServer fakeAssessmentService() {
			FakeHttpServer assessment = new FakeHttpServer();
			assessment.respond("GET", "/api/questionnaires/current", Response.json(Fixtures.questionnaire()));
			return assessment;
		}

		@Bean
		DynamicPropertyRegistrar serviceUrls(@Qualifier("assessment") FakeHttpServer assessment) {
			return (registry) -> {
				registry.add("gateway.services.content.base-url", () -> "http://127.0.0.1:" + CONTENT_PORT);
				registry.add("gateway.services.content.read-timeout", () -> "1500ms");
				registry.add("gateway.services.assessment.base-url", assessment::baseUrl);
				registry.add("gateway.services.assessment.read-timeout", () -> "1500ms");
			};
		}

	}

}
