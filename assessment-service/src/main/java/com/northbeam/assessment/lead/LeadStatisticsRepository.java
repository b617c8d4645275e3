package com.northbeam.assessment.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

	/**
	 * How long leads that arrived in a period waited for their first contact, in working
	 * seconds: how many were contacted, the median and the 90th percentile
	 * ({@code percentile_cont}, which H2 computes too). Leads contacted before this was
	 * recorded have no figure and are left out.
	 */
	record Percentiles(long contacted, double median, double p90) {
	}

	private static final String PERCENTILES = "count(*) contacted, "
			+ "percentile_cont(0.5) within group (order by l.first_contact_seconds) median, "
			+ "percentile_cont(0.9) within group (order by l.first_contact_seconds) p90";

	/**
	 * Percentiles per period, for the periods between consecutive {@code bounds} (each
	 * period includes its start and excludes its end); periods without a contacted lead
	 * are left out of the map, which is keyed by the period's index.
	 */
	Map<Integer, Percentiles> responsePerPeriod(List<Instant> bounds) {
		StringBuilder periods = new StringBuilder();
		List<Object> params = new ArrayList<>();
		for (int i = 0; i + 1 < bounds.size(); i++) {
			periods.append((i > 0) ? ", " : "").append("(?, ?, ?)");
			params.add(i);
			params.add(timestamp(bounds.get(i)));
			params.add(timestamp(bounds.get(i + 1)));
		}
		Map<Integer, Percentiles> result = new LinkedHashMap<>();
		this.jdbc
			.sql("select p.n, " + PERCENTILES + " from (values " + periods + ") as p (n, s, f) "
					+ "join lead l on l.created_at >= p.s and l.created_at < p.f "
					+ "where l.first_contact_seconds is not null group by p.n order by p.n")
			.params(params)
			.query((rs) -> {
				result.put(rs.getInt("n"), percentiles(rs));
			});
		return result;
	}

	/**
	 * Percentiles per owner ({@code null}: unassigned), most contacted first, at most
	 * {@code limit}.
	 */
	Map<String, Percentiles> responsePerOwner(Instant from, Instant to, int limit) {
		Map<String, Percentiles> result = new LinkedHashMap<>();
		this.jdbc
			.sql("select l.owner, " + PERCENTILES + " from lead l where l.created_at >= :from and l.created_at < :to "
					+ "and l.first_contact_seconds is not null group by l.owner order by contacted desc, l.owner "
					+ "limit :limit")
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.param("limit", limit)
			.query((rs) -> {
				result.put(rs.getString("owner"), percentiles(rs));
			});
		return result;
	}

	private static Percentiles percentiles(ResultSet rs) throws SQLException {
		return new Percentiles(rs.getLong("contacted"), rs.getDouble("median"), rs.getDouble("p90"));
	}

	/**
	 * Leads nobody has contacted yet, and those of them that arrived at or before the
	 * cutoff.
	 */
	record Waiting(long waiting, long overdue) {
	}

	Waiting waiting(Instant overdueCutoff) {
		return this.jdbc
			.sql("select count(*) waiting, coalesce(sum(case when created_at <= :cutoff then 1 else 0 end), 0) overdue "
					+ "from lead where first_contact_at is null")
			.param("cutoff", timestamp(overdueCutoff))
			.query((rs, n) -> new Waiting(rs.getLong("waiting"), rs.getLong("overdue")))
			.single();
	}

}
