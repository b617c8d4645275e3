package com.northbeam.gateway.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AdminConflictException;
import com.northbeam.gateway.client.AdminNotFoundException;
import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.AssessmentAdminClient;
import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettings;
import com.northbeam.gateway.client.AssessmentAdminClient.Webhook;
import com.northbeam.gateway.client.FieldError;
import com.northbeam.gateway.client.StaffCaller;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admins set where new-lead notifications go (sales inbox, webhooks with write-only
 * secrets, how often to try), read the delivery log filtered by state, send a dead
 * delivery again and redeliver any past one.
 */
@Controller
@RequestMapping("/dashboard/admin/notifications")
class NotificationPages {

	static final List<String> STATES = List.of("pending", "delivered", "dead");

	static final int PAGE_SIZE = 50;

	private static final Pattern WEBHOOK_FIELD = Pattern.compile("^webhooks\\.(\\d+)\\.(url|secret)$");

	private final AssessmentAdminClient admin;

	private final MessageSource messages;

	NotificationPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping
	String show(@RequestParam(required = false) String state, @RequestParam(required = false) String after,
			Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		String stateFilter = (state != null && STATES.contains(state)) ? state : null;
		String cursor = (after != null && !after.isBlank() && after.length() <= 200) ? after : null;
		if (!model.containsAttribute("notificationForm")) {
			model.addAttribute("notificationForm", NotificationForm.of(admin.notificationSettings(caller)));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		AssessmentAdminClient.DeliveryPage deliveries;
		try {
			deliveries = admin.deliveries(caller, stateFilter, PAGE_SIZE, cursor);
		}
		catch (AdminRejectedException ex) {
			// a cursor from an address edited by hand: say so and offer the newest
			// entries
			model.addAttribute("logRefused", true);
			deliveries = new AssessmentAdminClient.DeliveryPage(List.of(), null);
		}
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("state", stateFilter);
		model.addAttribute("states", STATES);
		model.addAttribute("after", cursor);
		if (deliveries.nextCursor() != null && !deliveries.nextCursor().isBlank()) {
			model.addAttribute("olderUrl",
					UriComponentsBuilder.fromPath("/dashboard/admin/notifications")
						.queryParamIfPresent("state", Optional.ofNullable(stateFilter))
						.queryParam("after", deliveries.nextCursor())
						.encode()
						.build()
						.toUriString());
		}
		return "dashboard/admin/notifications";
	}

	@PostMapping
	String save(@RequestParam(required = false) String salesInbox, @RequestParam(required = false) String maxAttempts,
			@RequestParam(name = "webhookUrl", required = false) List<String> urls,
			@RequestParam(name = "webhookSecret", required = false) List<String> secrets,
			@RequestParam(name = "webhookHasSecret", required = false) List<String> hasSecret,
			@RequestParam(name = "webhookRemoveSecret", required = false) List<String> removeSecret,
			@RequestParam(name = "webhookGenerateSecret", required = false) List<String> generateSecret,
			Authentication authentication, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		NotificationForm.Posted posted = NotificationForm.from(salesInbox, maxAttempts, urls, secrets, hasSecret,
				removeSecret, generateSecret);
		Map<String, String> errorKeys = posted.errorKeys();
		if (!errorKeys.isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			errorKeys.forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
			return showAgain(posted, errors, authentication, model);
		}
		try {
			NotificationSettings saved = admin.updateNotificationSettings(Admins.of(authentication), posted.toInput());
			List<Webhook> generated = saved.webhooks()
				.stream()
				.filter((webhook) -> webhook.generatedSecret() != null)
				.toList();
			if (generated.isEmpty()) {
				redirect.addFlashAttribute("message", "admin.notifications.saved");
				return "redirect:/dashboard/admin/notifications";
			}
			// Shown in this answer only, never kept in the session as a flash attribute
			// would be.
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("generatedSecrets", generated);
			model.addAttribute("message", "admin.notifications.saved");
			return show(null, null, authentication, model);
		}
		catch (AdminRejectedException | AdminConflictException ex) {
			List<FieldError> refused = (ex instanceof AdminRejectedException rejected) ? rejected.errors()
					: ((AdminConflictException) ex).errors();
			if (refused.isEmpty()) {
				refused = List.of(new FieldError("", ex.getMessage()));
			}
			return showAgain(posted, byFormRow(refused, posted.sentRows()), authentication, model);
		}
	}

	@PostMapping("/deliveries/{id}/retry")
	String retry(@PathVariable String id, @RequestParam(required = false) String state, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			admin.retryDelivery(Admins.of(authentication), id);
			redirect.addFlashAttribute("message", "admin.notifications.retried");
		}
		catch (AdminNotFoundException | AdminConflictException | AdminRejectedException ex) {
			redirect.addFlashAttribute("failure", "admin.notifications.retryRefused");
		}
		redirect.addFlashAttribute("messageArgument", id);
		if (state != null && STATES.contains(state)) {
			redirect.addAttribute("state", state);
		}
		return "redirect:/dashboard/admin/notifications";
	}

	/**
	 * Sends the delivery's event again to its target as a new delivery, whatever became
	 * of this one.
	 */
	@PostMapping("/deliveries/{id}/redeliver")
	String redeliver(@PathVariable String id, @RequestParam(required = false) String state,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			admin.redeliverDelivery(Admins.of(authentication), id);
			redirect.addFlashAttribute("message", "admin.notifications.redelivered");
		}
		catch (AdminNotFoundException | AdminConflictException | AdminRejectedException ex) {
			redirect.addFlashAttribute("failure", "admin.notifications.redeliverRefused");
		}
		redirect.addFlashAttribute("messageArgument", id);
		if (state != null && STATES.contains(state)) {
			redirect.addAttribute("state", state);
		}
		return "redirect:/dashboard/admin/notifications";
	}

	private String showAgain(NotificationForm.Posted posted, Map<String, String> errors, Authentication authentication,
			Model model) {
		model.addAttribute("notificationForm", posted.withoutSecrets());
		model.addAttribute("errors", errors);
		return show(null, null, authentication, model);
	}

	/**
	 * The service names webhooks by their position in what was sent
	 * ({@code webhooks[1].url}); the form by its row, which differs when blank rows were
	 * left out.
	 */
	static Map<String, String> byFormRow(List<FieldError> errors, List<Integer> sentRows) {
		List<FieldError> renamed = errors.stream().map((error) -> {
			String field = (error.field() != null) ? error.field().replaceAll("\\[(\\d+)\\]", ".$1") : "";
			Matcher matcher = WEBHOOK_FIELD.matcher(field);
			if (matcher.matches()) {
				int sent = Integer.parseInt(matcher.group(1));
				if (sent < sentRows.size()) {
					field = "webhooks." + sentRows.get(sent) + "." + matcher.group(2);
				}
			}
			return new FieldError(field, error.message());
		}).toList();
		return Admins.byField(renamed, (field) -> field.equals("salesInbox") || field.equals("maxAttempts")
				|| field.matches("webhooks(\\.\\d+\\.(url|secret))?"));
	}

}
