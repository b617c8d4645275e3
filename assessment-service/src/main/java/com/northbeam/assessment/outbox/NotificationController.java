package com.northbeam.assessment.outbox;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.outbox.DeliveryRepository.Delivery;
import com.northbeam.assessment.outbox.NotificationSettings.Settings;
import com.northbeam.assessment.outbox.NotificationSettings.Webhook;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins watch deliveries, retry dead-lettered ones, redeliver past events and change
 * where notifications go.
 */
@RestController
@Tag(name = "Notifications",
		description = "Where new-lead notifications go, the delivery log, retries and " + "redeliveries (admins)")
@RequestMapping("/api/admin/notifications")
class NotificationController {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Set<String> STATES = Set.of("pending", "delivered", "dead");

	private final DeliveryRepository deliveries;

	private final NotificationSettings settings;

	private final NotificationProperties properties;

	private final Audit audit;

	private final SecretCipher cipher;

	private final Clock clock;

	private final Dispatcher dispatcher;

	private final Redeliveries redeliveries;

	NotificationController(DeliveryRepository deliveries, NotificationSettings settings,
			NotificationProperties properties, Audit audit, Clock clock, Dispatcher dispatcher,
			Redeliveries redeliveries, SecretCipher cipher) {
		this.cipher = cipher;
		this.dispatcher = dispatcher;
		this.redeliveries = redeliveries;
		this.deliveries = deliveries;
		this.settings = settings;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	record Page(List<Delivery> items, String nextCursor) {
	}

	@GetMapping("/deliveries")
	@Operation(summary = "Deliveries, newest first, optionally in one state (admin)")
	Page deliveries(@RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(required = false) String after) {
		List<FieldError> errors = new ArrayList<>();
		if (state != null && !STATES.contains(state)) {
			errors.add(new FieldError("state", "must be pending, delivered or dead"));
		}
		if (limit < 1 || limit > 500) {
			errors.add(new FieldError("limit", "must be between 1 and 500"));
		}
		Long afterId = null;
		if (after != null) {
			try {
				afterId = Long.parseLong(after);
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("after", "is not a cursor of this list"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<Delivery> rows = this.deliveries.page(state, afterId, limit + 1);
		if (rows.size() > limit) {
			List<Delivery> page = List.copyOf(rows.subList(0, limit));
			return new Page(page, Long.toString(page.get(limit - 1).id()));
		}
		return new Page(rows, null);
	}

	/**
	 * Makes a dead-lettered (or waiting) delivery due now, with a fresh set of attempts.
	 */
	@PostMapping("/deliveries/{id}/retry")
	@Operation(summary = "Makes a delivery that is not delivered due now, with a fresh set of attempts (admin)")
	Delivery retry(@PathVariable long id, Principal principal) {
		boolean retried = this.deliveries.retry(id, this.clock.instant());
		Delivery delivery = this.deliveries.find(id)
			.orElseThrow(() -> new NotFoundException("There is no delivery " + id));
		if (!retried) {
			throw InvalidInputException.of("id", "was delivered already");
		}
		this.audit.record(principal.getName(), Audit.NOTIFICATIONS_CHANGED, null, "retry delivery " + id);
		return delivery;
	}

	/**
	 * Sends a past event again to the target of this delivery, whatever became of it, as
	 * a new delivery with the same {@code webhook-id}. Needs the scope
	 * {@code notifications:redeliver}.
	 */
	@PostMapping("/deliveries/{id}/redeliver")
	@Operation(summary = "Sends the delivery's event again to its target, as a new delivery with the same "
			+ "webhook-id; the target must still be in the settings (notifications:redeliver)")
	Delivery redeliver(@PathVariable long id, Principal principal) {
		return this.redeliveries.delivery(id, principal.getName());
	}

	/**
	 * Sends a past event again to every target configured now, as new deliveries with the
	 * same {@code webhook-id}. Needs the scope {@code notifications:redeliver}.
	 */
	@PostMapping("/events/{eventId}/redeliver")
	@Operation(summary = "Sends a past event again to every target configured now, as new deliveries with the "
			+ "same webhook-id (notifications:redeliver)")
	List<Delivery> redeliverEvent(@PathVariable UUID eventId, Principal principal) {
		return this.redeliveries.event(eventId, principal.getName());
	}

	record Dispatched(int attempts) {
	}

	/**
	 * Runs one dispatcher round now (as the scheduled dispatcher does every few seconds):
	 * new events become deliveries and every due delivery is attempted. Safe next to
	 * running dispatchers.
	 */
	@PostMapping("/dispatch")
	@Operation(summary = "Runs one dispatcher round now (admin)")
	Dispatched dispatch() {
		return new Dispatched(this.dispatcher.dispatch());
	}

	/**
	 * A webhook as admins see it: whether it has a secret (never the secret itself),
	 * until when its previous secret still signs after a rotation, and a secret the
	 * service has just generated for it, in the answer of that save only.
	 */
	record WebhookView(String url, boolean hasSecret, Instant previousSecretUntil, String generatedSecret) {
	}

	record SettingsView(String salesInbox, String dashboardBaseUrl, List<WebhookView> webhooks, int maxAttempts) {
	}

	/**
	 * {@code secret}: null keeps the stored one, empty removes it, any other value
	 * replaces it ({@code whsec_} and base64, or text used as it is, 24 to 64 bytes
	 * either way); {@code generateSecret} has the service make a new one instead.
	 */
	record WebhookInput(String url, String secret, Boolean generateSecret) {

		boolean generate() {
			return Boolean.TRUE.equals(this.generateSecret);
		}

	}

	record SettingsInput(String salesInbox, List<WebhookInput> webhooks, Integer maxAttempts) {
	}

	@GetMapping("/settings")
	@Operation(summary = "The sales inbox, webhooks (never their secrets) and attempts (admin)")
	SettingsView settings() {
		return view(Map.of());
	}

	private SettingsView view(Map<String, String> generated) {
		Settings current = this.settings.current();
		Instant now = this.clock.instant();
		return new SettingsView(current.salesInbox(), this.properties.dashboardBaseUrl(),
				current.webhooks()
					.stream()
					.map((w) -> new WebhookView(w.url(), w.hasSecret(),
							w.previousAt(now).map((p) -> w.previousUntil()).orElse(null), generated.get(w.url())))
					.toList(),
				current.maxAttempts());
	}

	/**
	 * Replaces the settings. A webhook listed without a secret keeps the secret it had
	 * (secrets are write-only); give an empty string to remove a secret. A new secret
	 * (given or generated) rotates: the one it replaces still signs, next to it, for
	 * {@code assessment.notifications.secret-overlap}.
	 */
	@PutMapping("/settings")
	@Operation(summary = "Replaces the settings; a new webhook secret (given, or generated and answered once) "
			+ "rotates, the previous one signing too for a while (admin)")
	SettingsView save(@RequestBody SettingsInput input, Principal principal) {
		List<FieldError> errors = new ArrayList<>();
		String inbox = NotificationSettings.blankToNull(input.salesInbox());
		if (inbox != null && (inbox.length() > 254 || !EMAIL.matcher(inbox).matches())) {
			errors.add(new FieldError("salesInbox", "must be an email address or empty"));
		}
		int maxAttempts = (input.maxAttempts() != null) ? input.maxAttempts() : this.settings.current().maxAttempts();
		if (maxAttempts < 1 || maxAttempts > 50) {
			errors.add(new FieldError("maxAttempts", "must be between 1 and 50"));
		}
		List<WebhookInput> webhooks = (input.webhooks() != null) ? input.webhooks() : List.of();
		if (webhooks.size() > 10) {
			errors.add(new FieldError("webhooks", "must list at most 10 webhooks"));
		}
		Settings current = this.settings.current();
		Instant now = this.clock.instant();
		List<Webhook> saved = new ArrayList<>();
		Map<String, String> generated = new HashMap<>();
		Set<String> urls = new HashSet<>();
		for (int i = 0; i < webhooks.size() && i < 10; i++) {
			WebhookInput webhook = webhooks.get(i);
			String field = "webhooks[" + i + "]";
			if (webhook == null || !isHttpUrl(webhook.url())) {
				errors.add(new FieldError(field + ".url", "must be an absolute http or https URL"));
				continue;
			}
			if (!urls.add(webhook.url())) {
				errors.add(new FieldError(field + ".url", "is listed twice"));
			}
			Webhook before = current.webhook(webhook.url()).orElse(null);
			String secret = webhook.generate() ? WebhookSignature.generate()
					: NotificationSettings.blankToNull(webhook.secret());
			if (secret == null) {
				boolean keep = webhook.secret() == null && before != null && before.hasSecret();
				saved.add(keep
						? new Webhook(webhook.url(), before.secret(), before.previousAt(now).orElse(null),
								before.previousAt(now).map((p) -> before.previousUntil()).orElse(null))
						: new Webhook(webhook.url(), null, null, null));
				continue;
			}
			byte[] key;
			try {
				key = WebhookSignature.keyOf(secret);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError(field + ".secret", ex.getMessage()));
				continue;
			}
			if (webhook.generate()) {
				generated.put(webhook.url(), secret);
			}
			boolean rotating = before != null && before.hasSecret();
			saved.add(new Webhook(webhook.url(), this.cipher.seal(key), rotating ? before.secret() : null,
					rotating ? now.plus(this.properties.secretOverlap()) : null));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.settings.save(new Settings(inbox, saved, maxAttempts), principal.getName());
		this.audit.record(principal.getName(), Audit.NOTIFICATIONS_CHANGED, null, "settings");
		return view(generated);
	}

	private static boolean isHttpUrl(String value) {
		if (value == null || value.length() > 2000) {
			return false;
		}
		try {
			URI uri = URI.create(value);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
