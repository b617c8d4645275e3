package com.northbeam.assessment.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of notification settings admins save; webhooks as stored JSON. */
@Repository
class NotificationSettingsRepository {

	private final JdbcClient jdbc;

	NotificationSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(String salesInbox, String webhooks, int maxAttempts) {
	}

	Optional<Row> find() {
		return this.jdbc.sql("select sales_inbox, webhooks, max_attempts from notification_settings where id = 1")
			.query((rs, n) -> new Row(rs.getString("sales_inbox"), rs.getString("webhooks"), rs.getInt("max_attempts")))
			.optional();
	}

	Optional<Row> findForUpdate() {
		return this.jdbc
			.sql("select sales_inbox, webhooks, max_attempts from notification_settings where id = 1 for update")
			.query((rs, n) -> new Row(rs.getString("sales_inbox"), rs.getString("webhooks"), rs.getInt("max_attempts")))
			.optional();
	}

	/**
	 * Replaces the stored webhooks only, leaving who changed the settings last as it is.
	 */
	void saveWebhooks(String webhooks) {
		this.jdbc.sql("update notification_settings set webhooks = :webhooks where id = 1")
			.param("webhooks", webhooks)
			.update();
	}

	void save(Row row, String actor, Instant at) {
		OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		int updated = this.jdbc
			.sql("update notification_settings set sales_inbox = :inbox, webhooks = :webhooks, "
					+ "max_attempts = :max, updated_at = :at, updated_by = :actor where id = 1")
			.param("inbox", row.salesInbox())
			.param("webhooks", row.webhooks())
			.param("max", row.maxAttempts())
			.param("at", now)
			.param("actor", actor)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"insert into notification_settings (id, sales_inbox, webhooks, max_attempts, updated_at, updated_by) "
							+ "values (1, :inbox, :webhooks, :max, :at, :actor)")
				.param("inbox", row.salesInbox())
				.param("webhooks", row.webhooks())
				.param("max", row.maxAttempts())
				.param("at", now)
				.param("actor", actor)
				.update();
		}
	}

}
