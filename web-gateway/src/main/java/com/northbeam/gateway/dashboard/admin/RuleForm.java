package com.northbeam.gateway.dashboard.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.ScoringWorkbenchClient.Condition;
import com.northbeam.gateway.client.ScoringWorkbenchClient.PriorityEffect;
import com.northbeam.gateway.client.ScoringWorkbenchClient.Rule;

import org.springframework.util.MultiValueMap;

/**
 * One rule of a draft as its form shows it: the points for each model and the lead's
 * priority, the wording, the guide anchor, and the conditions, one row each (a row
 * without a question is left out; one empty row is offered to add a condition). Figures
 * are checked here first; the service checks the rest and names every problem.
 *
 * @param effects points per model, as typed
 * @param errorKeys message keys of the figures that are not whole numbers, by field
 */
record RuleForm(int revision, String code, Map<String, String> effects, String priorityFit, String priorityUrgency,
		String reason, String because, String guideAnchor, List<ConditionRow> when, Map<String, String> errorKeys) {

	static final List<String> MODELS = List.of("co_managed", "fully_managed", "hybrid");

	static final String WHOLE = "admin.scoring.error.whole";

	static RuleForm of(int revision, Rule rule) {
		Map<String, String> effects = new LinkedHashMap<>();
		for (String model : MODELS) {
			effects.put(model, String.valueOf(rule.effect(model)));
		}
		List<ConditionRow> rows = new ArrayList<>();
		for (Condition condition : rule.when()) {
			rows.add(new ConditionRow(condition.question(), String.join(", ", condition.anyOf()),
					(condition.atLeast() != null) ? String.valueOf(condition.atLeast()) : ""));
		}
		rows.add(new ConditionRow("", "", ""));
		return new RuleForm(revision, rule.code(), effects, String.valueOf(rule.priority().fit()),
				String.valueOf(rule.priority().urgency()), rule.reason(), rule.because(), rule.guideAnchor(), rows,
				Map.of());
	}

	static RuleForm from(String code, MultiValueMap<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> effects = new LinkedHashMap<>();
		for (String model : MODELS) {
			String value = value(params, "effects." + model);
			effects.put(model, value);
			check(value, "effects." + model, errors);
		}
		String fit = value(params, "priority.fit");
		String urgency = value(params, "priority.urgency");
		check(fit, "priority.fit", errors);
		check(urgency, "priority.urgency", errors);
		List<ConditionRow> rows = new ArrayList<>();
		for (int i = 0; params.containsKey("when." + i + ".question"); i++) {
			ConditionRow row = new ConditionRow(value(params, "when." + i + ".question"),
					value(params, "when." + i + ".anyOf"), value(params, "when." + i + ".atLeast"));
			if (!row.question().isEmpty() || !row.anyOf().isEmpty()) {
				check(row.atLeast(), "when." + rows.size() + ".atLeast", errors);
				rows.add(row);
			}
		}
		rows.add(new ConditionRow("", "", ""));
		String typed = value(params, "revision");
		int revision = typed.matches("\\d{1,9}") ? Integer.parseInt(typed) : 0;
		return new RuleForm(revision, code, effects, fit, urgency, value(params, "reason"), value(params, "because"),
				value(params, "guideAnchor"), rows, errors);
	}

	/** The rule to send; only once {@link #errorKeys()} is empty. */
	Rule toRule() {
		Map<String, Integer> points = new LinkedHashMap<>();
		effects.forEach((model, value) -> {
			int parsed = whole(value);
			if (parsed != 0) {
				points.put(model, parsed);
			}
		});
		List<Condition> conditions = when.stream()
			.filter((row) -> !row.question().isEmpty() || !row.anyOf().isEmpty())
			.map((row) -> new Condition(row.question(), codes(row.anyOf()),
					row.atLeast().isEmpty() ? null : whole(row.atLeast())))
			.toList();
		return new Rule(code, conditions, points, new PriorityEffect(whole(priorityFit), whole(priorityUrgency)),
				reason, because, guideAnchor);
	}

	RuleForm withRevision(int revision) {
		return new RuleForm(revision, code, effects, priorityFit, priorityUrgency, reason, because, guideAnchor, when,
				errorKeys);
	}

	/** Whether the form has a field of this name (as the service's errors name them). */
	boolean has(String field) {
		if (field.startsWith("effects.") || field.equals("priority.fit") || field.equals("priority.urgency")) {
			return true;
		}
		if (List.of("reason", "because", "guideAnchor").contains(field)) {
			return true;
		}
		String[] parts = field.split("\\.");
		return parts.length == 3 && parts[0].equals("when") && parts[1].matches("\\d+")
				&& Integer.parseInt(parts[1]) < when.size()
				&& List.of("question", "anyOf", "atLeast").contains(parts[2]);
	}

	private static List<String> codes(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter((code) -> !code.isEmpty()).toList();
	}

	private static void check(String value, String field, Map<String, String> errors) {
		if (!value.isEmpty() && !value.matches("-?\\d{1,4}")) {
			errors.put(field, WHOLE);
		}
	}

	private static int whole(String value) {
		return (value == null || value.isEmpty()) ? 0 : Integer.parseInt(value);
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

	/**
	 * A condition as typed: the question, its codes separated by commas, at least how
	 * many.
	 */
	record ConditionRow(String question, String anyOf, String atLeast) {
	}

}
