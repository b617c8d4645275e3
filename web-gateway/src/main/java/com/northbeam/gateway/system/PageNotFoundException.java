package com.northbeam.gateway.system;

/** A page that does not exist: shown as the site's 404 page. */
public class PageNotFoundException extends RuntimeException {

	public PageNotFoundException(String what) {
		super("Not found: " + what);
	}

}
