package com.northbeam.gateway.staff;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SingleSignOnUserServiceTests {

	private final SingleSignOnProperties properties = new SingleSignOnProperties("roles", "preferred_username",
			Map.of("Northbeam.Sales", StaffRole.SALES, "Northbeam.Admins", StaffRole.ADMIN));

	@Test
	void mapsTheProvidersRoleClaimToDashboardRolesAndNamesThePersonByEmail() {
		OidcUser user = serviceFor(Map.of("roles", List.of("Northbeam.Sales", "Unrelated.Role"))).loadUser(null);

		assertThat(user.getName()).isEqualTo("pat@customer.example");
		assertThat(CurrentStaff
			.of(new TestingAuthenticationToken(user.getName(), null, user.getAuthorities().stream().toList()))
			.roles()).containsExactly(StaffRole.SALES);
	}

	@Test
	void aSingleValuedClaimWorksToo() {
		OidcUser user = serviceFor(Map.of("roles", "Northbeam.Admins")).loadUser(null);

		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
	}

	@Test
	void someoneWithoutAMappedRoleIsRefused() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> serviceFor(Map.of("roles", List.of("Unrelated.Role"))).loadUser(null));
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> serviceFor(Map.of()).loadUser(null));
	}

	private SingleSignOnUserService serviceFor(Map<String, Object> extraClaims) {
		Map<String, Object> claims = new HashMap<>(extraClaims);
		claims.put("sub", "b2f1c0de");
		claims.put("preferred_username", "pat@customer.example");
		OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
		return new SingleSignOnUserService((request) -> new DefaultOidcUser(List.of(), idToken), properties);
	}

}
