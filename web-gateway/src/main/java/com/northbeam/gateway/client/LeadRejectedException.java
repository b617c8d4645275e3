package com.northbeam.gateway.client;

import java.util.List;

/** assessment-service refused a change to a lead, field by field. */
public class LeadRejectedException extends RuntimeException {

	private final List<FieldError> errors;

	LeadRejectedException(List<FieldError> errors) {
		super("Lead change refused: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
