package com.northbeam.gateway.client;

/** content-service has no such article, revision or FAQ. */
public class ContentNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ContentNotFoundException(String what) {
		super("content-service has no " + what);
	}

}
