package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Factor;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading picks against a database that cannot be reached (the PostgreSQL driver
 * connecting to a closed port, as during a restart): a courtesy, so neither storing nor
 * reading them fails the submission or its result.
 */
class ReadingPicksTests {

	@Test
	void anUnreachableDatabaseNeitherFailsTheSubmissionNorTheResult() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		DriverManagerDataSource unreachable = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + closed + "/gateway?connectTimeout=2", "gateway", "");
		ReadingPicks picks = new ReadingPicks(new ReadingPickRepository(JdbcClient.create(unreachable)),
				Clock.systemUTC());
		UUID id = UUID.randomUUID();

		picks.remember(id, List.of(ReadingPicks.CYBERSECURITY));

		List<Factor> factors = List
			.of(new Factor("security_complexity", "co_managed", 1.0, "reason", "anchor", "up", 5));
		assertThat(picks.forResult(id, factors)).isEqualTo(ReadingPicks.fromFactors(factors))
			.startsWith(ReadingPicks.CYBERSECURITY);
	}

}
