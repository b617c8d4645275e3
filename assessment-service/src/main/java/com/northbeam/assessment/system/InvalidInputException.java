package com.northbeam.assessment.system;

import java.util.List;

/**
 * Thrown when a request names fields that cannot be accepted; answered with {@code 400}
 * and every field.
 */
public class InvalidInputException extends RuntimeException {

	private final transient List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): " + errors.stream().map(FieldError::field).toList());
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
