package com.northbeam.gateway.client;

import java.util.List;

/**
 * The {@code application/problem+json} body of a refusal, as the services write it;
 * {@code currentVersion} is set by content-service when an edit was stale.
 */
record Problem(String detail, List<FieldError> errors, Integer currentVersion) {

	Problem {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

}
