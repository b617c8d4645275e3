package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification settings admins save (one row), or the configured defaults until they
 * do.
 */
@Component
class NotificationSettings {

	private static final TypeReference<List<Webhook>> WEBHOOKS = new TypeReference<>() {
	};

	/**
	 * A webhook target; the secret signs each body with HMAC-SHA256 and is never shown
	 * again.
	 */
	record Webhook(String url, String secret) {
	}

	record Settings(String salesInbox, List<Webhook> webhooks, int maxAttempts) {

		Optional<String> secretOf(String url) {
			return this.webhooks.stream()
				.filter((webhook) -> webhook.url().equals(url) && webhook.secret() != null)
				.map(Webhook::secret)
				.findFirst();
		}

	}

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationSettings(JdbcClient jdbc, ObjectMapper json, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	Settings current() {
		return this.jdbc.sql("select sales_inbox, webhooks, max_attempts from notification_settings where id = 1")
			.query((rs, n) -> new Settings(rs.getString("sales_inbox"),
					this.json.readValue(rs.getString("webhooks"), WEBHOOKS), rs.getInt("max_attempts")))
			.optional()
			.orElseGet(() -> new Settings(blankToNull(this.properties.salesInbox()), List.of(),
					this.properties.maxAttempts()));
	}

	void save(Settings settings, String actor) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
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

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
