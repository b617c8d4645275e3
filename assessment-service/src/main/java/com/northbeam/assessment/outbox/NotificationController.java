package com.northbeam.assessment.outbox;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.outbox.DeliveryRepository.Delivery;
import com.northbeam.assessment.outbox.NotificationSettings.Settings;
import com.northbeam.assessment.outbox.NotificationSettings.Webhook;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins watch deliveries, retry dead-lettered ones and change where notifications go.
 */
@RestController
@RequestMapping("/api/admin/notifications")
class NotificationController {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Set<String> STATES = Set.of("pending", "delivered", "dead");

	private final DeliveryRepository deliveries;

	private final NotificationSettings settings;

	private final NotificationProperties properties;

	private final Audit audit;

	private final Clock clock;

	private final Dispatcher dispatcher;

	NotificationController(DeliveryRepository deliveries, NotificationSettings settings,
			NotificationProperties properties, Audit audit, Clock clock, Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
		this.deliveries = deliveries;
		this.settings = settings;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	record Page(List<Delivery> items, String nextCursor) {
	}

	@GetMapping("/deliveries")
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

	record Dispatched(int attempts) {
	}

	/**
	 * Runs one dispatcher round now (as the scheduled dispatcher does every few seconds):
	 * new events become deliveries and every due delivery is attempted. Safe next to
	 * running dispatchers.
	 */
	@PostMapping("/dispatch")
	Dispatched dispatch() {
		return new Dispatched(this.dispatcher.dispatch());
	}

	record WebhookView(String url, boolean hasSecret) {
	}

	record SettingsView(String salesInbox, String dashboardBaseUrl, List<WebhookView> webhooks, int maxAttempts) {
	}

	record WebhookInput(String url, String secret) {
	}

	record SettingsInput(String salesInbox, List<WebhookInput> webhooks, Integer maxAttempts) {
	}

	@GetMapping("/settings")
	SettingsView settings() {
		Settings current = this.settings.current();
		return new SettingsView(current.salesInbox(), this.properties.dashboardBaseUrl(),
				current.webhooks().stream().map((w) -> new WebhookView(w.url(), w.secret() != null)).toList(),
				current.maxAttempts());
	}

	/**
	 * Replaces the settings. A webhook listed without a secret keeps the secret it had
	 * (secrets are write-only); give an empty string to remove a secret.
	 */
	@PutMapping("/settings")
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
		List<Webhook> saved = new ArrayList<>();
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
			if (webhook.secret() != null && webhook.secret().length() > 200) {
				errors.add(new FieldError(field + ".secret", "must be at most 200 characters"));
			}
			String secret = (webhook.secret() == null) ? current.secretOf(webhook.url()).orElse(null)
					: NotificationSettings.blankToNull(webhook.secret());
			saved.add(new Webhook(webhook.url(), secret));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.settings.save(new Settings(inbox, saved, maxAttempts), principal.getName());
		this.audit.record(principal.getName(), Audit.NOTIFICATIONS_CHANGED, null, "settings");
		return settings();
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
