package com.northbeam.gateway.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.client.StatsClient.Granularity;
import com.northbeam.gateway.token.ServiceTokens;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Against a fake assessment-service on the wire, in the context the other gateway tests
 * share.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class StatsClientTests {

	public static final String PIPELINE_JSON = """
			{"newThisWeek":7,"byStatus":{"new":7,"contacted":5,"qualified":3,"proposal":2,"won":4,"lost":3},
			 "conversionRate":0.1667}""";

	public static final String FUNNEL_JSON = """
			{"buckets":[{"start":"2026-11-16","visits":400,"starts":60,"completions":30,"leads":12},
			            {"start":"2026-11-23","visits":600,"starts":90,"completions":45,"leads":18}],
			 "dropOffByStep":[{"step":"company","entered":150,"completed":120},{"step":"team","entered":120,"completed":90}],
			 "leadsByRecommendation":{"co_managed":14,"fully_managed":10,"hybrid":6},
			 "leadsBySource":[{"source":"linkedin","count":16},{"source":"newsletter","count":9}]}""";

	public static final String RESPONSE_JSON = """
			{"from":"2026-11-16","to":"2026-11-29","targetMinutes":60,"waiting":9,"overdue":4,
			 "weeks":[{"start":"2026-11-16","contacted":0,"medianSeconds":null,"p90Seconds":null},
			          {"start":"2026-11-23","contacted":12,"medianSeconds":1500.0,"p90Seconds":9000.0}],
			 "owners":[{"owner":"sam.sales@northbeam.test","contacted":8,"medianSeconds":1200.0,"p90Seconds":4000.0},
			           {"owner":null,"contacted":4,"medianSeconds":3000.0,"p90Seconds":9000.0}]}""";

	private static final JsonMapper json = JsonMapper.builder().build();

	static final StaffCaller SALES = new StaffCaller("sam.sales@northbeam.test",
			List.of("leads:read", "leads:write", "submissions:read"));

	@Autowired
	StatsClient client;

	@Autowired
	ServiceTokens tokens;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer server;

	@Test
	void readsTheResponseTimesOfAPeriod() {
		server.respond("GET", "/api/stats/response-times", Response.json(RESPONSE_JSON));

		StatsClient.ResponseTimes response = client.responseTimes(SALES, LocalDate.of(2026, 11, 16),
				LocalDate.of(2026, 11, 29));

		assertThat(response.targetMinutes()).isEqualTo(60);
		assertThat(response.overdue()).isEqualTo(4);
		assertThat(response.weeks()).hasSize(2);
		assertThat(response.weeks().get(0).medianSeconds()).isNull();
		assertThat(response.weeks().get(1).p90Seconds()).isEqualTo(9000.0);
		assertThat(response.owners().get(1).owner()).isNull();
		assertThat(lastRequest("/api/stats/response-times").query()).isEqualTo("from=2026-11-16&to=2026-11-29");
	}

	@Test
	void readsThePipelineWithATokenForTheSignedInSalesPerson() {
		server.respond("GET", "/api/stats/pipeline", Response.json(PIPELINE_JSON));

		StatsClient.Pipeline pipeline = client.pipeline(SALES);

		assertThat(pipeline.newThisWeek()).isEqualTo(7);
		assertThat(pipeline.count("won")).isEqualTo(4);
		assertThat(pipeline.count("unknown")).isZero();
		assertThat(pipeline.conversionRate()).isEqualTo(0.1667);
		JsonNode claims = claimsOf(lastRequest("/api/stats/pipeline"));
		assertThat(claims.get("sub").asString()).isEqualTo("sam.sales@northbeam.test");
		assertThat(claims.get("scope").asString()).isEqualTo("leads:read leads:write submissions:read");
		assertThat(claims.get("aud").toString()).contains("assessment-service");
	}

	@Test
	void readsTheFunnel() {
		server.respond("GET", "/api/stats/funnel", Response.json(FUNNEL_JSON));

		StatsClient.Funnel funnel = client.funnel(SALES, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 28),
				Granularity.WEEK);

		assertThat(funnel.buckets()).extracting(StatsClient.Bucket::leads).containsExactly(12L, 18L);
		assertThat(funnel.dropOffByStep()).extracting(StatsClient.Step::step).containsExactly("company", "team");
		assertThat(funnel.leadsByRecommendation()).containsEntry("hybrid", 6L);
		assertThat(funnel.leadsBySource()).extracting(StatsClient.SourceCount::source)
			.containsExactly("linkedin", "newsletter");
		assertThat(claimsOf(lastRequest("/api/stats/funnel")).get("sub").asString())
			.isEqualTo("sam.sales@northbeam.test");
	}

	@Test
	void aServerErrorIsUnavailable() {
		server.respond("GET", "/api/stats/pipeline",
				new Response(503, "application/problem+json", "{\"status\":503}", Duration.ZERO));

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> client.pipeline(SALES));
	}

	/**
	 * The fake server records paths only; a bare one records the query the funnel is
	 * asked with.
	 */
	@Test
	void theFunnelIsAskedForTheDaysAndGranularity() throws Exception {
		List<URI> seen = new CopyOnWriteArrayList<>();
		HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		bare.createContext("/", (exchange) -> {
			seen.add(exchange.getRequestURI());
			byte[] body = FUNNEL_JSON.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		bare.start();
		try {
			new StatsClient(new TestServices("assessment-service", "http://127.0.0.1:" + bare.getAddress().getPort(),
					Duration.ofSeconds(2), tokens::issue)
				.client(StatsApi.class))
				.funnel(SALES, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 28), Granularity.WEEK);
		}
		finally {
			bare.stop(0);
		}

		assertThat(seen).singleElement().satisfies((uri) -> {
			assertThat(uri.getPath()).isEqualTo("/api/stats/funnel");
			assertThat(uri.getQuery()).contains("from=2026-09-07", "to=2026-11-28", "granularity=week");
		});
	}

	private Request lastRequest(String path) {
		List<Request> matching = server.requests().stream().filter((request) -> request.path().equals(path)).toList();
		assertThat(matching).as("requests to " + path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	private static JsonNode claimsOf(Request request) {
		String authorization = request.headers().get("Authorization").get(0);
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
