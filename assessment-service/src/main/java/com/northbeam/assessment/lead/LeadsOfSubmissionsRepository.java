package com.northbeam.assessment.lead;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks up the leads of many submissions in one query. */
@Repository
class LeadsOfSubmissionsRepository {

	private final JdbcClient jdbc;

	LeadsOfSubmissionsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<UUID, UUID> leadIds(Collection<UUID> submissionIds) {
		Map<UUID, UUID> leads = new HashMap<>();
		this.jdbc.sql("select submission_id, lead_id from lead_assessment where submission_id in (:ids)")
			.param("ids", submissionIds)
			.query((rs) -> {
				leads.put(rs.getObject("submission_id", UUID.class), rs.getObject("lead_id", UUID.class));
			});
		return leads;
	}

}
