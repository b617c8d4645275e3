package com.northbeam.gateway.staff;

import java.time.Clock;

import com.northbeam.gateway.system.EagerCsrfTokenFilter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in and the dashboard: form sign-in with CSRF protection and throttling, a new
 * session id on sign-in, and each role limited to its part. Pages here are never cached.
 * Single sign-on with an OpenID Connect provider is added when one is configured
 * ({@link SingleSignOnProperties}).
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	static final String DASHBOARD_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffSecurityFilterChain(HttpSecurity http, StaffUserDetailsService users,
			PasswordEncoder passwordEncoder, SignInThrottle throttle, StaffRepository repository, Clock clock,
			ObjectProvider<ClientRegistrationRepository> singleSignOnProviders, SingleSignOnProperties singleSignOn,
			MeterRegistry meters) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		http.securityMatcher("/login", "/logout", "/dashboard", "/dashboard/**", "/oauth2/authorization/**",
				"/login/oauth2/code/**")
			.authenticationManager(new ProviderManager(
					new ThrottledAuthenticationProvider(passwords, throttle, repository, clock, meters)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login")
				.permitAll()
				.requestMatchers("/dashboard/admin/**")
				.hasRole(StaffRole.ADMIN.name())
				.requestMatchers("/dashboard/leads/**")
				.hasAnyRole(StaffRole.SALES.name(), StaffRole.ADMIN.name())
				.requestMatchers("/dashboard/content/**")
				.hasAnyRole(StaffRole.EDITOR.name(), StaffRole.ADMIN.name())
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.defaultSuccessUrl("/dashboard", true)
				.failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.addFilterAfter(new EagerCsrfTokenFilter(), CsrfFilter.class)
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(DASHBOARD_CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		if (singleSignOnProviders.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.defaultSuccessUrl("/dashboard", true)
				.failureUrl("/login?ssoError")
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(new SingleSignOnUserService(singleSignOn))));
		}
		return http.build();
	}

}
