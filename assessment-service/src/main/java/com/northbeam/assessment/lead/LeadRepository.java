package com.northbeam.assessment.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.northbeam.assessment.system.DatabaseProduct;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the lead table with set-based SQL: new leads, the list and its export,
 * one lead, the pipeline's changes and erasure.
 */
@Repository
class LeadRepository {

	static final String ERASED = "[erased]";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final boolean postgres;

	LeadRepository(JdbcClient jdbc, DataSource dataSource, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.postgres = database.isPostgres();
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Inserts a new lead, status {@code new}, at version 0, with its submission as its
	 * first assessment; {@code owner} may be null.
	 */
	void insert(UUID id, LeadIntake.NewLead lead, String owner) {
		String insertLead = "insert into lead (id, submission_id, name, email, company, phone, job_role, recommendation, "
				+ "priority, status, owner, source, version, created_at, updated_at) values (:id, :submissionId, :name, "
				+ ":email, :company, :phone, :role, :recommendation, :priority, 'new', :owner, :source, 0, :at, :at)";
		String insertAssessment = "insert into lead_assessment (submission_id, lead_id, taken_at) ";
		// PostgreSQL: one statement (a data-modifying CTE), one round trip.
		String sql = this.postgres ? "with l as (" + insertLead + " returning id) " + insertAssessment
				+ "select :submissionId, id, :at from l" : insertLead;
		this.jdbc.sql(sql)
			.param("id", id)
			.param("submissionId", lead.submissionId())
			.param("name", lead.name())
			.param("email", lead.email())
			.param("company", lead.company())
			.param("phone", lead.phone())
			.param("role", lead.role())
			.param("recommendation", lead.recommendation())
			.param("priority", lead.priority())
			.param("source", lead.source())
			.param("owner", owner)
			.param("at", timestamp(lead.createdAt()))
			.update();
		if (!this.postgres) {
			this.jdbc.sql(insertAssessment + "values (:submissionId, :id, :at)")
				.param("submissionId", lead.submissionId())
				.param("id", id)
				.param("at", timestamp(lead.createdAt()))
				.update();
		}
	}

	/**
	 * A row of the lead list; {@code firstContactSeconds} is the working time the lead
	 * waited for its first contact (unknown for leads contacted before it was recorded).
	 */
	record LeadRow(UUID id, String name, String company, String email, String recommendation, int priority,
			String status, String owner, Instant createdAt, String source, Instant firstContactAt,
			Long firstContactSeconds) {
	}

	private static final String ROW_COLUMNS = "id, name, company, email, recommendation, priority, status, owner, "
			+ "created_at, source, first_contact_at, first_contact_seconds";

	private static LeadRow row(ResultSet rs) throws SQLException {
		return new LeadRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("company"),
				rs.getString("email"), rs.getString("recommendation"), rs.getInt("priority"), rs.getString("status"),
				rs.getString("owner"), instant(rs, "created_at"), rs.getString("source"),
				instant(rs, "first_contact_at"), rs.getObject("first_contact_seconds", Long.class));
	}

