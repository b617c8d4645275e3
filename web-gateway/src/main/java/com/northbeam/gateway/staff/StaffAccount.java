package com.northbeam.gateway.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A staff member's account as the dashboard shows it; the password hash never leaves the
 * repository.
 */
public record StaffAccount(UUID id, String email, String name, Set<StaffRole> roles, boolean enabled, Instant createdAt,
		Instant lastSignInAt, int version) {

	public StaffAccount {
		roles = Set.copyOf(roles);
	}

	public boolean isAdmin() {
		return roles.contains(StaffRole.ADMIN);
	}

}
