package com.northbeam.gateway.client;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Query parameters in the order added, leaving out null and blank values. Sent as
 * {@code @RequestParam} values, so each is encoded whole: a {@code +}, {@code &} or
 * {@code {x}} in an email, filter or cursor arrives as typed.
 */
final class QueryParams {

	private final MultiValueMap<String, String> values = new LinkedMultiValueMap<>();

	QueryParams add(String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			values.add(name, value.toString());
		}
		return this;
	}

	MultiValueMap<String, String> values() {
		return values;
	}

}
