package com.northbeam.gateway.client;

import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentClientTests {

	private static final String GUIDE_PATH = "/api/articles/co-managed-vs-fully-managed-it";

	private final FakeHttpServer server = new FakeHttpServer();

	private TestServices services;

	@AfterEach
	void stopServer() {
		server.close();
	}

	@Test
	void readsAPublishedArticle() {
		server.respond("GET", GUIDE_PATH, Response.json("""
				{"slug":"co-managed-vs-fully-managed-it","title":"Co-Managed IT vs Fully Managed IT",
				 "summary":"Which model fits?","html":"<p>Body</p>","unknownField":1}"""));

		ContentClient.ArticleLookup lookup = clientFor(server.baseUrl(), Duration.ofSeconds(2))
			.article("co-managed-vs-fully-managed-it");

		assertThat(lookup).isInstanceOf(ContentClient.ArticleLookup.Found.class);
		ContentClient.Article article = ((ContentClient.ArticleLookup.Found) lookup).article();

		assertThat(article.title()).isEqualTo("Co-Managed IT vs Fully Managed IT");
		assertThat(article.summary()).isEqualTo("Which model fits?");
	}

	@Test
	void anUnknownSlugIsEmptyNotAnError() {
		assertThat(clientFor(server.baseUrl(), Duration.ofSeconds(2)).article("nope"))
			.isEqualTo(new ContentClient.ArticleLookup.NotFound("nope"));
	}

	@Test
	void anOldSlugNamesTheNewOne() {
		server.respond("GET", "/api/articles/old-slug",
				new Response(301, "application/json", "{\"slug\":\"new-slug\"}", Duration.ZERO));

		assertThat(clientFor(server.baseUrl(), Duration.ofSeconds(2)).article("old-slug"))
			.isEqualTo(new ContentClient.ArticleLookup.Moved("new-slug"));
	}

	@Test
	void aSlowServiceTimesOutAfterTheReadTimeout() {
		server.respond("GET", GUIDE_PATH, Response.json("{}").delayedBy(Duration.ofSeconds(3)));
		ContentClient client = clientFor(server.baseUrl(), Duration.ofMillis(300));

		long started = System.nanoTime();
		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> client.article("co-managed-vs-fully-managed-it"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void aStoppedServiceFailsFast() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ContentClient client = clientFor("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2));

		long started = System.nanoTime();
		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> client.article("co-managed-vs-fully-managed-it"))
			.satisfies((ex) -> assertThat(ex.service()).isEqualTo("content-service"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void repeatedServerErrorsOpenTheCircuitSoLaterCallsSkipTheService() {
		server.respond("GET", GUIDE_PATH, Response.status(503));
		ContentClient client = clientFor(server.baseUrl(), Duration.ofSeconds(2));

		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(ServiceUnavailableException.class)
				.isThrownBy(() -> client.article("co-managed-vs-fully-managed-it"));
		}
		int requestsSoFar = server.requests().size();
		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> client.article("co-managed-vs-fully-managed-it"));

		assertThat(services.policy().state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(server.requests()).hasSize(requestsSoFar);
	}

	private ContentClient clientFor(String baseUrl, Duration readTimeout) {
		services = new TestServices("content-service", baseUrl, readTimeout, (audience, subject, scopes) -> "unused");
		return new ContentClient(services.client(ContentApi.class));
	}

}
