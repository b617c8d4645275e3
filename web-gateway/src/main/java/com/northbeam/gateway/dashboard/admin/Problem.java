package com.northbeam.gateway.dashboard.admin;

import com.northbeam.gateway.client.FieldError;

/**
 * One problem for the error summary: the field it belongs to (may be empty) and why.
 */
record Problem(String field, String message) {

	static Problem of(FieldError error) {
		return new Problem((error.field() != null) ? error.field() : "", error.message());
	}

	/** The id of the input the summary links to. */
	public String target() {
		return field.startsWith("definition") ? "field-definition" : "field-" + field.replace('.', '-');
	}

}
