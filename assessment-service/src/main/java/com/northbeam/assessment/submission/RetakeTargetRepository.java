package com.northbeam.assessment.submission;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks up the stored submission a retake starts from. */
@Repository
class RetakeTargetRepository {

	private final JdbcClient jdbc;

	RetakeTargetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored submission that a retake starts from.
	 *
	 * @param contactFrom the submission whose contact details and consent it has (itself,
	 * or the first of its lead), {@code null} when it has none
	 */
	record RetakeTarget(UUID id, UUID contactFrom) {
	}

	Optional<RetakeTarget> find(UUID id) {
		return this.jdbc
			.sql("select s.id, coalesce(s.contact_from, s.id) contact_from, exists (select 1 from consent_record c "
					+ "where c.submission_id = coalesce(s.contact_from, s.id)) contact_given from submission s "
					+ "where s.id = :id")
			.param("id", id)
			.query((rs, row) -> new RetakeTarget(rs.getObject("id", UUID.class),
					rs.getBoolean("contact_given") ? rs.getObject("contact_from", UUID.class) : null))
			.optional();
	}

}
