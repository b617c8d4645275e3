package com.northbeam.assessment.system;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The published questionnaire is readable by anyone; submissions, leads, statistics,
 * funnel events and administration need a token issued by the gateway carrying the
 * matching scope.
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
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/livez", "/readyz",
					"/v3/api-docs/**", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/questionnaires/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/submissions/**")
			.hasAuthority("SCOPE_submissions:read")
			.requestMatchers("/api/submissions/**")
			.hasAuthority("SCOPE_submissions:write")
			.requestMatchers(HttpMethod.POST, "/api/events")
			.hasAuthority("SCOPE_events:write")
			.requestMatchers(HttpMethod.GET, "/api/stats/**")
			.hasAuthority("SCOPE_leads:read")
			.requestMatchers(HttpMethod.GET, "/api/leads/quarantine")
			.hasAuthority("SCOPE_quarantine:read")
			.requestMatchers("/api/leads/quarantine/**")
			.hasAuthority("SCOPE_quarantine:write")
			.requestMatchers(HttpMethod.GET, "/api/leads/export.csv")
			.hasAuthority("SCOPE_leads:read")
			.requestMatchers(HttpMethod.GET, "/api/leads/**")
			.hasAuthority("SCOPE_leads:read")
			.requestMatchers("/api/leads/**")
			.hasAuthority("SCOPE_leads:write")
			.requestMatchers(HttpMethod.GET, "/api/admin/scoring/**")
			.hasAuthority("SCOPE_scoring:read")
			.requestMatchers(HttpMethod.POST, "/api/admin/scoring/drafts/*/trial")
			.hasAuthority("SCOPE_scoring:try")
			.requestMatchers(HttpMethod.POST, "/api/admin/scoring/drafts/*/publish")
			.hasAuthority("SCOPE_scoring:publish")
			.requestMatchers("/api/admin/scoring/**")
			.hasAuthority("SCOPE_scoring:draft")
			.requestMatchers(HttpMethod.POST, "/api/admin/notifications/deliveries/*/redeliver",
					"/api/admin/notifications/events/*/redeliver")
			.hasAuthority("SCOPE_notifications:redeliver")
			.requestMatchers("/api/admin/**")
			.hasAuthority("SCOPE_admin")
			.anyRequest()
			.denyAll())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
