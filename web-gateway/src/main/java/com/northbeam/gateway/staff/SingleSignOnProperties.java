package com.northbeam.gateway.staff;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people signing in through an OpenID Connect provider (for example Microsoft Entra
 * ID) get their dashboard roles. The provider itself is configured with Spring Boot's
 * standard {@code spring.security.oauth2.client.registration.*} properties; without one,
 * single sign-on is off.
 *
 * @param roleClaim the ID token claim holding the person's roles or groups (Entra app
 * roles: {@code roles})
 * @param usernameClaim the claim that names the person, shown in the dashboard and used
 * as token subject
 * @param roleMapping claim value to dashboard role, e.g. {@code Northbeam.Sales=SALES}
 */
@ConfigurationProperties("gateway.staff.sso")
record SingleSignOnProperties(@DefaultValue("roles") String roleClaim,
		@DefaultValue("preferred_username") String usernameClaim, @DefaultValue Map<String, StaffRole> roleMapping) {

}
