package com.northbeam.gateway.staff;

/**
 * Someone else changed the account after it was read; carries the current state to show
 * instead.
 */
public class StaleStaffAccountException extends RuntimeException {

	private final StaffAccount current;

	StaleStaffAccountException(StaffAccount current) {
		super("Staff account " + current.id() + " changed meanwhile");
		this.current = current;
	}

	public StaffAccount current() {
		return current;
	}

}
