package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two limiters on one database stand for two replicas: the count is theirs together.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class PostRateLimitTests {

	private static final AssessmentProperties PROPERTIES = new AssessmentProperties(Duration.ofSeconds(5),
			Duration.ofHours(24), new AssessmentProperties.RateLimit(2, Duration.ofMinutes(10), 4),
			new AssessmentProperties.Forwarder(Duration.ofSeconds(5), 25, Duration.ofSeconds(5), Duration.ofMinutes(5),
					Duration.ofMinutes(2)),
			AssessmentProperties.ContactStep.BEFORE,
			new AssessmentProperties.Retention(Duration.ofDays(7), Duration.ofDays(30)),
			new AssessmentProperties.ResultCache(1000, Duration.ofMinutes(10)));

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:03:00Z"), ZoneOffset.UTC);

	@Autowired
	PostRateWindowRepository windows;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoReplicasShareOneCountOverItPostsAreMarkedThenRefused() throws Exception {
		PostRateLimit first = new PostRateLimit(PROPERTIES, windows, CLOCK);
		PostRateLimit second = new PostRateLimit(PROPERTIES, windows, CLOCK);
		String address = address();

		assertThat(post(first, "/assessment", address).overLimit).isFalse();
		assertThat(post(second, "/assessment", address).overLimit).isFalse();
		Posted third = post(first, "/assessment", address);
		Posted fourth = post(second, "/assessment", address);
		Posted fifth = post(first, "/assessment", address);

		assertThat(third.overLimit).as("third post, counted by both replicas").isTrue();
		assertThat(third.response.getStatus()).isEqualTo(200);
		assertThat(fourth.overLimit).isTrue();
		assertThat(fifth.response.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(fifth.response.getHeader("Retry-After"))).isEqualTo(421L);
		assertThat(post(second, "/assessment", address()).overLimit).as("another client").isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM post_rate_window WHERE client_key LIKE :address")
			.param("address", "%" + address + "%")
			.query(Integer.class)
			.single()).as("only a digest of the address is stored").isZero();
	}

	@Test
	void anApiClientOverTheHardLimitGetsAProblemDocument() throws Exception {
		PostRateLimit limit = new PostRateLimit(PROPERTIES, windows, CLOCK);
		String address = address();
		for (int i = 0; i < 4; i++) {
			post(limit, "/api/v1/assessment/submissions", address);
		}

		MockHttpServletResponse fifth = post(limit, "/api/v1/assessment/submissions", address).response;

		assertThat(fifth.getStatus()).isEqualTo(429);
		assertThat(fifth.getContentType()).isEqualTo("application/problem+json");
		assertThat(fifth.getContentAsString()).contains("\"status\":429");
	}

	@Test
	void aNewWindowStartsAFreshCountAndOldWindowsAreForgotten() throws Exception {
		String address = address();
		PostRateLimit now = new PostRateLimit(PROPERTIES, windows, CLOCK);
		PostRateLimit later = new PostRateLimit(PROPERTIES, windows, Clock.offset(CLOCK, Duration.ofMinutes(10)));
		for (int i = 0; i < 3; i++) {
			post(now, "/assessment", address);
		}

		assertThat(post(later, "/assessment", address).overLimit).isFalse();
		PostRateLimit muchLater = new PostRateLimit(PROPERTIES, windows, Clock.offset(CLOCK, Duration.ofMinutes(30)));
		muchLater.forgetOldWindows();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM post_rate_window WHERE window_start < :cutoff")
			.param("cutoff", java.time.OffsetDateTime.parse("2026-12-07T10:10:00Z"))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void readingPagesIsNeverLimited() throws Exception {
		PostRateLimit limit = new PostRateLimit(PROPERTIES, windows, CLOCK);
		String address = address();
		for (int i = 0; i < 6; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assessment");
			request.setRemoteAddr(address);
			MockHttpServletResponse response = new MockHttpServletResponse();
			limit.doFilter(request, response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(PostRateLimit.overLimit(request)).isFalse();
		}
	}

	/**
	 * A client address of this test run alone, so runs against one database do not mix.
	 */
	private static String address() {
		UUID random = UUID.randomUUID();
		return "10." + Math.floorMod(random.hashCode(), 250) + "." + Math.floorMod(random.hashCode() >> 8, 250) + "."
				+ Math.floorMod((int) random.getLeastSignificantBits(), 250);
	}

	private static Posted post(PostRateLimit limit, String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRequestURI(path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return new Posted(response, PostRateLimit.overLimit(request));
	}

	private record Posted(MockHttpServletResponse response, boolean overLimit) {
	}

}
