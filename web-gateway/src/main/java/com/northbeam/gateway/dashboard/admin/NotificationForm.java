package com.northbeam.gateway.dashboard.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettings;
import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettingsInput;
import com.northbeam.gateway.client.AssessmentAdminClient.WebhookInput;

/**
 * The notification settings as the form shows and posts them. Webhook secrets are
 * write-only: the form never shows one, a blank secret keeps the stored one, a ticked
 * "generate" box has the service make a new one (shown once), and a row whose URL is
 * blank is removed. Errors are message keys by field ({@code salesInbox},
 * {@code maxAttempts}, {@code webhooks.<row>.url}, {@code webhooks.<row>.secret}).
 */
public record NotificationForm(String salesInbox, String maxAttempts, List<Row> webhooks) {

	static final int MAX_ATTEMPTS = 50;

	static final int MAX_WEBHOOKS = 10;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	public NotificationForm {
		salesInbox = (salesInbox != null) ? salesInbox.trim() : "";
		maxAttempts = (maxAttempts != null) ? maxAttempts.trim() : "";
		webhooks = List.copyOf(webhooks);
	}

	/** The stored settings, with one empty row to add a webhook. */
	static NotificationForm of(NotificationSettings settings) {
		List<Row> rows = new ArrayList<>();
		settings.webhooks().forEach((webhook) -> rows.add(new Row(webhook.url(), webhook.hasSecret())));
		rows.add(new Row("", false));
		return new NotificationForm(settings.salesInbox(), String.valueOf(settings.maxAttempts()), rows);
	}

	/**
	 * The form as posted: the i-th URL, secret and "has a secret" flag belong together.
	 */
	static Posted from(String salesInbox, String maxAttempts, List<String> urls, List<String> secrets,
			List<String> hasSecret, List<String> removeSecret) {
		return from(salesInbox, maxAttempts, urls, secrets, hasSecret, removeSecret, null);
	}

	static Posted from(String salesInbox, String maxAttempts, List<String> urls, List<String> secrets,
			List<String> hasSecret, List<String> removeSecret, List<String> generateSecret) {
		List<Row> rows = new ArrayList<>();
		List<String> secretValues = new ArrayList<>();
		List<Integer> generated = new ArrayList<>();
		int count = Math.min((urls != null) ? urls.size() : 0, MAX_WEBHOOKS + 1);
		for (int i = 0; i < count; i++) {
			String url = (urls.get(i) != null) ? urls.get(i).trim() : "";
			String secret = (secrets != null && i < secrets.size() && secrets.get(i) != null) ? secrets.get(i) : "";
			boolean stored = hasSecret != null && hasSecret.contains(String.valueOf(i));
			boolean remove = removeSecret != null && removeSecret.contains(String.valueOf(i));
			rows.add(new Row(url, stored));
			// an empty string tells the service to drop the stored secret; null keeps it
			secretValues.add((secret.isEmpty() && remove) ? null : secret);
			if (generateSecret != null && generateSecret.contains(String.valueOf(i))) {
				generated.add(i);
			}
		}
		return new Posted(new NotificationForm(salesInbox, maxAttempts, rows), secretValues, generated);
	}

	/**
	 * What was posted, with the secrets kept apart so they never go back into a page; a
	 * null secret means "remove the stored one"; {@code generate} lists the rows whose
	 * secret the service is to generate.
	 */
	record Posted(NotificationForm form, List<String> secrets, List<Integer> generate) {

		Map<String, String> errorKeys() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (!form.salesInbox().isEmpty()
					&& (form.salesInbox().length() > 254 || !EMAIL.matcher(form.salesInbox()).matches())) {
				errors.put("salesInbox", "admin.notifications.error.salesInbox");
			}
			try {
				int attempts = Integer.parseInt(form.maxAttempts());
				if (attempts < 1 || attempts > MAX_ATTEMPTS) {
					errors.put("maxAttempts", "admin.notifications.error.maxAttempts");
				}
			}
			catch (NumberFormatException ex) {
				errors.put("maxAttempts", "admin.notifications.error.maxAttempts");
			}
			int kept = 0;
			for (int i = 0; i < form.webhooks().size(); i++) {
				Row row = form.webhooks().get(i);
				if (row.url().isEmpty()) {
					continue;
				}
				kept++;
				if (!webUrl(row.url())) {
					errors.put("webhooks." + i + ".url", "admin.notifications.error.url");
				}
				if (secrets.get(i) != null && secrets.get(i).length() > 200) {
					errors.put("webhooks." + i + ".secret", "admin.notifications.error.secret");
				}
			}
			if (kept > MAX_WEBHOOKS) {
				errors.put("webhooks", "admin.notifications.error.tooMany");
			}
			return errors;
		}

		/** The rows sent, by their position in the form: blank rows are left out. */
		List<Integer> sentRows() {
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; i < form.webhooks().size(); i++) {
				if (!form.webhooks().get(i).url().isEmpty()) {
					rows.add(i);
				}
			}
			return rows;
		}

		/**
		 * The settings to send: a blank secret is sent as null (keep the stored one), a
		 * secret the admin chose to remove as an empty string; a row to generate a secret
		 * for asks the service for one, whatever was typed.
		 */
		NotificationSettingsInput toInput() {
			List<WebhookInput> webhooks = sentRows().stream().map((i) -> {
				if (generate.contains(i)) {
					return new WebhookInput(form.webhooks().get(i).url(), null, true);
				}
				String secret = secrets.get(i);
				if (secret == null) {
					return new WebhookInput(form.webhooks().get(i).url(), "");
				}
				return new WebhookInput(form.webhooks().get(i).url(), secret.isEmpty() ? null : secret);
			}).toList();
			return new NotificationSettingsInput(form.salesInbox(), webhooks, Integer.parseInt(form.maxAttempts()));
		}

		/** The form to show again: everything but the secrets. */
		NotificationForm withoutSecrets() {
			return form;
		}

	}

	/** One webhook row; {@code hasSecret} says a secret is stored, never what it is. */
	public record Row(String url, boolean hasSecret) {
	}

	private static boolean webUrl(String text) {
		if (text.length() > 2000) {
			return false;
		}
		try {
			URI uri = new URI(text);
			return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
