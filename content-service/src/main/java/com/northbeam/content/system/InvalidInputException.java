package com.northbeam.content.system;

import java.util.List;

/**
 * Input that is well-formed but not acceptable: answered with {@code 400} naming each
 * field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super("Invalid input: " + errors);
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
