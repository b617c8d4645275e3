package com.northbeam.gateway.client;

/** content-service has no such article, revision or FAQ. */
public class ContentNotFoundException extends RuntimeException {

	public ContentNotFoundException(String what) {
		super("content-service has no " + what);
	}

}
