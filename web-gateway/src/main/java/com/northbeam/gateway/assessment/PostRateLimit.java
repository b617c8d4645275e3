package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address for posts to the wizard and the JSON API: a burst of
 * {@code capacity} posts, refilled evenly over {@code refillPeriod}. Over the limit a browser
 * gets the friendly 429 page and an API client a problem document, both with {@code Retry-After}.
 * The client address is the connection's, or the one the load balancer reports when
 * {@code server.forward-headers-strategy} says to trust it.
 */
@Component
class PostRateLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PostRateLimit.class);

	private final int capacity;

	private final double tokensPerNano;

	private final Cache<String, Bucket> buckets;

	PostRateLimit(AssessmentProperties properties) {
		this.capacity = properties.rateLimit().capacity();
		Duration period = properties.rateLimit().refillPeriod();
		this.tokensPerNano = (double) capacity / period.toNanos();
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(2)).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod())
				|| !(path.startsWith("/assessment") || path.startsWith("/api/v1/assessment"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = buckets.get(request.getRemoteAddr(), (address) -> new Bucket(capacity, System.nanoTime()));
		long waitSeconds = bucket.take(capacity, tokensPerNano, System.nanoTime());
		if (waitSeconds == 0) {
			chain.doFilter(request, response);
			return;
		}
		log.info("Rate limit reached for {} on {}", request.getRemoteAddr(), request.getRequestURI());
		response.setHeader("Retry-After", Long.toString(waitSeconds));
		if (request.getRequestURI().startsWith("/api/")) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
						+ "\"detail\":\"Too many requests from this address; retry after " + waitSeconds + " seconds.\"}");
			return;
		}
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

	/** Tokens left and when they were last counted; synchronised per client. */
	static final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		/** Takes a token and returns 0, or returns the seconds until one is available. */
		synchronized long take(int capacity, double tokensPerNano, long now) {
			tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
			updatedAt = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1_000_000_000L));
		}

	}

}
