package com.northbeam.gateway.system;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The public site: open to everyone, with strict browser security headers. No page may be
 * framed, except the embeddable wizard under {@code /embed/**}, which the allowed origins
 * ({@link EmbedProperties}) may frame; the same origins may call the public JSON API
 * ({@code /api/v1/**}) from a browser.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY_BASE = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";

	static final String CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_BASE + "frame-ancestors 'none'";

	/**
	 * No Spring Security observations: wrapping every filter of the chains in an
	 * observation costs a large share of a light request's CPU and allocation (measured
	 * on content-service's cached reads: a quarter of the CPU, half of the allocation).
	 * HTTP server observations ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, EmbedProperties embed) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// The JSON API is for other sites and tools: no cookies, so no CSRF token to
			// check. The site's script reports guide sections read from cached pages that
			// hold no token; what it posts counts only with the SameSite=Lax reading
			// cookie, which other sites' posts do not carry.
			// Forms keep their CSRF token in a cookie, not a server session, so any
			// replica can check it.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfCookies())
				.ignoringRequestMatchers("/api/v1/**", "/reading/sections"))
			.cors((cors) -> cors.configurationSource(publicApiCors(embed.allowedOrigins())))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	/**
	 * The embeddable wizard: the same headers, except that the allowed origins may frame
	 * it (and no {@code X-Frame-Options}, which cannot name them). Its draft and CSRF
	 * cookies must reach it inside another site's frame, so over TLS they are
	 * {@code SameSite=None; Secure; Partitioned} ({@link EmbedCookies}).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain embedSecurityFilterChain(HttpSecurity http, EmbedProperties embed) throws Exception {
		String frameAncestors = String.join(" ", "'self'", String.join(" ", embed.allowedOrigins())).strip();
		http.securityMatcher("/embed/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(new EmbedCookies.CsrfTokens()))
			.headers((headers) -> headers.frameOptions((frameOptions) -> frameOptions.disable())
				.contentSecurityPolicy((csp) -> csp
					.policyDirectives(CONTENT_SECURITY_POLICY_BASE + "frame-ancestors " + frameAncestors))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	/**
	 * CORS for the public JSON API: exactly the allowed origins, no credentials (the API
	 * reads no cookies); with none configured, browsers on other sites get no CORS
	 * answer.
	 */
	static CorsConfigurationSource publicApiCors(List<String> allowedOrigins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration api = new CorsConfiguration();
			api.setAllowedOrigins(allowedOrigins);
			api.setAllowedMethods(List.of("GET", "POST"));
			api.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
			api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
			api.setAllowCredentials(false);
			api.setMaxAge(3600L);
			source.registerCorsConfiguration("/api/v1/**", api);
		}
		return source;
	}

	private static CookieCsrfTokenRepository csrfCookies() {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

}
