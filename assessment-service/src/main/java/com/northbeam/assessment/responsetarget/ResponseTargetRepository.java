package com.northbeam.assessment.responsetarget;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Response targets are only ever added: the history is every version ever saved. */
@Repository
class ResponseTargetRepository {

	private static final String COLUMNS = "version, target_minutes, time_zone, working_days, day_start, day_end, "
			+ "created_at, created_by";

	private final JdbcClient jdbc;

	ResponseTargetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ResponseTarget> newest() {
		return this.jdbc.sql("select " + COLUMNS + " from response_target order by version desc limit 1")
			.query((rs, n) -> target(rs))
			.optional();
	}

	List<ResponseTarget> history(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from response_target order by version desc limit :limit")
			.param("limit", limit)
			.query((rs, n) -> target(rs))
			.list();
	}

	/** Fails with a duplicate key when someone saved this version first. */
	void insert(ResponseTarget target) {
		BusinessHours hours = target.hours();
		this.jdbc
			.sql("insert into response_target (" + COLUMNS + ") values (:version, :minutes, :zone, :days, :start, "
					+ ":end, :at, :by)")
			.param("version", target.version())
			.param("minutes", target.minutes())
			.param("zone", hours.zone().getId())
			.param("days", hours.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")))
			.param("start", hours.start())
			.param("end", hours.end())
			.param("at", OffsetDateTime.ofInstant(target.createdAt(), ZoneOffset.UTC))
			.param("by", target.createdBy())
			.update();
	}

	private static ResponseTarget target(ResultSet rs) throws SQLException {
		BusinessHours hours = new BusinessHours(ZoneId.of(rs.getString("time_zone")),
				Arrays.stream(rs.getString("working_days").split(","))
					.map(DayOfWeek::valueOf)
					.collect(Collectors.toSet()),
				rs.getObject("day_start", LocalTime.class), rs.getObject("day_end", LocalTime.class));
		Instant createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
		return new ResponseTarget(rs.getInt("version"), rs.getInt("target_minutes"), hours, createdAt,
				rs.getString("created_by"));
	}

}
