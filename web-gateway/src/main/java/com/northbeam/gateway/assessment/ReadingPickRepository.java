package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reading picks of each submission, stored once. */
@Repository
class ReadingPickRepository {

	private final JdbcClient jdbc;

	ReadingPickRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the picks unless the submission has some already: the first picks stand. */
	void insertIfAbsent(UUID submissionId, List<String> slugs, Instant at) {
		try {
			jdbc.sql("INSERT INTO reading_pick (submission_id, slugs, created_at) VALUES (:id, :slugs, :now)")
				.param("id", submissionId)
				.param("slugs", String.join(" ", slugs))
				.param("now", at.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// A repeated submission.
		}
	}

	Optional<List<String>> find(UUID submissionId) {
		return jdbc.sql("SELECT slugs FROM reading_pick WHERE submission_id = :id")
			.param("id", submissionId)
			.query(String.class)
			.optional()
			.map((slugs) -> Arrays.asList(slugs.split(" ")));
	}

}
