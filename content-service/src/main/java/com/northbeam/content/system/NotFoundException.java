package com.northbeam.content.system;

/** Nothing (visible) under that name: answered with {@code 404}. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