	/**
	 * One page of leads after {@code cursor} (or from the start), at most {@code limit}
	 * rows; {@code overdueCutoff} as {@link LeadFilter#appendTo} takes it.
	 */
	List<LeadRow> page(LeadFilter filter, Instant overdueCutoff, String sort, LeadCursor cursor, int limit) {
		StringBuilder sql = new StringBuilder("select " + ROW_COLUMNS + " from lead where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params, overdueCutoff);
		if (cursor != null) {
			if (LeadCursor.PRIORITY.equals(sort)) {
				sql.append(" and (priority, created_at, id) < (?, ?, ?)");
				params.add(cursor.priority());
			}
			else {
				sql.append(" and (created_at, id) < (?, ?)");
			}
			params.add(timestamp(cursor.createdAt()));
			params.add(cursor.id());
		}
		sql.append(orderBy(sort)).append(" limit ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
	}

	private static String orderBy(String sort) {
		return LeadCursor.PRIORITY.equals(sort) ? " order by priority desc, created_at desc, id desc"
				: " order by created_at desc, id desc";
	}

	/** A row of the CSV export. */
	record ExportRow(LeadRow lead, String phone, String role, String lostReason, Instant updatedAt) {
	}

	/**
	 * Streams every lead matching {@code filter} to {@code consumer} in list order,
	 * fetching rows in batches through a cursor (PostgreSQL streams only inside a
	 * transaction; the caller opens one).
	 */
	void stream(LeadFilter filter, Instant overdueCutoff, String sort, RowConsumer consumer) {
		StringBuilder sql = new StringBuilder(
				"select " + ROW_COLUMNS + ", phone, job_role, lost_reason, updated_at from lead where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params, overdueCutoff);
		sql.append(orderBy(sort));
		this.streaming.query(sql.toString(),
				(RowCallbackHandler) (rs) -> consumer.accept(new ExportRow(row(rs), rs.getString("phone"),
						rs.getString("job_role"), rs.getString("lost_reason"), instant(rs, "updated_at"))),
				params.toArray());
	}

	interface RowConsumer {

		void accept(ExportRow row);

	}

	/** One lead as stored. */
	record LeadRecord(UUID id, UUID submissionId, int version, String name, String email, String company, String phone,
			String role, String status, String owner, String lostReason, int priority, String recommendation,
			String source, Instant createdAt, Instant updatedAt, Instant erasedAt, Instant firstContactAt,
			Long firstContactSeconds, Instant overdueNotifiedAt) {
	}

	Optional<LeadRecord> find(UUID id) {
		return this.jdbc.sql("select * from lead where id = :id")
			.param("id", id)
			.query((rs, n) -> new LeadRecord(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
					rs.getInt("version"), rs.getString("name"), rs.getString("email"), rs.getString("company"),
					rs.getString("phone"), rs.getString("job_role"), rs.getString("status"), rs.getString("owner"),
					rs.getString("lost_reason"), rs.getInt("priority"), rs.getString("recommendation"),
					rs.getString("source"), instant(rs, "created_at"), instant(rs, "updated_at"),
					instant(rs, "erased_at"), instant(rs, "first_contact_at"),
					rs.getObject("first_contact_seconds", Long.class), instant(rs, "overdue_notified_at")))
			.optional();
	}

	/**
	 * The lead one of whose assessments is the submission, locked until the end of the
	 * caller's transaction.
	 */
	Optional<UUID> lockBySubmission(UUID submissionId) {
		return this.jdbc
			.sql("select id from lead where id = (select lead_id from lead_assessment where submission_id = :id) "
					+ "for update")
			.param("id", submissionId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The submission, status and version of a lead, locked until the end of the caller's
	 * transaction.
	 */
	record State(UUID submissionId, String status, int version, Instant createdAt, Instant firstContactAt) {
	}

	Optional<State> lock(UUID id) {
		return this.jdbc
			.sql("select submission_id, status, version, created_at, first_contact_at from lead where id = :id "
					+ "for update")
			.param("id", id)
			.query((rs, n) -> new State(rs.getObject("submission_id", UUID.class), rs.getString("status"),
					rs.getInt("version"), instant(rs, "created_at"), instant(rs, "first_contact_at")))
			.optional();
	}

	boolean updateStatus(UUID id, int version, String status, String lostReason, Instant at) {
		return this.jdbc
			.sql("update lead set status = :status, lost_reason = :lostReason, version = version + 1, "
					+ "updated_at = :at where id = :id and version = :version")
			.param("status", status)
			.param("lostReason", lostReason)
			.param("at", timestamp(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean updateOwner(UUID id, int version, String owner, Instant at) {
		return this.jdbc
			.sql("update lead set owner = :owner, version = version + 1, updated_at = :at "
					+ "where id = :id and version = :version")
			.param("owner", owner)
			.param("at", timestamp(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** A lead's recommendation and priority, as a rescoring finds them. */
	record Scored(UUID id, String recommendation, int priority) {
	}

	/**
	 * Moves the lead of a rescored submission to its new recommendation and priority;
	 * returns what it had before, empty when the submission has no lead.
	 */
	Optional<Scored> updateScore(UUID submissionId, String recommendation, int priority, Instant at) {
		Optional<Scored> before = this.jdbc
			.sql("select id, recommendation, priority from lead where submission_id = :id for update")
			.param("id", submissionId)
			.query((rs, n) -> new Scored(rs.getObject("id", UUID.class), rs.getString("recommendation"),
					rs.getInt("priority")))
			.optional();
		before.ifPresent((lead) -> this.jdbc
			.sql("update lead set recommendation = :recommendation, priority = :priority, "
					+ "updated_at = :at, version = version + 1 where id = :id")
			.param("recommendation", recommendation)
			.param("priority", priority)
			.param("at", timestamp(at))
			.param("id", lead.id())
			.update());
		return before;
	}

	/**
	 * Makes a retake the newest assessment of a lead not erased, with its recommendation
	 * and priority; {@code false} when the lead is gone or erased.
	 */
	boolean moveToRetake(UUID id, UUID submissionId, String recommendation, int priority, Instant at) {
		return this.jdbc
			.sql("update lead set submission_id = :submissionId, recommendation = :recommendation, "
					+ "priority = :priority, updated_at = :at, version = version + 1 "
					+ "where id = :id and erased_at is null")
			.param("submissionId", submissionId)
			.param("recommendation", recommendation)
			.param("priority", priority)
			.param("at", timestamp(at))
			.param("id", id)
			.update() == 1;
	}

	void touch(UUID id, Instant at) {
		this.jdbc.sql("update lead set updated_at = :at where id = :id")
			.param("at", timestamp(at))
			.param("id", id)
			.update();
	}

}
