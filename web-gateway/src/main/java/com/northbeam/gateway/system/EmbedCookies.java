package com.northbeam.gateway.system;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.util.WebUtils;

/**
 * Cookies of the embeddable wizard. Inside another site's frame a browser sends only
 * cookies marked {@code SameSite=None}, which it accepts only with {@code Secure}, so
 * over TLS they are {@code SameSite=None; Secure; Partitioned} (partitioned per embedding
 * site, which browsers that block third-party cookies still allow). Over plain HTTP
 * (local runs) they stay {@code SameSite=Lax}: the wizard then keeps its answers only
 * when framed by a page of the same site.
 */
public final class EmbedCookies {

	private EmbedCookies() {
	}

	/**
	 * A cookie for the embedded wizard.
	 * @param name the cookie's name
	 * @param value its value
	 * @param path the path it is sent for
	 * @param request the request being answered, to tell TLS from plain HTTP
	 * @return the cookie, to add as a {@code Set-Cookie} header
	 */
	public static ResponseCookie cookie(String name, String value, String path, HttpServletRequest request) {
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value).path(path).httpOnly(true);
		return crossSite(cookie, request.isSecure()).build();
	}

	static ResponseCookie.ResponseCookieBuilder crossSite(ResponseCookie.ResponseCookieBuilder cookie, boolean secure) {
		return secure ? cookie.secure(true).sameSite("None").partitioned(true) : cookie.secure(false).sameSite("Lax");
	}

	/**
	 * The embedded wizard's CSRF token in a cookie with the attributes above (Spring
	 * Security's cookie repository cannot mark a cookie {@code Partitioned}). The form
	 * carries the token too, masked; a request whose two do not match is refused.
	 */
	static final class CsrfTokens implements CsrfTokenRepository {

		static final String COOKIE = "NB-EMBED-XSRF";

		@Override
		public CsrfToken generateToken(HttpServletRequest request) {
			return token(UUID.randomUUID().toString());
		}

		@Override
		public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
			ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie
				.from(COOKIE, (token != null) ? token.getToken() : "")
				.path("/embed")
				.httpOnly(true);
			if (token == null) {
				cookie.maxAge(0);
			}
			response.addHeader(HttpHeaders.SET_COOKIE, crossSite(cookie, request.isSecure()).build().toString());
		}

		@Override
		public CsrfToken loadToken(HttpServletRequest request) {
			Cookie cookie = WebUtils.getCookie(request, COOKIE);
			return (cookie != null && !cookie.getValue().isEmpty()) ? token(cookie.getValue()) : null;
		}

		private static CsrfToken token(String value) {
			return new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", value);
		}

	}

}
