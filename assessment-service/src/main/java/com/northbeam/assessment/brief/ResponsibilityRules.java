package com.northbeam.assessment.brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the responsibility rules, kept as data in
 * {@code brief/responsibility-v*.json}: the functions, who owns each by default under
 * each model and why, what stays with leadership, and the rules that move a function
 * because of the answers (the first that applies wins).
 */
record ResponsibilityRules(int version, Map<String, String> functions, Map<String, Map<String, Cell>> defaults,
		Map<String, List<String>> leadershipKeeps, List<Rule> rules) {

	static final List<String> OWNERS = List.of(Responsibility.INTERNAL, Responsibility.PROVIDER, Responsibility.SHARED);

	ResponsibilityRules {
		functions = (functions != null) ? new LinkedHashMap<>(functions) : Map.of();
		defaults = (defaults != null) ? new LinkedHashMap<>(defaults) : Map.of();
		leadershipKeeps = (leadershipKeeps != null) ? new LinkedHashMap<>(leadershipKeeps) : Map.of();
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	record Cell(String owner, String reason) {
	}

	/**
	 * @param models the recommendations it applies to (every model when empty)
	 */
	record Rule(String code, String function, List<String> models, List<When> when, String owner, String reason) {

		Rule {
			models = (models != null) ? List.copyOf(models) : List.of();
			when = (when != null) ? List.copyOf(when) : List.of();
		}

		boolean appliesTo(String model) {
			return this.models.isEmpty() || this.models.contains(model);
		}

	}

}
