package com.northbeam.gateway.staff;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling: paused emails or client addresses are refused before
 * the password is checked, and every attempt is recorded.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final StaffRepository repository;

	private final Clock clock;

	private final Counter failures;

	private final Counter throttled;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle,
			StaffRepository repository, Clock clock, MeterRegistry meters) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.repository = repository;
		this.clock = clock;
		this.failures = Counter.builder("gateway.signin.failures")
			.description("Password sign-ins refused for a wrong email or password")
			.register(meters);
		this.throttled = Counter.builder("gateway.signin.throttled")
			.description("Password sign-ins refused unchecked because the email or address is paused")
			.register(meters);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = StaffAccounts.normalise(authentication.getName());
		String address = clientAddress(authentication);
		if (throttle.isPaused(email, address)) {
			throttle.record(email, address, false);
			throttled.increment();
			throw new SignInPausedException();
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.record(email, address, true);
			repository.recordSignIn(email, clock.instant());
			return result;
		}
		catch (AuthenticationException ex) {
			throttle.record(email, address, false);
			failures.increment();
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	static class SignInPausedException extends AuthenticationException {

		SignInPausedException() {
			super("Too many failed sign-ins; paused for a while");
		}

	}

}
