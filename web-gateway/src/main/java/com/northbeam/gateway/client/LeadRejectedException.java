package com.northbeam.gateway.client;

import java.util.List;

/** assessment-service refused a change to a lead, field by field. */
public class LeadRejectedException extends FieldsRejectedException {

	private static final long serialVersionUID = 1L;

	LeadRejectedException(List<FieldError> errors) {
		super("Lead change refused", errors);
	}

}
