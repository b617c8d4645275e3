package com.northbeam.gateway.client;

import java.util.List;

/** content-service refused an edit; {@link #errors()} names each offending field. */
public class ContentRejectedException extends RuntimeException {

	private final transient List<ContentEditingClient.FieldError> errors;

	public ContentRejectedException(List<ContentEditingClient.FieldError> errors) {
		super("Rejected: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<ContentEditingClient.FieldError> errors() {
		return errors;
	}

}
