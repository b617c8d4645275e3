package com.northbeam.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.northbeam.assessment.outbox.OutboxRepository.Target;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification settings admins save (one row), or the configured defaults until they
 * do. Webhook secrets are stored encrypted ({@link SecretCipher}); versions before that
 * stored them in plain text, which {@link #encryptPlainSecrets()} converts.
 */
@Component
class NotificationSettings {

	private static final TypeReference<List<StoredWebhook>> WEBHOOKS = new TypeReference<>() {
	};

	/**
	 * A webhook target with its encrypted signing secret, if any, and the previous secret
	 * that still signs until {@code previousUntil} after a rotation. Secrets are never
	 * shown again.
	 */
	record Webhook(String url, String secret, String previousSecret, Instant previousUntil) {

		boolean hasSecret() {
			return this.secret != null;
		}

		/** The previous secret while it still signs. */
		Optional<String> previousAt(Instant now) {
			return (this.previousSecret != null && this.previousUntil != null && now.isBefore(this.previousUntil))
					? Optional.of(this.previousSecret) : Optional.empty();
		}

		/** The current secret first, then the previous one while it still signs. */
		List<byte[]> keys(SecretCipher cipher, Instant now) {
			List<byte[]> keys = new ArrayList<>();
			if (this.secret != null) {
				keys.add(cipher.open(this.secret));
				previousAt(now).ifPresent((previous) -> keys.add(cipher.open(previous)));
			}
			return keys;
		}

	}

	record Settings(String salesInbox, List<Webhook> webhooks, int maxAttempts) {

		Optional<Webhook> webhook(String url) {
			return this.webhooks.stream().filter((webhook) -> webhook.url().equals(url)).findFirst();
		}

		/** Where an event for the sales inbox goes. */
		List<Target> targets() {
			return targets(null);
		}

		/**
		 * Where an event goes: its email to {@code emailTo} when given (an overdue lead's
		 * owner), else to the sales inbox if there is one; and to every webhook.
		 */
		List<Target> targets(String emailTo) {
			List<Target> targets = new ArrayList<>();
			String email = (emailTo != null) ? emailTo : this.salesInbox;
			if (email != null) {
				targets.add(new Target("email", email));
			}
			for (Webhook webhook : this.webhooks) {
				targets.add(new Target("webhook", webhook.url()));
			}
			return targets;
		}

	}

	/**
	 * A webhook as stored: {@code secret} is the plain text that versions before
	 * encryption wrote; {@code key} and {@code previousKey} are encrypted.
	 */
	record StoredWebhook(String url, String key, String previousKey, Instant previousKeyUntil, String secret) {

		boolean plain() {
			return this.key == null && this.secret != null && !this.secret.isEmpty();
		}

	}

	private final NotificationSettingsRepository repository;

	private final ObjectMapper json;

	private final NotificationProperties properties;

	private final SecretCipher cipher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NotificationSettings(NotificationSettingsRepository repository, ObjectMapper json,
			NotificationProperties properties, SecretCipher cipher, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.json = json;
		this.properties = properties;
		this.cipher = cipher;
		this.transactions = transactions;
		this.clock = clock;
	}

	Settings current() {
		return this.repository.find()
			.map((row) -> new Settings(row.salesInbox(), webhooks(this.json.readValue(row.webhooks(), WEBHOOKS)),
					row.maxAttempts()))
			.orElseGet(() -> new Settings(blankToNull(this.properties.salesInbox()), List.of(),
					this.properties.maxAttempts()));
	}

	void save(Settings settings, String actor) {
		this.repository.save(new NotificationSettingsRepository.Row(settings.salesInbox(), json(settings.webhooks()),
				settings.maxAttempts()), actor, this.clock.instant());
	}

	/**
	 * Encrypts the secrets that earlier versions stored in plain text, under a lock on
	 * the settings row so that instances starting together do it once; returns how many.
	 */
	int encryptPlainSecrets() {
		Integer converted = this.transactions.execute((tx) -> this.repository.findForUpdate().map((row) -> {
			List<StoredWebhook> stored = this.json.readValue(row.webhooks(), WEBHOOKS);
			int plain = (int) stored.stream().filter(StoredWebhook::plain).count();
			if (plain > 0) {
				this.repository.saveWebhooks(json(webhooks(stored)));
			}
			return plain;
		}).orElse(0));
		return (converted != null) ? converted : 0;
	}

	/** How many secrets are stored in plain text. */
	int plainSecrets() {
		return this.repository.find()
			.map((row) -> (int) this.json.readValue(row.webhooks(), WEBHOOKS)
				.stream()
				.filter(StoredWebhook::plain)
				.count())
			.orElse(0);
	}

	/** A plain-text secret's bytes are its key, as the old signatures used them. */
	private List<Webhook> webhooks(List<StoredWebhook> stored) {
		return stored.stream()
			.map((webhook) -> webhook.plain()
					? new Webhook(webhook.url(), this.cipher.seal(webhook.secret().getBytes(StandardCharsets.UTF_8)),
							null, null)
					: new Webhook(webhook.url(), webhook.key(), webhook.previousKey(), webhook.previousKeyUntil()))
			.toList();
	}

	private String json(List<Webhook> webhooks) {
		return this.json.writeValueAsString(webhooks.stream()
			.map((webhook) -> new StoredWebhook(webhook.url(), webhook.secret(), webhook.previousSecret(),
					webhook.previousUntil(), null))
			.toList());
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
