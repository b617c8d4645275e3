package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

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

	private final NotificationSettingsRepository repository;

	private final ObjectMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationSettings(NotificationSettingsRepository repository, ObjectMapper json,
			NotificationProperties properties, Clock clock) {
		this.repository = repository;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	Settings current() {
		return this.repository.find()
			.map((row) -> new Settings(row.salesInbox(), this.json.readValue(row.webhooks(), WEBHOOKS),
					row.maxAttempts()))
			.orElseGet(() -> new Settings(blankToNull(this.properties.salesInbox()), List.of(),
					this.properties.maxAttempts()));
	}

	void save(Settings settings, String actor) {
		this.repository.save(
				new NotificationSettingsRepository.Row(settings.salesInbox(),
						this.json.writeValueAsString(settings.webhooks()), settings.maxAttempts()),
				actor, this.clock.instant());
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
