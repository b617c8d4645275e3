package com.northbeam.assessment.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores anonymous funnel events and adds them up. */
@Repository
class FunnelRepository {

	private final JdbcClient jdbc;

	FunnelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores that {@code type} happened {@code occurrences} times at {@code at}. */
	void insert(String type, String article, String step, int occurrences, Instant at) {
		this.jdbc
			.sql("insert into funnel_event (type, article, step, occurrences, occurred_on, occurred_at) "
					+ "values (:type, :article, :step, :occurrences, :day, :at)")
			.param("type", type)
			.param("article", article)
			.param("step", step)
			.param("occurrences", occurrences)
			.param("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	interface CountConsumer {

		void accept(LocalDate day, String type, String step, long count);

	}

	/**
	 * How many times each type (and step) happened on each day from {@code from} to
	 * {@code to}, both included.
	 */
	void countPerDay(LocalDate from, LocalDate to, CountConsumer consumer) {
		this.jdbc
			.sql("select occurred_on, type, step, sum(occurrences) n from funnel_event "
					+ "where occurred_on between :from and :to group by occurred_on, type, step")
			.param("from", from)
			.param("to", to)
			.query((rs) -> {
				consumer.accept(rs.getObject("occurred_on", LocalDate.class), rs.getString("type"),
						rs.getString("step"), rs.getLong("n"));
			});
	}

}
