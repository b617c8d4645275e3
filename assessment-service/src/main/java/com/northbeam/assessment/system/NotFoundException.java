package com.northbeam.assessment.system;

/** Thrown when a requested resource does not exist; answered with {@code 404}. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
