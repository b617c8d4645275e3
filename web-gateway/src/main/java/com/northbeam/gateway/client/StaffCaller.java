package com.northbeam.gateway.client;

import java.util.List;

/**
 * The signed-in staff member a backend call is made for: the subject and scopes of the
 * token the service sees, so its audit names the real person.
 */
public record StaffCaller(String email, List<String> scopes) {

	public StaffCaller {
		scopes = List.copyOf(scopes);
	}

}
