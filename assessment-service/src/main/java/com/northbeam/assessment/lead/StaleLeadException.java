package com.northbeam.assessment.lead;

import java.util.List;

import com.northbeam.assessment.system.FieldError;

/**
 * A change was based on a stale version, or is not a move the pipeline allows from the
 * current state.
 */
class StaleLeadException extends RuntimeException {

	private final transient LeadDetail current;

	private final transient List<FieldError> errors;

	StaleLeadException(String message, LeadDetail current, List<FieldError> errors) {
		super(message);
		this.current = current;
		this.errors = List.copyOf(errors);
	}

	LeadDetail current() {
		return this.current;
	}

	List<FieldError> errors() {
		return this.errors;
	}

}
