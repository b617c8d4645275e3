package com.northbeam.gateway.staff;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person signed in at the identity provider into a staff member with the same
 * roles as password accounts. Someone whose claims map to no role is refused.
 */
class SingleSignOnUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

	private final SingleSignOnProperties properties;

	SingleSignOnUserService(SingleSignOnProperties properties) {
		this(new OidcUserService(), properties);
	}

	SingleSignOnUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate, SingleSignOnProperties properties) {
		this.delegate = delegate;
		this.properties = properties;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = delegate.loadUser(request);
		Set<StaffRole> roles = rolesOf(user);
		if (roles.isEmpty()) {
			throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
					"Your account has no role for the Northbeam dashboard. Ask an administrator.", null));
		}
		List<GrantedAuthority> authorities = roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		String usernameClaim = (user.getClaims().get(properties.usernameClaim()) != null) ? properties.usernameClaim()
				: "sub";
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), usernameClaim);
	}

	Set<StaffRole> rolesOf(OidcUser user) {
		Set<StaffRole> roles = new LinkedHashSet<>();
		Object claim = user.getClaims().get(properties.roleClaim());
		Collection<?> values = (claim instanceof Collection<?> collection) ? collection
				: (claim != null) ? List.of(claim) : List.of();
		for (Object value : values) {
			StaffRole role = properties.roleMapping().get(String.valueOf(value));
			if (role != null) {
				roles.add(role);
			}
		}
		return roles;
	}

}
