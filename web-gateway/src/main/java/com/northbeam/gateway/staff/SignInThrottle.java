package com.northbeam.gateway.staff;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Counts recent sign-in failures per email and per client address in the database, so the
 * limit holds across gateway replicas. Unknown emails are counted like known ones, so the
 * answer never tells whether an account exists.
 */
@Component
class SignInThrottle {

	private final SignInAttemptRepository attempts;

	private final StaffProperties.SignIn settings;

	private final Clock clock;

	SignInThrottle(SignInAttemptRepository attempts, StaffProperties properties, Clock clock) {
		this.attempts = attempts;
		this.settings = properties.signIn();
		this.clock = clock;
	}

	boolean isPaused(String email, String clientAddress) {
		Instant since = clock.instant().minus(settings.window());
		return attempts.failuresForEmailSince(email, since) >= settings.maxFailuresPerAccount()
				|| attempts.failuresFromAddressSince(clientAddress, since) >= settings.maxFailuresPerAddress();
	}

	void record(String email, String clientAddress, boolean succeeded) {
		attempts.record(email, clientAddress, succeeded, clock.instant());
	}

}
