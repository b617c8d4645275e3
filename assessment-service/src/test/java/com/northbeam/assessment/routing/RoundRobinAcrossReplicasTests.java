package com.northbeam.assessment.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.northbeam.assessment.AssessmentServiceApplication;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.TestTokenIssuer;
import com.northbeam.testsupport.TokenTestConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two assessment-service instances on one PostgreSQL database take 50 leads at once,
 * spread across both: a round-robin group of five gives each person ten. Fairness comes
 * from the group's turn, kept in the database and taken under a row lock in each lead's
 * transaction, not from anything held in one instance's memory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
class RoundRobinAcrossReplicasTests {

	private static final List<String> TEAM = List.of("ada@northbeam.test", "ben@northbeam.test", "cy@northbeam.test",
			"dee@northbeam.test", "eli@northbeam.test");

	private static final int LEADS = 50;

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void fiftyLeadsAtOnceOnTwoInstancesGiveEachOfFivePeopleTen() throws Exception {
		RoutingFixtures routing = new RoutingFixtures(mvc, jdbc, tokens, json);
		routing.roster(TEAM.stream().map((email) -> email + ":true").toArray(String[]::new));
		long team = routing.group("Inside sales", TEAM.toArray(String[]::new));
		routing.rule("Everyone", "\"groupId\":" + team);

		try (ConfigurableApplicationContext second = startSecondInstance()) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			List<Integer> statuses = submitAtOnce(List.of(port, secondPort));
			assertThat(statuses).containsOnly(201).hasSize(LEADS);
		}

		List<Map<String, Object>> owners = jdbc
			.sql("select owner, count(*) leads from lead group by owner order by owner")
			.query()
			.listOfRows();
		assertThat(owners).extracting((row) -> row.get("owner") + "=" + row.get("leads"))
			.containsExactly("ada@northbeam.test=10", "ben@northbeam.test=10", "cy@northbeam.test=10",
					"dee@northbeam.test=10", "eli@northbeam.test=10");
		assertThat(jdbc
			.sql("select count(*) from lead_event where kind = 'routed' "
					+ "and detail like 'Assigned to %@northbeam.test by routing rule ''Everyone'''")
			.query(Integer.class)
			.single()).isEqualTo(LEADS);
	}

	/**
	 * Posts {@link #LEADS} submissions at the same moment, alternating between the
	 * instances; answers the status of each.
	 */
	private List<Integer> submitAtOnce(List<Integer> ports) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String token = "Bearer " + tokens.token("gateway", "submissions:write", "submissions:read");
		ExecutorService pool = Executors.newFixedThreadPool(LEADS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < LEADS; i++) {
				int target = ports.get(i % ports.size());
				HttpRequest request = HttpRequest
					.newBuilder(URI.create("http://localhost:" + target + "/api/submissions"))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(SubmissionBodies.valid(UUID.randomUUID())))
					.build();
				answers.add(pool.submit(() -> {
					start.await();
					return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(90, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private ConfigurableApplicationContext startSecondInstance() {
		// Command-line arguments, so they win over application.properties as real
		// deployment settings do.
		return new SpringApplicationBuilder(AssessmentServiceApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + nullToEmpty(dataSource.getPassword()),
				"--spring.datasource.hikari.maximum-pool-size=5",
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri());
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
