package com.northbeam.gateway.client;

import java.util.List;

/**
 * Whom a call to a service is made for: the subject and scopes of the token it carries.
 * Every HTTP interface method that needs a token takes one as its {@link #ATTRIBUTE}
 * request attribute, so the caller is named at each call and never taken from the thread;
 * a call without one carries no token.
 */
record Caller(String subject, List<String> scopes) {

	static final String ATTRIBUTE = "caller";

	Caller {
		scopes = List.copyOf(scopes);
	}

	/**
	 * The signed-in staff member, so the service's audit and revisions name the real
	 * person.
	 */
	static Caller of(StaffCaller staff) {
		return new Caller(staff.email(), staff.scopes());
	}

	/** The gateway itself, for the public site's calls. */
	static Caller gateway(String scope) {
		return new Caller("gateway", List.of(scope));
	}

}
