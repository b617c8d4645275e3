package com.northbeam.gateway.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Counts recent sign-in failures per email and per client address in the database, so the
 * limit holds across gateway replicas. Unknown emails are counted like known ones, so the
 * answer never tells whether an account exists. Attempts older than the window count for
 * nothing and, holding an email and a client address, are deleted every few minutes.
 */
@Component
class SignInThrottle implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

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

	/** Deletes attempts older than the window; returns how many. */
	int prune() {
		return attempts.deleteBefore(clock.instant().minus(settings.window()));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::pruneSafely, Duration.ofMinutes(5));
	}

	private void pruneSafely() {
		try {
			int deleted = prune();
			if (deleted > 0) {
				log.debug("Deleted {} sign-in attempt(s) older than {}", deleted, settings.window());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Deleting old sign-in attempts failed: {}", ex.toString());
		}
	}

}
