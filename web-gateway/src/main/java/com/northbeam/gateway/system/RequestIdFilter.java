package com.northbeam.gateway.system;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that error pages show, responses carry in
 * {@code X-Request-Id} and log lines include, so a visitor can quote it and staff can
 * find the request. A well-formed id from a load balancer is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String ATTRIBUTE = "requestId";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String id = (incoming != null && SAFE_ID.matcher(incoming).matches()) ? incoming : newId();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(ATTRIBUTE);
		}
	}

	/**
	 * Twelve hex digits: unique enough to find a request in the logs, and cheap (no
	 * SecureRandom, no formatter).
	 */
	private static String newId() {
		// The 49th bit makes every id 13 digits long; dropping its leading 1 leaves 12
		// zero-padded ones.
		return Long.toHexString((ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL) | 0x1000000000000L)
			.substring(1);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	/** The id of the current request, if the filter saw it. */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id != null) ? id.toString() : "";
	}

}
