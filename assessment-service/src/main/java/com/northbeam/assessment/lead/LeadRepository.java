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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes leads, their timeline and consultation requests with set-based SQL.
 */
@Repository
class LeadRepository {

	static final String ERASED = "[erased]";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	LeadRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
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

	/** A row of the lead list. */
	record LeadRow(UUID id, String name, String company, String email, String recommendation, int priority,
			String status, String owner, Instant createdAt, String source) {
	}

	private static final String ROW_COLUMNS = "id, name, company, email, recommendation, priority, status, owner, created_at, source";

	private static LeadRow row(ResultSet rs) throws SQLException {
		return new LeadRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("company"),
				rs.getString("email"), rs.getString("recommendation"), rs.getInt("priority"), rs.getString("status"),
				rs.getString("owner"), instant(rs, "created_at"), rs.getString("source"));
	}

	/**
	 * One page of leads after {@code cursor} (or from the start), at most {@code limit}
	 * rows.
	 */
	List<LeadRow> page(LeadFilter filter, String sort, LeadCursor cursor, int limit) {
		StringBuilder sql = new StringBuilder("select " + ROW_COLUMNS + " from lead where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
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
	void stream(LeadFilter filter, String sort, RowConsumer consumer) {
		StringBuilder sql = new StringBuilder(
				"select " + ROW_COLUMNS + ", phone, job_role, lost_reason, updated_at from lead where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		sql.append(orderBy(sort));
		this.streaming.query(sql.toString(),
				(RowCallbackHandler) (rs) -> consumer.accept(new ExportRow(row(rs), rs.getString("phone"),
						rs.getString("job_role"), rs.getString("lost_reason"), instant(rs, "updated_at"))),
				params.toArray());
	}

	interface RowConsumer {

		void accept(ExportRow row);

	}

	/** Everything about one lead that its detail shows, apart from the timeline. */
	record LeadRecord(UUID id, UUID submissionId, int version, String name, String email, String company, String phone,
			String role, String status, String owner, String lostReason, int priority, String recommendation,
			String source, Instant createdAt, Instant updatedAt, Instant erasedAt, int questionnaireVersion,
			String answers, String utmSource, String utmMedium, String utmCampaign, String referrer, String landing,
			String result, String consentVersion, Instant consentedAt) {
	}

	Optional<LeadRecord> find(UUID id) {
		return this.jdbc
			.sql("select l.*, s.questionnaire_version, s.answers, s.utm_source, s.utm_medium, s.utm_campaign, "
					+ "s.referrer, s.landing, c.text_version, c.accepted_at, "
					+ "(select r.body from submission_result r where r.submission_id = l.submission_id "
					+ "order by r.rules_version desc limit 1) result "
					+ "from lead l join submission s on s.id = l.submission_id "
					+ "left join consent_record c on c.submission_id = l.submission_id where l.id = :id")
			.param("id", id)
			.query((rs, n) -> new LeadRecord(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
					rs.getInt("version"), rs.getString("name"), rs.getString("email"), rs.getString("company"),
					rs.getString("phone"), rs.getString("job_role"), rs.getString("status"), rs.getString("owner"),
					rs.getString("lost_reason"), rs.getInt("priority"), rs.getString("recommendation"),
					rs.getString("source"), instant(rs, "created_at"), instant(rs, "updated_at"),
					instant(rs, "erased_at"), rs.getInt("questionnaire_version"), rs.getString("answers"),
					rs.getString("utm_source"), rs.getString("utm_medium"), rs.getString("utm_campaign"),
					rs.getString("referrer"), rs.getString("landing"), rs.getString("result"),
					rs.getString("text_version"), instant(rs, "accepted_at")))
			.optional();
	}

	/** The lead of a submission, locked until the end of the caller's transaction. */
	Optional<UUID> lockBySubmission(UUID submissionId) {
		return this.jdbc.sql("select id from lead where submission_id = :id for update")
			.param("id", submissionId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The status and version of a lead, locked until the end of the caller's transaction.
	 */
	record State(String status, int version, boolean erased) {
	}

	Optional<State> lock(UUID id) {
		return this.jdbc.sql("select status, version, erased_at from lead where id = :id for update")
			.param("id", id)
			.query((rs, n) -> new State(rs.getString("status"), rs.getInt("version"),
					rs.getObject("erased_at") != null))
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

	void touch(UUID id, Instant at) {
		this.jdbc.sql("update lead set updated_at = :at where id = :id")
			.param("at", timestamp(at))
			.param("id", id)
			.update();
	}

	/** An entry of a lead's timeline. */
	record Event(Instant at, String actor, String kind, String detail) {
	}

	void addEvent(UUID leadId, Event event) {
		this.jdbc.sql(
				"insert into lead_event (lead_id, at, actor, kind, detail) values (:leadId, :at, :actor, :kind, :detail)")
			.param("leadId", leadId)
			.param("at", timestamp(event.at()))
			.param("actor", event.actor())
			.param("kind", event.kind())
			.param("detail", event.detail())
			.update();
	}

	List<Event> events(UUID leadId) {
		return this.jdbc.sql("select at, actor, kind, detail from lead_event where lead_id = :id order by id")
			.param("id", leadId)
			.query((rs, n) -> new Event(instant(rs, "at"), rs.getString("actor"), rs.getString("kind"),
					rs.getString("detail")))
			.list();
	}

	/** A prospect's consultation request. */
	record Consultation(String preferredTimes, String message, Instant requestedAt) {
	}

	Optional<Consultation> consultation(UUID leadId) {
		return this.jdbc.sql("select preferred_times, message, requested_at from lead_consultation where lead_id = :id")
			.param("id", leadId)
			.query((rs, n) -> new Consultation(rs.getString("preferred_times"), rs.getString("message"),
					instant(rs, "requested_at")))
			.optional();
	}

	void saveConsultation(UUID leadId, Consultation consultation) {
		int updated = this.jdbc
			.sql("update lead_consultation set preferred_times = :times, message = :message, "
					+ "requested_at = :at where lead_id = :id")
			.param("times", consultation.preferredTimes())
			.param("message", consultation.message())
			.param("at", timestamp(consultation.requestedAt()))
			.param("id", leadId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into lead_consultation (lead_id, preferred_times, message, requested_at) "
						+ "values (:id, :times, :message, :at)")
				.param("times", consultation.preferredTimes())
				.param("message", consultation.message())
				.param("at", timestamp(consultation.requestedAt()))
				.param("id", leadId)
				.update();
		}
	}

	/**
	 * Writes an outbox event in the caller's transaction, for the notification
	 * dispatcher.
	 */
	void addOutboxEvent(UUID leadId, String kind, Instant at) {
		this.jdbc.sql("insert into outbox_event (id, kind, lead_id, created_at) values (:id, :kind, :leadId, :at)")
			.param("id", UUID.randomUUID())
			.param("kind", kind)
			.param("leadId", leadId)
			.param("at", timestamp(at))
			.update();
	}

	/**
	 * Removes the personal data of a lead: contact details, the free text of notes and of
	 * the consultation request, and the referrer. Recommendation, priority, status,
	 * source, answers and results stay, so statistics keep working. Returns {@code false}
	 * if it was erased before.
	 */
	boolean erase(UUID id, Instant at) {
		int erased = this.jdbc
			.sql("update lead set name = :erased, email = :erased, company = :erased, phone = null, "
					+ "job_role = null, lost_reason = null, erased_at = :at, updated_at = :at, "
					+ "version = version + 1 where id = :id and erased_at is null")
			.param("erased", ERASED)
			.param("at", timestamp(at))
			.param("id", id)
			.update();
		if (erased == 0) {
			return false;
		}
		this.jdbc.sql("update lead_event set detail = :erased where lead_id = :id and kind in ('note', 'consultation')")
			.param("erased", ERASED)
			.param("id", id)
			.update();
		this.jdbc.sql(
				"update lead_event set detail = :erased where lead_id = :id and kind = 'status' and detail like '%: %'")
			.param("erased", ERASED)
			.param("id", id)
			.update();
		this.jdbc.sql("update lead_consultation set preferred_times = null, message = null where lead_id = :id")
			.param("id", id)
			.update();
		this.jdbc
			.sql("update submission set referrer = null where id = (select submission_id from lead where id = :id)")
			.param("id", id)
			.update();
		return true;
	}

	/**
	 * Locks up to {@code limit} leads not yet erased and untouched since {@code cutoff},
	 * skipping rows another replica holds, until the end of the caller's transaction.
	 */
	List<UUID> lockUntouched(Instant cutoff, int limit) {
		return this.jdbc
			.sql("select id from lead where erased_at is null and updated_at < :cutoff "
					+ "order by updated_at limit :limit for update skip locked")
			.param("cutoff", timestamp(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

}
