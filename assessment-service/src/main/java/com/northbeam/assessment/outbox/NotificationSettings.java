package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The notification settings admins save (one row), or the configured defaults until they
 * do.
 */
@Component
class NotificationSettings {

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

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationSettings(NotificationSettingsRepository repository, NotificationProperties properties, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
	}

	Settings current() {
		return this.repository.find()
			.orElseGet(() -> new Settings(blankToNull(this.properties.salesInbox()), List.of(),
					this.properties.maxAttempts()));
	}

	void save(Settings settings, String actor) {
		this.repository.save(settings, actor, this.clock.instant());
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
