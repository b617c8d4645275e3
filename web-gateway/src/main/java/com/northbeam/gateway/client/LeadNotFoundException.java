package com.northbeam.gateway.client;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** There is no such lead (or it was never there). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LeadNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	LeadNotFoundException(String what) {
		super("No " + what);
	}

}
