package com.northbeam.content.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Published content is readable by anyone; every other call needs a token issued by the
 * gateway. Editing (everything under {@code /api/editor/**}) needs the
 * {@code content:write} scope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_WRITE = "SCOPE_content:write";

	/**
	 * No Spring Security observations: wrapping each filter of the chain in an
	 * observation took about a quarter of the CPU time and over half of the memory
	 * allocated by a cached public read (bench/content: 141 to 103 µs and 63 to 28 KB per
	 * guide read). Turning them off by name
	 * ({@code management.observations.enable.spring.security=false}) would leave the
	 * wrapping and its per-filter events in place, so they are not set up at all. HTTP
	 * server observations ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/livez", "/readyz",
					"/v3/api-docs/**", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/articles", "/api/articles/*", "/api/faqs", "/api/search",
					"/api/feed", "/api/sitemap")
			.permitAll()
			.requestMatchers("/api/**")
			.hasAuthority(CONTENT_WRITE)
			.anyRequest()
			.denyAll())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			// Public reads set their own CDN-friendly Cache-Control.
			.headers((headers) -> headers.cacheControl((cacheControl) -> cacheControl.disable()));
		return http.build();
	}

}
