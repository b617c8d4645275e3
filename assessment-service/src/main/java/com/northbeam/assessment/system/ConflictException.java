package com.northbeam.assessment.system;

import java.util.List;

/**
 * Thrown when a write is based on a stale state; answered with {@code 409} naming the
 * fields.
 */
public class ConflictException extends RuntimeException {

	private final transient List<FieldError> errors;

	public ConflictException(String message, List<FieldError> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
