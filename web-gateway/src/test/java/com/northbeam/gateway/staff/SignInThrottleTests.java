package com.northbeam.gateway.staff;

import java.time.Duration;
import java.time.Instant;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in attempts hold an email and a client address, so they are kept only as long as
 * the throttle needs them (its window, 15 minutes by default).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class SignInThrottleTests {

	@Autowired
	SignInThrottle throttle;

	@Autowired
	SignInAttemptRepository attempts;

	@Test
	void attemptsOlderThanTheWindowArePrunedAndRecentOnesStillCount() {
		String email = "prune-" + System.nanoTime() + "@example.com";
		Instant now = Instant.now();
		attempts.record(email, "203.0.113.7", false, now.minus(Duration.ofHours(2)));
		attempts.record(email, "203.0.113.7", false, now.minus(Duration.ofMinutes(16)));
		attempts.record(email, "203.0.113.7", false, now.minus(Duration.ofMinutes(1)));

		assertThat(throttle.prune()).isGreaterThanOrEqualTo(2);

		assertThat(attempts.failuresForEmailSince(email, Instant.EPOCH)).isEqualTo(1);
		assertThat(attempts.failuresFromAddressSince("203.0.113.7", now.minus(Duration.ofMinutes(15))))
			.isGreaterThanOrEqualTo(1);
	}

}
