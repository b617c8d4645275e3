package com.northbeam.gateway.client;

/** assessment-service has no such lead or delivery (404). */
public class AdminNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public AdminNotFoundException(String what) {
		super(what + " not found");
	}

}
