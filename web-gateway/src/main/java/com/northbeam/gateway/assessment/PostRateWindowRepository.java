package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts posts per client and window in the gateway's database, so every replica sees the
 * same count. Written for PostgreSQL and the embedded H2 alike: an increment, or the
 * window's first row when there is none (a concurrent first post turns the insert into an
 * increment).
 */
@Repository
class PostRateWindowRepository {

	private final JdbcClient jdbc;

	PostRateWindowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts one more post of {@code client} in the window; returns the posts so far. */
	int count(String client, Instant windowStart) {
		OffsetDateTime start = utc(windowStart);
		if (increment(client, start) == 0) {
			try {
				jdbc.sql("INSERT INTO post_rate_window (client_key, window_start, posts) VALUES (:client, :start, 1)")
					.param("client", client)
					.param("start", start)
					.update();
				return 1;
			}
			catch (DuplicateKeyException ex) {
				increment(client, start);
			}
		}
		return jdbc.sql("SELECT posts FROM post_rate_window WHERE client_key = :client AND window_start = :start")
			.param("client", client)
			.param("start", start)
			.query(Integer.class)
			.single();
	}

	private int increment(String client, OffsetDateTime start) {
		return jdbc
			.sql("UPDATE post_rate_window SET posts = posts + 1 WHERE client_key = :client AND window_start = :start")
			.param("client", client)
			.param("start", start)
			.update();
	}

	/** Deletes the windows that started before {@code cutoff}; returns how many. */
	int deleteBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM post_rate_window WHERE window_start < :cutoff")
			.param("cutoff", utc(cutoff))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
