package com.northbeam.gateway.client;

import java.util.List;

/** content-service refused an edit; {@link #errors()} names each offending field. */
public class ContentRejectedException extends FieldsRejectedException {

	private static final long serialVersionUID = 1L;

	public ContentRejectedException(List<FieldError> errors) {
		super("Rejected", errors);
	}

}
