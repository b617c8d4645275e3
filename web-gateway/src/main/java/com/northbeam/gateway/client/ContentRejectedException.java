package com.northbeam.gateway.client;

import java.util.List;

/** content-service refused an edit; {@link #errors()} names each offending field. */
public class ContentRejectedException extends RuntimeException {

	private final transient List<FieldError> errors;

	public ContentRejectedException(List<FieldError> errors) {
		super("Rejected: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
