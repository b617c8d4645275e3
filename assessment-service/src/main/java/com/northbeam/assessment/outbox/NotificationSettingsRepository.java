package com.northbeam.assessment.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.northbeam.assessment.outbox.NotificationSettings.Settings;
import com.northbeam.assessment.outbox.NotificationSettings.Webhook;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of notification settings that admins save. */
@Repository
class NotificationSettingsRepository {

	private static final TypeReference<List<Webhook>> WEBHOOKS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	NotificationSettingsRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Settings> find() {
		return this.jdbc.sql("select sales_inbox, webhooks, max_attempts from notification_settings where id = 1")
			.query((rs, n) -> new Settings(rs.getString("sales_inbox"),
					this.json.readValue(rs.getString("webhooks"), WEBHOOKS), rs.getInt("max_attempts")))
			.optional();
	}

	void save(Settings settings, String actor, Instant at) {
		OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		String webhooks = this.json.writeValueAsString(settings.webhooks());
		int updated = this.jdbc
			.sql("update notification_settings set sales_inbox = :inbox, webhooks = :webhooks, "
					+ "max_attempts = :max, updated_at = :at, updated_by = :actor where id = 1")
			.param("inbox", settings.salesInbox())
			.param("webhooks", webhooks)
			.param("max", settings.maxAttempts())
			.param("at", now)
			.param("actor", actor)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"insert into notification_settings (id, sales_inbox, webhooks, max_attempts, updated_at, updated_by) "
							+ "values (1, :inbox, :webhooks, :max, :at, :actor)")
				.param("inbox", settings.salesInbox())
				.param("webhooks", webhooks)
				.param("max", settings.maxAttempts())
				.param("at", now)
				.param("actor", actor)
				.update();
		}
	}

}
