package com.northbeam.assessment.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header by the rule of
 * {@link DefaultBearerTokenResolver} ({@code Bearer} in any case, one space, then
 * {@code [A-Za-z0-9-._~+/]+=*}), checked with a loop instead of its case-insensitive
 * regular expression, which cost a tenth of a submission's CPU on a service token.
 * Requests that could also carry an {@code access_token} parameter are left to the
 * default resolver, so the rules for those (refused as a second token) stay its own.
 */
class HeaderBearerTokenResolver implements BearerTokenResolver {

	private static final String PREFIX = "Bearer ";

	private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || mayCarryParameterToken(request)) {
			return this.fallback.resolve(request);
		}
		return token(authorization);
	}

	/** The token of a header value, {@code null} when it is no bearer credential. */
	static String token(String authorization) {
		if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length() - 1)) {
			return null;
		}
		if (authorization.length() <= PREFIX.length() || authorization.charAt(PREFIX.length() - 1) != ' '
				|| !wellFormed(authorization, PREFIX.length())) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return authorization.substring(PREFIX.length());
	}

	private static boolean wellFormed(String value, int start) {
		int i = start;
		while (i < value.length() && tokenCharacter(value.charAt(i))) {
			i++;
		}
		if (i == start) {
			return false;
		}
		while (i < value.length() && value.charAt(i) == '=') {
			i++;
		}
		return i == value.length();
	}

	private static boolean tokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

	private static boolean mayCarryParameterToken(HttpServletRequest request) {
		String query = request.getQueryString();
		return (query != null && query.contains("access_token"))
				|| (request.getContentType() != null && request.getContentType().startsWith("application/x-www-form"));
	}

}
