package com.northbeam.gateway.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.gateway.token.ServiceTokens;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Each test counts with its own {@link FunnelEvents} against its own fake
 * assessment-service, so the events of the other tests in the shared context (and its
 * scheduled flushes) stay out of it. The tests flush by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class FunnelEventsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ServiceTokens tokens;

	private final FakeHttpServer service = new FakeHttpServer().respond("POST", "/api/events", accepted());

	@AfterEach
	void stopService() {
		service.close();
	}

	@Test
	void severalEventsGoOutAsOneCountPerEventWithTheGatewaysEventsToken() {
		FunnelEvents events = funnelEvents(10_000);
		events.articleViewed("co-managed-vs-fully-managed-it");
		events.articleViewed("co-managed-vs-fully-managed-it");
		events.articleViewed("co-managed-vs-fully-managed-it");
		events.articleViewed("break-fix-vs-managed-it");
		events.stepCompleted("company");
		events.stepCompleted("company");
		events.assessmentStarted();

		events.flush();

		assertThat(posted()).containsExactlyInAnyOrder(
				body("{'type':'article_viewed','article':'co-managed-vs-fully-managed-it','count':3}"),
				body("{'type':'article_viewed','article':'break-fix-vs-managed-it','count':1}"),
				body("{'type':'step_completed','step':'company','count':2}"),
				body("{'type':'assessment_started','count':1}"));
		FakeHttpServer.Request request = service.requests().get(0);
		JsonNode claims = TokenClaims.of(request);
		assertThat(claims.get("sub").asString()).isEqualTo("gateway");
		assertThat(claims.get("scope").asString()).isEqualTo("events:write");
		assertThat(claims.get("aud").toString()).contains("assessment-service");
		assertThat(request.headers()).doesNotContainKey("Cookie");
	}

	@Test
	void nothingIsSentWhenNothingHappened() {
		FunnelEvents events = funnelEvents(10_000);
		events.flush();
		assertThat(service.requests()).isEmpty();

		events.submitted();
		events.flush();
		events.flush();
		assertThat(posted()).containsExactly(body("{'type':'submitted','count':1}"));
	}

	@Test
	void countsTheServiceDoesNotTakeAreSentWithTheNextFlush() {
		FunnelEvents events = funnelEvents(10_000);
		service.respond("POST", "/api/events", Response.status(503));
		events.articleViewed("it-services");
		events.articleViewed("it-services");
		events.flush();
		assertThat(service.requests()).hasSize(1);

		service.respond("POST", "/api/events", accepted());
		events.articleViewed("it-services");
		events.flush();

		assertThat(service.requests()).hasSize(2);
		assertThat(posted().get(1)).isEqualTo(body("{'type':'article_viewed','article':'it-services','count':3}"));
	}

	@Test
	void nothingIsThrownWhileTheServiceCannotBeReached() {
		// Nothing listens on port 1 of the loopback address: the connection is refused.
		FunnelEvents events = funnelEvents(URI.create("http://127.0.0.1:1"), 10_000);
		events.articleViewed("it-services");
		assertThatNoException().isThrownBy(events::flush);
		assertThatNoException().isThrownBy(events::destroy);
	}

	@Test
	void aCountTheServiceRefusesAsInvalidIsDropped() {
		FunnelEvents events = funnelEvents(10_000);
		service.respond("POST", "/api/events", Response.status(400));
		events.stepCompleted("a-step-no-longer-asked");
		events.flush();
		service.respond("POST", "/api/events", accepted());
		events.flush();

		assertThat(service.requests()).hasSize(1);
	}

	@Test
	void aCountAboveWhatOneRequestMayCarryIsSplit() {
		FunnelEvents events = funnelEvents(10_000);
		for (int i = 0; i < FunnelEvents.MAXIMUM_COUNT + 5; i++) {
			events.articleViewed("co-managed-vs-fully-managed-it");
		}
		events.flush();

		assertThat(posted()).containsExactly(
				body("{'type':'article_viewed','article':'co-managed-vs-fully-managed-it','count':1000000}"),
				body("{'type':'article_viewed','article':'co-managed-vs-fully-managed-it','count':5}"));
	}

	@Test
	void beyondTheMostDistinctEventsNewOnesAreNotCounted() {
		FunnelEvents events = funnelEvents(2);
		events.articleViewed("first");
		events.articleViewed("second");
		events.articleViewed("third");
		events.articleViewed("first");
		events.flush();

		assertThat(posted()).containsExactlyInAnyOrder(body("{'type':'article_viewed','article':'first','count':2}"),
				body("{'type':'article_viewed','article':'second','count':1}"));
	}

	@Test
	void whatIsCountedIsSentOnShutdown() {
		FunnelEvents events = funnelEvents(10_000);
		events.assessmentStarted();

		events.destroy();

		assertThat(posted()).containsExactly(body("{'type':'assessment_started','count':1}"));
	}

	private FunnelEvents funnelEvents(int maximumKeys) {
		return funnelEvents(URI.create(service.baseUrl()), maximumKeys);
	}

	private FunnelEvents funnelEvents(URI assessmentService, int maximumKeys) {
		return new FunnelEvents(
				new TestServices("assessment-service", assessmentService.toString(), Duration.ofMillis(1500),
						tokens::issue)
					.client(FunnelEventsApi.class),
				new FunnelProperties(Duration.ofSeconds(10), maximumKeys));
	}

	/**
	 * The bodies posted to {@code /api/events}, as JSON (equal whatever the order of
	 * their fields).
	 */
	private List<JsonNode> posted() {
		return service.requests()
			.stream()
			.filter((request) -> request.method().equals("POST") && request.path().equals("/api/events"))
			.map((request) -> json.readTree(request.body()))
			.toList();
	}

	/** A body written with single quotes, for legibility. */
	private static JsonNode body(String singleQuoted) {
		return json.readTree(singleQuoted.replace('\'', '"'));
	}

	private static Response accepted() {
		return new Response(202, "application/json", "", Duration.ZERO);
	}

}
