package com.northbeam.gateway.client;

import java.util.List;

/**
 * assessment-service refused an admin change because the state changed meanwhile (409),
 * for example someone saved newer price assumptions first. Nothing was stored.
 */
public class AdminConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	public AdminConflictException(String message, List<FieldError> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
