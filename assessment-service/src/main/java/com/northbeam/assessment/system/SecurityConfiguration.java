package com.northbeam.assessment.system;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The published questionnaire is readable by anyone; submissions, leads, statistics,
 * funnel events and administration need a token issued by the gateway carrying the
 * matching scope: the rules are {@link ApiAccess#RULES}, which the OpenAPI document
 * states too. Refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Wraps the decoder Spring Boot configures (key set, issuer, audience, lifetime
	 * checks) in a cache of already verified tokens, unless
	 * {@code assessment.security.verified-token-cache} is 0.
	 */
	@Bean
	static BeanPostProcessor verifiedTokenCache(ObjectProvider<AssessmentProperties> properties,
			ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
					return bean;
				}
				int capacity = properties.getObject().security().verifiedTokenCache();
				return (capacity > 0) ? new VerifiedTokenCache(decoder, capacity, clock.getObject()) : bean;
			}

		};
	}

	/**
	 * The standard strict firewall, with its header checks written as plain loops: the
	 * default regular expression ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}) costs more
	 * CPU on a long bearer token than the rest of a request. Same rule: every character
	 * assigned, none a control character.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
		firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
		return firewall;
	}

	static boolean assignedAndNotControl(String value) {
		for (int i = 0; i < value.length();) {
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || type == Character.CONTROL) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/** The bearer token from the header without a regular expression (the same rule). */
	@Bean
	BearerTokenResolver bearerTokenResolver() {
		return new HeaderBearerTokenResolver();
	}

	/**
	 * No Spring Security observations: wrapping every filter of the chain in an
	 * observation costs a large share of a light request's CPU and allocation (measured
	 * on content-service's cached reads: a quarter of the CPU, half of the allocation).
	 * HTTP server observations ({@code http.server.requests}) stay.
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
			// A stateless API with bearer tokens: no session to log out of and no request
			// to replay after a login, so those filters are not run on every request.
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

}
