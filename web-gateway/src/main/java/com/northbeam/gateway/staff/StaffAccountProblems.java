package com.northbeam.gateway.staff;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field problems found while changing an account, as message keys per field. */
public class StaffAccountProblems extends RuntimeException {

	private final Map<String, String> messageKeysByField = new LinkedHashMap<>();

	StaffAccountProblems() {
		super("Invalid staff account");
	}

	void add(String field, String messageKey) {
		messageKeysByField.putIfAbsent(field, messageKey);
	}

	void throwIfAny() {
		if (!messageKeysByField.isEmpty()) {
			throw this;
		}
	}

	public Map<String, String> messageKeysByField() {
		return Map.copyOf(messageKeysByField);
	}

}
