package com.northbeam.gateway.dashboard.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.RoutingClient.Group;
import com.northbeam.gateway.client.RoutingClient.GroupInput;
import com.northbeam.gateway.client.RoutingClient.Rule;
import com.northbeam.gateway.client.RoutingClient.RuleInput;

/**
 * What the routing pages bind: a rule's form and a group's form, never the service's
 * records.
 */
final class RoutingForms {

	/** The recommendation codes a rule can name. */
	static final List<String> RECOMMENDATIONS = List.of("co_managed", "fully_managed", "hybrid");

	/** The answers to the questionnaire's {@code employees} question. */
	static final List<String> COMPANY_SIZES = List.of("1-10", "11-50", "51-200", "201-1000", "1000+");

	static final String OWNER = "owner:";

	static final String GROUP = "group:";

	private RoutingForms() {
	}

	/**
	 * A rule as the form holds it: priorities as typed, sources comma-separated, and the
	 * action as one choice, {@code owner:<email>} or {@code group:<id>}.
	 */
	record RuleForm(String name, Boolean enabled, List<String> recommendations, List<String> companySizes,
			String minPriority, String maxPriority, String sources, String assignTo, Integer version) {

		/** An unticked box sends nothing: {@code enabled} is then off. */
		RuleForm {
			enabled = Boolean.TRUE.equals(enabled);
			recommendations = (recommendations != null) ? List.copyOf(recommendations) : List.of();
			companySizes = (companySizes != null) ? List.copyOf(companySizes) : List.of();
		}

		static RuleForm empty() {
			return new RuleForm("", true, List.of(), List.of(), "", "", "", "", null);
		}

		static RuleForm of(Rule rule) {
			return new RuleForm(rule.name(), rule.enabled(), rule.recommendations(), rule.companySizes(),
					text(rule.minPriority()), text(rule.maxPriority()), String.join(", ", rule.sources()),
					(rule.owner() != null) ? OWNER + rule.owner() : GROUP + rule.groupId(), rule.version());
		}

		RuleForm withVersion(int newer) {
			return new RuleForm(name, enabled, recommendations, companySizes, minPriority, maxPriority, sources,
					assignTo, newer);
		}

		/**
		 * Message keys of what the gateway can tell without asking the service, by field.
		 */
		Map<String, String> errorKeys() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (!isPriority(minPriority)) {
				errors.put("minPriority", "admin.routing.error.priority");
			}
			if (!isPriority(maxPriority)) {
				errors.put("maxPriority", "admin.routing.error.priority");
			}
			if (assignTo == null || assignTo.isBlank()) {
				errors.put("assignTo", "admin.routing.error.assignTo");
			}
			return errors;
		}

		RuleInput toInput() {
			String choice = (assignTo != null) ? assignTo : "";
			String owner = choice.startsWith(OWNER) ? choice.substring(OWNER.length()) : null;
			Long groupId = null;
			if (choice.startsWith(GROUP)) {
				try {
					groupId = Long.valueOf(choice.substring(GROUP.length()));
				}
				catch (NumberFormatException ex) {
					groupId = -1L;
				}
			}
			List<String> sourceList = (sources != null) ? Arrays.stream(sources.split(","))
				.map(String::strip)
				.filter((source) -> !source.isEmpty())
				.toList() : List.of();
			return new RuleInput(name, enabled, recommendations, companySizes, priority(minPriority),
					priority(maxPriority), sourceList, owner, groupId, version);
		}

		/** Empty, or a whole number from 0 to 100. */
		private static boolean isPriority(String typed) {
			return typed == null || typed.isBlank() || typed.strip().matches("(100|[1-9]?[0-9])");
		}

		/** The priority typed; {@code null} when empty (or not one, refused before). */
		private static Integer priority(String typed) {
			return (typed != null && !typed.isBlank() && isPriority(typed)) ? Integer.valueOf(typed.strip()) : null;
		}

		private static String text(Integer value) {
			return (value != null) ? value.toString() : "";
		}

	}

	/** A group as the form holds it: the members ticked, in roster order. */
	record GroupForm(String name, List<String> members, Integer version) {

		GroupForm {
			members = (members != null) ? List.copyOf(members) : List.of();
		}

		static GroupForm empty() {
			return new GroupForm("", List.of(), null);
		}

		static GroupForm of(Group group) {
			return new GroupForm(group.name(), group.members(), group.version());
		}

		GroupForm withVersion(int newer) {
			return new GroupForm(name, members, newer);
		}

		GroupInput toInput() {
			return new GroupInput(name, new ArrayList<>(members), version);
		}

	}

	/**
	 * The form field a service error belongs to: list items belong to their list, owner
	 * and group to the one action choice; {@code ""} when the form has none.
	 */
	static String formField(String serviceField) {
		String field = (serviceField != null) ? serviceField.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "") : "";
		return switch (field) {
			case "name", "recommendations", "companySizes", "minPriority", "maxPriority", "sources", "members" -> field;
			case "owner", "groupId" -> "assignTo";
			default -> "";
		};
	}

}
