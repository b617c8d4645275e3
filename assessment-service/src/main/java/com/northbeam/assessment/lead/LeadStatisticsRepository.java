package com.northbeam.assessment.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.lead.LeadRepository.timestamp;

/** Counts of leads for the dashboard's statistics. */
@Repository
class LeadStatisticsRepository {

	private final JdbcClient jdbc;

	LeadStatisticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<LocalDate, Long> createdPerDay(Instant from, Instant to) {
		Map<LocalDate, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("select cast(created_at at time zone 'UTC' as date) d, count(*) n from lead "
				+ "where created_at >= :from and created_at < :to group by cast(created_at at time zone 'UTC' as date)")
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query((rs) -> {
				counts.put(rs.getObject("d", LocalDate.class), rs.getLong("n"));
			});
		return counts;
	}

	Map<String, Long> createdPerRecommendation(Instant from, Instant to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select recommendation, count(*) n from lead where created_at >= :from and created_at < :to "
					+ "group by recommendation")
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query((rs) -> {
				counts.put(rs.getString("recommendation"), rs.getLong("n"));
			});
		return counts;
	}

	Map<String, Long> createdPerSource(Instant from, Instant to, int limit) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select coalesce(source, 'direct') source, count(*) n from lead where created_at >= :from "
					+ "and created_at < :to group by coalesce(source, 'direct') order by n desc, source limit :limit")
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.param("limit", limit)
			.query((rs) -> {
				counts.put(rs.getString("source"), rs.getLong("n"));
			});
		return counts;
	}

	long createdSince(Instant from) {
		return this.jdbc.sql("select count(*) from lead where created_at >= :from")
			.param("from", timestamp(from))
			.query(Long.class)
			.single();
	}

	Map<String, Long> perStatus() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("select status, count(*) n from lead group by status").query((rs) -> {
			counts.put(rs.getString("status"), rs.getLong("n"));
		});
		return counts;
	}

}
