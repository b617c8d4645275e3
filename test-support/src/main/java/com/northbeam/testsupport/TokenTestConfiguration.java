package com.northbeam.testsupport;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the service's standard OAuth2 resource server at a {@link TestTokenIssuer} that
 * uses the issuer and audience the service is configured to accept.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TokenTestConfiguration {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	@Bean(destroyMethod = "close")
	TestTokenIssuer testTokenIssuer(Environment environment) {
		String issuer = environment.getRequiredProperty(JWT + "issuer-uri");
		List<String> audiences = List.of(environment.getProperty(JWT + "audiences", String[].class, new String[0]));
		return new TestTokenIssuer(issuer, audiences);
	}

	@Bean
	DynamicPropertyRegistrar jwkSetUriRegistrar(TestTokenIssuer issuer) {
		return (registry) -> registry.add(JWT + "jwk-set-uri", issuer::jwkSetUri);
	}

}
