package com.northbeam.gateway.assessment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.northbeam.gateway.client.AssessmentClient.Attribution;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers, for the browser session, where a visitor came from: the UTM parameters and
 * referrer of the landing request, and the landing path. First touch wins; a visit with
 * neither campaign parameters nor an outside referrer sets nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AttributionCookie extends OncePerRequestFilter {

	static final String NAME = "nb_attribution";

	private static final int MAX_VALUE = 300;

	private final JsonMapper json;

	AttributionCookie(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("GET".equals(request.getMethod()) && find(request) == null) {
			Attribution landing = fromLanding(request);
			if (landing != null) {
				request.setAttribute(NAME, landing);
				String value = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(landing));
				response.addHeader("Set-Cookie",
						ResponseCookie.from(NAME, value)
							.path("/")
							.httpOnly(true)
							.secure(request.isSecure())
							.sameSite("Lax")
							.build()
							.toString());
			}
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/icons/")
				|| path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/oauth2/");
	}

	/** The attribution of this visit, or {@link Attribution#NONE}. */
	Attribution read(HttpServletRequest request) {
		Attribution found = find(request);
		if (found != null) {
			return found;
		}
		Attribution landing = fromLanding(request);
		return (landing != null) ? landing : Attribution.NONE;
	}

	private Attribution find(HttpServletRequest request) {
		if (request.getAttribute(NAME) instanceof Attribution attribution) {
			return attribution;
		}
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (NAME.equals(cookie.getName())) {
				try {
					return json.readValue(Base64.getUrlDecoder().decode(cookie.getValue()), Attribution.class);
				}
				catch (RuntimeException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private static Attribution fromLanding(HttpServletRequest request) {
		String source = clip(request.getParameter("utm_source"));
		String medium = clip(request.getParameter("utm_medium"));
		String campaign = clip(request.getParameter("utm_campaign"));
		String referrer = outsideReferrer(request);
		if (source == null && medium == null && campaign == null && referrer == null) {
			return null;
		}
		String landing = request.getRequestURI();
		if (request.getQueryString() != null) {
			landing += "?" + request.getQueryString();
		}
		return new Attribution(source, medium, campaign, referrer, clip(landing));
	}

	private static String outsideReferrer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null || referer.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(referer).getHost();
			if (host == null || host.equalsIgnoreCase(request.getServerName())) {
				return null;
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return clip(referer);
	}

	private static String clip(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = new String(value.strip().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		return (clean.length() > MAX_VALUE) ? clean.substring(0, MAX_VALUE) : clean;
	}

}
