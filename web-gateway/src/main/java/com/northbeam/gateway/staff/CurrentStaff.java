package com.northbeam.gateway.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is signed in, for templates and for the tokens issued on their behalf. */
public record CurrentStaff(String email, Set<StaffRole> roles) {

	public static CurrentStaff of(Authentication authentication) {
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (StaffRole role : StaffRole.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return new CurrentStaff(authentication.getName(), roles);
	}

	public boolean canWorkLeads() {
		return roles.contains(StaffRole.SALES) || isAdmin();
	}

	public boolean canEditContent() {
		return roles.contains(StaffRole.EDITOR) || isAdmin();
	}

	public boolean isAdmin() {
		return roles.contains(StaffRole.ADMIN);
	}

	/**
	 * The scopes of a service token issued for this person: the union of their roles'
	 * scopes.
	 */
	public List<String> scopes() {
		return roles.stream().flatMap((role) -> role.scopes().stream()).distinct().sorted().toList();
	}

}
