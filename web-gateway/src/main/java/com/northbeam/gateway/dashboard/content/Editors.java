package com.northbeam.gateway.dashboard.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.northbeam.gateway.client.ContentNotFoundException;
import com.northbeam.gateway.client.FieldError;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.staff.CurrentStaff;
import com.northbeam.gateway.system.PageNotFoundException;

import org.springframework.security.core.Authentication;

/**
 * What the content pages share: who the calls are made for, and how refusals reach the
 * fields.
 */
final class Editors {

	private Editors() {
	}

	/**
	 * The signed-in staff member: the subject and scopes of the token content-service
	 * sees.
	 */
	static StaffCaller of(Authentication authentication) {
		CurrentStaff staff = CurrentStaff.of(authentication);
		return new StaffCaller(staff.email(), staff.scopes());
	}

	/** A missing article or FAQ is the dashboard's 404 page. */
	static <T> T found(Supplier<T> lookup) {
		try {
			return lookup.get();
		}
		catch (ContentNotFoundException ex) {
			throw new PageNotFoundException(ex.getMessage());
		}
	}

	/**
	 * content-service's field errors keyed by the form field they belong to
	 * ({@code tags[2]} is {@code tags}, {@code slugs[0]} is {@code related}); anything
	 * else under {@code ""}.
	 */
	static Map<String, String> byField(List<FieldError> errors, List<String> formFields) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (FieldError error : errors) {
			String field = (error.field() != null) ? error.field() : "";
			int bracket = field.indexOf('[');
			String base = (bracket >= 0) ? field.substring(0, bracket) : field;
			if (base.equals("slugs")) {
				base = "related";
			}
			String key = formFields.contains(base) ? base : "";
			String message = (key.isEmpty() && !field.isEmpty()) ? field + ": " + error.message() : error.message();
			messages.merge(key, message, (first, next) -> first + " " + next);
		}
		return messages;
	}

}
