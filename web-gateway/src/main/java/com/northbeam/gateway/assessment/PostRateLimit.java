package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket (Bucket4j) per client address for posts to the wizard and the JSON API:
 * a burst of {@code capacity} posts, refilled evenly over {@code refillPeriod}. Over the
 * limit a browser gets the friendly 429 page and an API client a problem document, both
 * with {@code Retry-After}. The client address is the connection's, or the one the load
 * balancer reports when {@code server.forward-headers-strategy} says to trust it.
 */
@Component
class PostRateLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PostRateLimit.class);

	private final Bandwidth perClient;

	private final Cache<String, Bucket> buckets;

	PostRateLimit(AssessmentProperties properties) {
		int capacity = properties.rateLimit().capacity();
		Duration period = properties.rateLimit().refillPeriod();
		this.perClient = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(2)).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || !(path.startsWith("/assessment")
				|| path.startsWith("/embed/assessment") || path.startsWith("/api/v1/assessment"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = buckets.get(request.getRemoteAddr(), (address) -> Bucket.builder().addLimit(perClient).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		// The client address is personal data: it is not written to the log.
		log.info("Rate limit reached on {}", request.getRequestURI());
		response.setHeader("Retry-After", Long.toString(waitSeconds));
		if (request.getRequestURI().startsWith("/api/")) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
						+ "\"detail\":\"Too many requests from this address; retry after " + waitSeconds
						+ " seconds.\"}");
			return;
		}
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

}
