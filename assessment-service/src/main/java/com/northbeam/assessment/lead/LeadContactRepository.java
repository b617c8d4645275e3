package com.northbeam.assessment.lead;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the contact data of one lead for {@link LeadContacts}. */
@Repository
class LeadContactRepository {

	private final JdbcClient jdbc;

	LeadContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<LeadContact> find(UUID id) {
		return this.jdbc
			.sql("select id, name, email, company, recommendation, priority, status, source, created_at, erased_at "
					+ "from lead where id = :id")
			.param("id", id)
			.query((rs, n) -> new LeadContact(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("email"), rs.getString("company"), rs.getString("recommendation"),
					rs.getInt("priority"), rs.getString("status"), rs.getString("source"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("erased_at") != null))
			.optional();
	}

}
