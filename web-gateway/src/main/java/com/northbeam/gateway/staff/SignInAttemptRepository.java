package com.northbeam.gateway.staff;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-in attempts within the throttle's window, and how many failed lately per email or
 * per client address.
 */
@Repository
class SignInAttemptRepository {

	private final JdbcClient jdbc;

	SignInAttemptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String email, String clientAddress, boolean succeeded, Instant at) {
		jdbc.sql("INSERT INTO sign_in_attempt (email, client_address, succeeded, attempted_at) VALUES (?, ?, ?, ?)")
			.params(truncate(email, 254), truncate(clientAddress, 64), succeeded, StaffRepository.utc(at))
			.update();
	}

	int failuresForEmailSince(String email, Instant since) {
		return failuresSince("email", email, since);
	}

	int failuresFromAddressSince(String clientAddress, Instant since) {
		return failuresSince("client_address", clientAddress, since);
	}

	private int failuresSince(String column, String value, Instant since) {
		return jdbc
			.sql("SELECT COUNT(*) FROM sign_in_attempt WHERE " + column + " = ? AND NOT succeeded AND attempted_at > ?")
			.params(value, StaffRepository.utc(since))
			.query(Integer.class)
			.single();
	}

	/** Deletes attempts made before {@code before}; returns how many. */
	int deleteBefore(Instant before) {
		return jdbc.sql("DELETE FROM sign_in_attempt WHERE attempted_at < ?")
			.params(StaffRepository.utc(before))
			.update();
	}

	private static String truncate(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length);
	}

}
