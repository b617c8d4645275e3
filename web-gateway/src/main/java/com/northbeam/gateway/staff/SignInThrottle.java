package com.northbeam.gateway.staff;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts recent sign-in failures per email and per client address in the database, so the
 * limit holds across gateway replicas. Unknown emails are counted like known ones, so the
 * answer never tells whether an account exists.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;

	private final StaffProperties.SignIn settings;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, StaffProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.signIn();
		this.clock = clock;
	}

	boolean isPaused(String email, String clientAddress) {
		Instant since = clock.instant().minus(settings.window());
		return failuresSince("email", email, since) >= settings.maxFailuresPerAccount()
				|| failuresSince("client_address", clientAddress, since) >= settings.maxFailuresPerAddress();
	}

	void record(String email, String clientAddress, boolean succeeded) {
		jdbc.sql("INSERT INTO sign_in_attempt (email, client_address, succeeded, attempted_at) VALUES (?, ?, ?, ?)")
			.params(truncate(email, 254), truncate(clientAddress, 64), succeeded, StaffRepository.utc(clock.instant()))
			.update();
	}

	private int failuresSince(String column, String value, Instant since) {
		return jdbc
			.sql("SELECT COUNT(*) FROM sign_in_attempt WHERE " + column + " = ? AND NOT succeeded AND attempted_at > ?")
			.params(value, StaffRepository.utc(since))
			.query(Integer.class)
			.single();
	}

	private static String truncate(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length);
	}

}
