package com.northbeam.assessment.cost;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Price assumptions are only ever added: the history is every version ever saved. */
@Repository
class PriceAssumptionsRepository {

	private final JdbcClient jdbc;

	private final RowMapper<VersionedAssumptions> mapper;

	PriceAssumptionsRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.mapper = (rs, row) -> new VersionedAssumptions(rs.getInt("version"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				json.readValue(rs.getString("assumptions"), PriceAssumptions.class));
	}

	Optional<VersionedAssumptions> newest() {
		return this.jdbc.sql(
				"select version, created_at, created_by, assumptions from price_assumptions order by version desc limit 1")
			.query(this.mapper)
			.optional();
	}

	Optional<VersionedAssumptions> find(int version) {
		return this.jdbc
			.sql("select version, created_at, created_by, assumptions from price_assumptions where version = :version")
			.param("version", version)
			.query(this.mapper)
			.optional();
	}

	List<VersionedAssumptions> history(int limit) {
		return this.jdbc.sql(
				"select version, created_at, created_by, assumptions from price_assumptions order by version desc limit :limit")
			.param("limit", limit)
			.query(this.mapper)
			.list();
	}

	void insert(int version, String assumptions, Instant createdAt, String createdBy) {
		this.jdbc
			.sql("insert into price_assumptions (version, assumptions, created_at, created_by) "
					+ "values (:version, :assumptions, :createdAt, :createdBy)")
			.param("version", version)
			.param("assumptions", assumptions)
			.param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
			.param("createdBy", createdBy)
			.update();
	}

}
