package com.northbeam.gateway.client;

import java.util.List;

/**
 * A service refused a request field by field; {@link #errors()} names each offending
 * field.
 */
public abstract class FieldsRejectedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	FieldsRejectedException(String message, List<FieldError> errors) {
		super(message + ": " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
