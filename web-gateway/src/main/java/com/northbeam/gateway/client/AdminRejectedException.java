package com.northbeam.gateway.client;

import java.util.List;

/**
 * assessment-service refused an admin change (400); {@link #errors()} names each
 * offending field as the service names it.
 */
public class AdminRejectedException extends FieldsRejectedException {

	private static final long serialVersionUID = 1L;

	public AdminRejectedException(List<FieldError> errors) {
		super("Rejected", errors);
	}

}
