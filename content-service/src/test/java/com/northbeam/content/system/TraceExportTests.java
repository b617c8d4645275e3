package com.northbeam.content.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans reach an OTLP/HTTP collector when, and only because, its endpoint is configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.tracing.sampling.probability=1.0")
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
class TraceExportTests {

	static final FakeHttpServer collector = new FakeHttpServer().respond("POST", "/v1/traces", Response.status(200));

	@DynamicPropertySource
	static void collectorEndpoint(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> collector.baseUrl() + "/v1/traces");
	}

	@AfterAll
	static void stopCollector() {
		collector.close();
	}

	@LocalServerPort
	int port;

	@Test
	void spansOfARequestAreExportedToTheConfiguredCollector() throws Exception {
		HttpResponse<String> article = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create("http://localhost:" + this.port + "/api/articles/co-managed-vs-fully-managed-it"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(article.statusCode()).isEqualTo(200);

		// The batch processor sends every few seconds.
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (collector.requests().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(collector.requests()).anySatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/v1/traces");
			assertThat(request.headers().get("Content-type")).containsExactly("application/x-protobuf");
			assertThat(request.body()).contains("content-service", "/api/articles/{slug}");
		});
	}

}
