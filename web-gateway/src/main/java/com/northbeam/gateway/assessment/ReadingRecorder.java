package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the article pages a person reads in their reading session
 * ({@link ReadingHistory}), starting one at the first. It wraps the rendered-page cache,
 * so pages served from it are recorded too; requests that may not be recorded (crawlers,
 * load generators, browsers asking not to be tracked) cost a header check and nothing
 * else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ReadingRecorder extends OncePerRequestFilter {

	private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z0-9-]{1,120})");

	private final ReadingHistory history;

	ReadingRecorder(ReadingHistory history) {
		this.history = history;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/articles/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher article = ARTICLE.matcher(request.getRequestURI());
		if (!article.matches()) {
			chain.doFilter(request, response);
			return;
		}
		// Cookies are set before the page is written: a long page commits the response.
		Optional<UUID> session = ReadingCookies.sessionFor(request, response);
		ReadingCookies.SectionLink from = session.isPresent() ? ReadingCookies.sectionLink(request, response) : null;
		chain.doFilter(request, response);
		if (session.isPresent() && response.getStatus() == HttpServletResponse.SC_OK) {
			history.articleRead(session.get(), article.group(1), from);
		}
	}

}
