package com.northbeam.gateway.assessment;

import java.util.Optional;
import java.util.UUID;

import com.northbeam.gateway.client.RetakeReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which drafts retake an earlier result; a row goes when its draft does. */
@Repository
class RetakeRepository {

	private final JdbcClient jdbc;

	RetakeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID draftId, RetakeReferences.Reference reference) {
		jdbc.sql("""
				INSERT INTO assessment_retake (draft_id, reference, previous_submission_id, assisted_by)
				VALUES (:draftId, :reference, :previous, :staff)""")
			.param("draftId", draftId)
			.param("reference", reference.value())
			.param("previous", reference.submissionId())
			.param("staff", reference.staff())
			.update();
	}

	Optional<RetakeReferences.Reference> find(UUID draftId) {
		return jdbc.sql("SELECT * FROM assessment_retake WHERE draft_id = :id")
			.param("id", draftId)
			.query((rs, row) -> new RetakeReferences.Reference(rs.getObject("previous_submission_id", UUID.class),
					rs.getString("assisted_by"), rs.getString("reference")))
			.optional();
	}

}
