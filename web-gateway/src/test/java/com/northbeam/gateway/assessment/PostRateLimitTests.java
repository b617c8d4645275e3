package com.northbeam.gateway.assessment;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PostRateLimitTests {

	private final PostRateLimit limit = new PostRateLimit(new AssessmentProperties(Duration.ofSeconds(5),
			Duration.ofHours(24), new AssessmentProperties.RateLimit(2, Duration.ofMinutes(10)),
			new AssessmentProperties.Forwarder(Duration.ofSeconds(5), 25, Duration.ofSeconds(5), Duration.ofMinutes(5),
					Duration.ofMinutes(2)),
			AssessmentProperties.ContactStep.BEFORE,
			new AssessmentProperties.Retention(Duration.ofDays(7), Duration.ofDays(30)),
			new AssessmentProperties.ResultCache(1000, Duration.ofMinutes(10))));

	@Test
	void aClientOverItsBudgetGetsTheFriendly429PageWithRetryAfter() throws Exception {
		assertThat(post("/assessment", "10.0.0.1").getStatus()).isEqualTo(200);
		assertThat(post("/assessment", "10.0.0.1").getStatus()).isEqualTo(200);

		MockHttpServletResponse third = post("/assessment", "10.0.0.1");

		assertThat(third.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(third.getHeader("Retry-After"))).isBetween(1L, 600L);
		assertThat(post("/assessment", "10.0.0.2").getStatus()).as("another client").isEqualTo(200);
	}

	@Test
	void anApiClientOverItsBudgetGetsAProblemDocument() throws Exception {
		post("/api/v1/assessment/submissions", "10.0.0.3");
		post("/api/v1/assessment/submissions", "10.0.0.3");

		MockHttpServletResponse third = post("/api/v1/assessment/submissions", "10.0.0.3");

		assertThat(third.getStatus()).isEqualTo(429);
		assertThat(third.getContentType()).isEqualTo("application/problem+json");
		assertThat(third.getContentAsString()).contains("\"status\":429");
	}

	@Test
	void readingPagesIsNeverLimited() throws Exception {
		for (int i = 0; i < 5; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assessment");
			request.setRemoteAddr("10.0.0.4");
			MockHttpServletResponse response = new MockHttpServletResponse();
			limit.doFilter(request, response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}

	private MockHttpServletResponse post(String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRequestURI(path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
