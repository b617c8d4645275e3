package com.northbeam.gateway.client;

import java.util.List;

/**
 * assessment-service refused a submission or request; {@link #errors()} names each
 * offending field.
 */
public class SubmissionRejectedException extends FieldsRejectedException {

	private static final long serialVersionUID = 1L;

	public SubmissionRejectedException(List<FieldError> errors) {
		super("Rejected", errors);
	}

}
