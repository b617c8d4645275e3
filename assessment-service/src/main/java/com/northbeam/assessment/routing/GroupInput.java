package com.northbeam.assessment.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.northbeam.assessment.system.FieldError;

/**
 * A round-robin group as an admin sends it.
 *
 * @param members sales accounts' emails, in the order they take turns
 * @param version the version the change is based on (when replacing)
 */
record GroupInput(String name, List<String> members, Integer version) {

	static final int MAX_MEMBERS = 50;

	GroupInput normalised() {
		List<String> emails = (this.members != null) ? this.members.stream()
			.filter((email) -> email != null && !email.isBlank())
			.map((email) -> email.strip().toLowerCase(Locale.ROOT))
			.toList() : List.of();
		return new GroupInput((this.name != null) ? this.name.strip() : null, emails, this.version);
	}

	/** What is wrong with a normalised group on its own. */
	List<FieldError> problems() {
		List<FieldError> errors = new ArrayList<>();
		if (this.name == null || this.name.isEmpty()) {
			errors.add(new FieldError("name", "is required"));
		}
		else if (this.name.length() > 100) {
			errors.add(new FieldError("name", "must be at most 100 characters"));
		}
		if (this.members.isEmpty()) {
			errors.add(new FieldError("members", "name at least one member"));
		}
		if (this.members.size() > MAX_MEMBERS) {
			errors.add(new FieldError("members", "must name at most " + MAX_MEMBERS + " members"));
		}
		for (int i = 0; i < this.members.size(); i++) {
			if (this.members.indexOf(this.members.get(i)) < i) {
				errors.add(new FieldError("members[" + i + "]", this.members.get(i) + " is named twice"));
			}
		}
		return errors;
	}

}
