package com.northbeam.assessment.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The published questionnaire is readable by anyone; submissions, leads and administration need a
 * token issued by the gateway carrying the matching scope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/questionnaires/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/submissions/**").hasAuthority("SCOPE_submissions:read")
			.requestMatchers("/api/submissions/**").hasAuthority("SCOPE_submissions:write")
			.requestMatchers(HttpMethod.GET, "/api/leads/**").hasAuthority("SCOPE_leads:read")
			.requestMatchers("/api/leads/**").hasAuthority("SCOPE_leads:write")
			.requestMatchers("/api/admin/**").hasAuthority("SCOPE_admin")
			.anyRequest().denyAll())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
