package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts posts to the wizard and the JSON API per client address in fixed windows of
 * {@code refillPeriod}, in the gateway's database, so the limit holds across replicas
 * ({@link PostRateWindowRepository}). Over {@code capacity} a post still goes through,
 * marked ({@link #OVER_LIMIT}) so its submission is quarantined rather than lost; over
 * {@code hardCapacity} a browser gets the friendly 429 page and an API client a problem
 * document, both with {@code Retry-After}. The client address is the connection's, or the
 * one the load balancer reports when {@code server.forward-headers-strategy} says to
 * trust it; only its digest is stored.
 */
@Component
class PostRateLimit extends OncePerRequestFilter {

	/** The request attribute set on a post from a client over its limit. */
	static final String OVER_LIMIT = PostRateLimit.class.getName() + ".overLimit";

	private static final Logger log = LoggerFactory.getLogger(PostRateLimit.class);

	private static final String STARTS = "/api/v1/assessment/starts";

	private final int capacity;

	private final int hardCapacity;

	private final Duration window;

	private final PostRateWindowRepository windows;

	private final Clock clock;

	PostRateLimit(AssessmentProperties properties, PostRateWindowRepository windows, Clock clock) {
		this.capacity = properties.rateLimit().capacity();
		this.hardCapacity = Math.max(capacity, properties.rateLimit().hardCapacity());
		this.window = properties.rateLimit().refillPeriod();
		this.windows = windows;
		this.clock = clock;
	}

	/** Whether the post came from a client over its limit. */
	static boolean overLimit(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(OVER_LIMIT));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		// A start token costs a signature and stores nothing, like reading the
		// questionnaire: only the submission it leads to counts.
		return !"POST".equals(request.getMethod()) || path.equals(STARTS) || !(path.startsWith("/assessment")
				|| path.startsWith("/embed/assessment") || path.startsWith("/api/v1/assessment"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Instant now = clock.instant();
		long windowMillis = window.toMillis();
		Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
		int posts = windows.count(digest(request.getRemoteAddr()), start);
		if (posts <= capacity) {
			chain.doFilter(request, response);
			return;
		}
		// The client address is personal data: it is not written to the log.
		if (posts <= hardCapacity) {
			log.info("Rate limit reached on {}; the submission will be quarantined", request.getRequestURI());
			request.setAttribute(OVER_LIMIT, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		long waitSeconds = Math.max(1, Duration.between(now, start.plus(window)).toSeconds() + 1);
		log.info("Hard rate limit reached on {}", request.getRequestURI());
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

	/** Forgets windows that ended more than a window ago. */
	@Scheduled(fixedDelayString = "${gateway.assessment.rate-limit.refill-period:10m}", initialDelayString = "PT1M")
	void forgetOldWindows() {
		windows.deleteBefore(clock.instant().minus(window.multipliedBy(2)));
	}

	private static String digest(String address) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
