package com.northbeam.gateway.client;

/**
 * Someone changed the lead after the salesperson loaded it; carries the lead as it is
 * now.
 */
public class StaleLeadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient LeadsClient.LeadDetail current;

	StaleLeadException(LeadsClient.LeadDetail current) {
		super("Lead " + current.id() + " changed meanwhile");
		this.current = current;
	}

	public LeadsClient.LeadDetail current() {
		return current;
	}

}
