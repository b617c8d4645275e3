package com.northbeam.gateway.staff;

import java.util.List;

/** What a staff member does; each role sees and can do only its part of the dashboard. */
public enum StaffRole {

	/** Works leads. */
	SALES(List.of("leads:read", "leads:write", "submissions:read", "quarantine:read", "quarantine:write")),

	/** Writes and publishes content. */
	EDITOR(List.of("content:write")),

	/**
	 * Does everything, including accounts, pricing, notifications (and redelivering
	 * them), privacy, audit and the scoring rules.
	 */
	ADMIN(List.of("leads:read", "leads:write", "submissions:read", "quarantine:read", "quarantine:write",
			"content:write", "admin", "notifications:redeliver", "scoring:read", "scoring:draft", "scoring:try",
			"scoring:publish"));

	private final List<String> scopes;

	StaffRole(List<String> scopes) {
		this.scopes = scopes;
	}

	/** The scopes of the service tokens issued for someone in this role. */
	public List<String> scopes() {
		return scopes;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
