package com.northbeam.gateway.dashboard.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.AssessmentAdminClient;
import com.northbeam.gateway.client.AssessmentAdminClient.AuditPage;
import com.northbeam.gateway.client.AssessmentAdminClient.AuditQuery;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail, newest first, filtered by who, what and which days (UTC, both
 * inclusive); an "older" link continues after the last entry shown, keeping the filters,
 * so a view can be shared.
 */
@Controller
@RequestMapping("/dashboard/admin/audit")
class AuditPages {

	static final int PAGE_SIZE = 50;

	private final AssessmentAdminClient admin;

	private final MessageSource messages;

	AuditPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String after, Authentication authentication, Model model, Locale locale) {
		Filter filter = new Filter(clip(actor, 254), clip(action, 100), clip(from, 10), clip(to, 10), clip(after, 200));
		model.addAttribute("filter", filter);
		model.addAttribute("newestUrl", filter.url(null));
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDay = day(filter.from(), "from", errors, locale);
		LocalDate toDay = day(filter.to(), "to", errors, locale);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			errors.put("to", messages.getMessage("admin.audit.error.order", null, locale));
		}
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			return "dashboard/admin/audit";
		}
		Instant fromInstant = (fromDay != null) ? fromDay.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
		Instant toInstant = (toDay != null) ? toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null;
		try {
			AuditPage page = admin.audit(Admins.of(authentication),
					new AuditQuery(filter.actor(), filter.action(), fromInstant, toInstant, PAGE_SIZE, filter.after()));
			model.addAttribute("page", page);
			if (page.nextCursor() != null && !page.nextCursor().isBlank()) {
				model.addAttribute("olderUrl", filter.url(page.nextCursor()));
			}
		}
		catch (AdminRejectedException ex) {
			model.addAttribute("errors", Admins.byField(ex.errors(), (field) -> field.equals("actor")
					|| field.equals("action") || field.equals("from") || field.equals("to")));
		}
		return "dashboard/admin/audit";
	}

	private LocalDate day(String text, String field, Map<String, String> errors, Locale locale) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, messages.getMessage("admin.audit.error.date", null, locale));
			return null;
		}
	}

	private static String clip(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		return (trimmed.length() > max) ? trimmed.substring(0, max) : trimmed;
	}

	/** The filters as entered, kept in the URL. */
	record Filter(String actor, String action, String from, String to, String after) {

		/**
		 * This view's address continuing after {@code cursor}, or from the newest entry
		 * when it is null.
		 */
		String url(String cursor) {
			return UriComponentsBuilder.fromPath("/dashboard/admin/audit")
				.queryParamIfPresent("actor", Optional.ofNullable(actor))
				.queryParamIfPresent("action", Optional.ofNullable(action))
				.queryParamIfPresent("from", Optional.ofNullable(from))
				.queryParamIfPresent("to", Optional.ofNullable(to))
				.queryParamIfPresent("after", Optional.ofNullable(cursor))
				.encode()
				.build()
				.toUriString();
		}

	}

}
