package com.northbeam.content.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Published content is readable by anyone; every other call needs a token issued by the
 * gateway. Editing (everything under {@code /api/editor/**}) needs the
 * {@code content:write} scope. The rules are {@link ApiAccess#RULES}, which the OpenAPI
 * document states too; refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
		ProblemAuthentication problems = new ProblemAuthentication();
		http.authorizeHttpRequests((requests) -> {
			requests
				.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/livez", "/readyz",
						"/v3/api-docs/**", "/error")
				.permitAll();
			for (ApiAccess rule : ApiAccess.RULES) {
				String[] patterns = rule.patterns().toArray(String[]::new);
				var matched = (rule.method() != null) ? requests.requestMatchers(rule.method(), patterns)
						: requests.requestMatchers(patterns);
				if (rule.isPublic()) {
					matched.permitAll();
				}
				else {
					matched.hasAuthority(rule.authority());
				}
			}
			requests.anyRequest().denyAll();
		})
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			// Public reads set their own CDN-friendly Cache-Control.
			.headers((headers) -> headers.cacheControl((cacheControl) -> cacheControl.disable()));
		return http.build();
	}

}
