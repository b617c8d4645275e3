package com.northbeam.gateway.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.northbeam.gateway.client.FieldError;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.staff.CurrentStaff;

import org.springframework.security.core.Authentication;

/**
 * What the admin pages share: who the calls are made for, and how refusals reach the
 * fields.
 */
final class Admins {

	private Admins() {
	}

	/**
	 * The signed-in admin: the subject and scopes of the token assessment-service sees.
	 */
	static StaffCaller of(Authentication authentication) {
		CurrentStaff staff = CurrentStaff.of(authentication);
		return new StaffCaller(staff.email(), staff.scopes());
	}

	/**
	 * The service's field errors keyed as the form names its fields: {@code a[b]} and
	 * {@code a.b} both become {@code a.b}; a field the form does not have is shown under
	 * {@code ""} with its name.
	 */
	static Map<String, String> byField(List<FieldError> errors, Predicate<String> formHas) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (FieldError error : errors) {
			String field = (error.field() != null) ? error.field().replaceAll("\\[([^\\]]*)\\]", ".$1") : "";
			if (field.startsWith(".")) {
				field = field.substring(1);
			}
			String key = formHas.test(field) ? field : "";
			String message = (key.isEmpty() && !field.isEmpty()) ? field + ": " + error.message() : error.message();
			messages.merge(key, message, (first, next) -> first + " " + next);
		}
		return messages;
	}

}
