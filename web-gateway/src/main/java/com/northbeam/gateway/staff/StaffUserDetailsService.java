package com.northbeam.gateway.staff;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks staff up by email (case-insensitively) for form sign-in. */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffRepository repository;

	StaffUserDetailsService(StaffRepository repository) {
		this.repository = repository;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		String normalised = StaffAccounts.normalise(email);
		StaffAccount account = repository.findByEmail(normalised)
			.orElseThrow(() -> new UsernameNotFoundException("No such staff account"));
		String hash = repository.passwordHash(normalised).orElseThrow();
		return User.withUsername(account.email())
			.password(hash)
			.disabled(!account.enabled())
			.authorities(account.roles().stream().map(StaffRole::authority).toArray(String[]::new))
			.build();
	}

}
