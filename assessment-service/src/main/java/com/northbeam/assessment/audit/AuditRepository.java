package com.northbeam.assessment.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes and pages the audit trail. */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean postgres;

	AuditRepository(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database is in use", ex);
		}
	}

	/** An entry of the audit trail. */
	record Entry(long id, Instant at, String actor, String action, UUID leadId, String detail) {
	}

	/** Inserts an entry, in the caller's transaction when there is one. */
	void insert(Instant at, String actor, String action, UUID leadId, String detail) {
		this.jdbc.sql(
				"insert into audit_entry (at, actor, action, lead_id, detail) values (:at, :actor, :action, :leadId, :detail)")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("action", action)
			.param("leadId", leadId)
			.param("detail", detail)
			.update();
	}

	/**
	 * Inserts an entry in a transaction of its own that, on PostgreSQL, commits without
	 * waiting for its WAL flush ({@code synchronous_commit = off} for this transaction
	 * only).
	 */
	void insertWithoutWaitingForFlush(Instant at, String actor, String action, UUID leadId, String detail) {
		if (!this.postgres) {
			insert(at, actor, action, leadId, detail);
			return;
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local synchronous_commit to off").update();
			insert(at, actor, action, leadId, detail);
		});
	}

	/**
	 * Up to {@code limit} entries, newest first, older than the entry {@code afterId}
	 * when it is given; every filter optional.
	 */
	List<Entry> page(String actor, String action, Instant from, Instant to, Long afterId, int limit) {
		StringBuilder sql = new StringBuilder(
				"select id, at, actor, action, lead_id, detail from audit_entry where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (actor != null) {
			sql.append(" and actor = ?");
			params.add(actor);
		}
		if (action != null) {
			sql.append(" and action = ?");
			params.add(action);
		}
		if (from != null) {
			sql.append(" and at >= ?");
			params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
		}
		if (to != null) {
			sql.append(" and at < ?");
			params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
		}
		if (afterId != null) {
			sql.append(" and id < ?");
			params.add(afterId);
		}
		sql.append(" order by id desc limit ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getObject("lead_id", UUID.class),
					rs.getString("detail")))
			.list();
	}

}
