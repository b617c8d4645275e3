package com.northbeam.gateway.site;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.northbeam.gateway.client.FunnelEvents;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every article page served to a person's browser, for the funnel statistics;
 * crawlers, load generators and scripts are not counted ({@link Visitors}). It wraps the
 * rendered-page cache, so pages served from that cache are counted too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ArticleViewEvents extends OncePerRequestFilter {

	private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z0-9-]{1,120})");

	private final FunnelEvents events;

	ArticleViewEvents(FunnelEvents events) {
		this.events = events;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		Matcher article = ARTICLE.matcher(request.getRequestURI());
		if (article.matches() && response.getStatus() == HttpServletResponse.SC_OK
				&& Visitors.isPerson(request.getHeader(HttpHeaders.USER_AGENT))) {
			events.articleViewed(article.group(1));
		}
	}

}
