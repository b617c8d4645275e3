package com.northbeam.gateway.staff;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on switched on purely by configuration, here for a Microsoft Entra ID
 * tenant.
 */
@SpringBootTest(properties = { "spring.security.oauth2.client.registration.entra.client-name=Microsoft Entra ID",
		"spring.security.oauth2.client.registration.entra.client-id=northbeam-dashboard",
		"spring.security.oauth2.client.registration.entra.client-secret=test-secret",
		"spring.security.oauth2.client.registration.entra.scope=openid,profile,email",
		"spring.security.oauth2.client.registration.entra.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.entra.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.entra.authorization-uri=https://login.example.test/tenant/oauth2/v2.0/authorize",
		"spring.security.oauth2.client.provider.entra.token-uri=https://login.example.test/tenant/oauth2/v2.0/token",
		"spring.security.oauth2.client.provider.entra.jwk-set-uri=https://login.example.test/tenant/discovery/v2.0/keys",
		"spring.security.oauth2.client.provider.entra.user-name-attribute=preferred_username",
		"gateway.staff.sso.role-mapping.[Northbeam.Sales]=SALES" })
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class SingleSignOnTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theSignInPageOffersTheConfiguredProvider() {
		assertThat(mvc.get().uri("/login")).hasStatusOk()
			.bodyText()
			.contains("Sign in with Microsoft Entra ID", "href=\"/oauth2/authorization/entra\"");
	}

	@Test
	void choosingTheProviderRedirectsToItsAuthorizationEndpoint() {
		assertThat(mvc.get().uri("/oauth2/authorization/entra")).hasStatus3xxRedirection()
			.redirectedUrl()
			.startsWith("https://login.example.test/tenant/oauth2/v2.0/authorize?")
			.contains("client_id=northbeam-dashboard", "scope=openid%20profile%20email", "nonce=", "state=");
	}

}
