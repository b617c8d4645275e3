package com.northbeam.content.system;

import java.util.List;
import java.util.Map;

/**
 * The request clashes with the stored state (a duplicate slug, a stale version): answered
 * with {@code 409}, naming the field and carrying any extra properties (such as the
 * current version).
 */
public class ConflictException extends RuntimeException {

	private final List<FieldError> errors;

	private final Map<String, Object> properties;

	public ConflictException(String field, String message, Map<String, Object> properties) {
		super(message);
		this.errors = List.of(new FieldError(field, message));
		this.properties = Map.copyOf(properties);
	}

	public ConflictException(String field, String message) {
		this(field, message, Map.of());
	}

	public List<FieldError> errors() {
		return errors;
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
