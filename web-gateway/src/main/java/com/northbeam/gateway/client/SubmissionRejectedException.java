package com.northbeam.gateway.client;

import java.util.List;

/** assessment-service refused a submission or request; {@link #errors()} names each offending field. */
public class SubmissionRejectedException extends RuntimeException {

	private final transient List<FieldError> errors;

	public SubmissionRejectedException(List<FieldError> errors) {
		super("Rejected: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
