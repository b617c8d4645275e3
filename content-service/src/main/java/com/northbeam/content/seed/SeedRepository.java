package com.northbeam.content.seed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of what shipped content was ever inserted. */
@Repository
class SeedRepository {

	private final JdbcClient jdbc;

	SeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean wasSeeded(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM content_seed WHERE seed_key = :key")
			.param("key", key)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims {@code key}; a concurrent claim by another replica fails with a duplicate
	 * key.
	 */
	void record(String key, String hash, Instant now) {
		jdbc.sql("INSERT INTO content_seed (seed_key, content_hash, seeded_at) VALUES (:key, :hash, :now)")
			.param("key", key)
			.param("hash", hash)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

}
