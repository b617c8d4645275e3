package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The gateway's view of assessment-service's lead routing: the ordered rules, the
 * round-robin groups and the sales roster. Admin calls carry a token issued for the
 * signed-in admin; refusals become {@link AdminRejectedException} (every problem named),
 * {@link AdminConflictException} (a stale version, a group still in use) or
 * {@link AdminNotFoundException}. The roster is published by the gateway itself.
 */
@Component
public class RoutingClient {

	private final RoutingApi routing;

	RoutingClient(RoutingApi routing) {
		this.routing = routing;
	}

	public Overview overview(StaffCaller caller) {
		return Refusals.ADMIN.answer("routing", () -> routing.overview(Caller.of(caller)));
	}

	public Rule rule(StaffCaller caller, long id) {
		return Refusals.ADMIN.answer("routing rule " + id, () -> routing.rule(Caller.of(caller), id));
	}

	public Rule createRule(StaffCaller caller, RuleInput rule) {
		return Refusals.ADMIN.answer("a new routing rule", () -> routing.createRule(Caller.of(caller), rule));
	}

	public Rule updateRule(StaffCaller caller, long id, RuleInput rule) {
		return Refusals.ADMIN.answer("routing rule " + id, () -> routing.updateRule(Caller.of(caller), id, rule));
	}

	public void deleteRule(StaffCaller caller, long id, int version) {
		Refusals.ADMIN.run("routing rule " + id, () -> routing.deleteRule(Caller.of(caller), id, version));
	}

	/** Moves a rule one place {@code up} or {@code down}. */
	public void moveRule(StaffCaller caller, long id, int version, String direction) {
		Refusals.ADMIN.run("routing rule " + id,
				() -> routing.moveRule(Caller.of(caller), id, new Move(version, direction)));
	}

	public Group group(StaffCaller caller, long id) {
		return Refusals.ADMIN.answer("round-robin group " + id, () -> routing.group(Caller.of(caller), id));
	}

	public Group createGroup(StaffCaller caller, GroupInput group) {
		return Refusals.ADMIN.answer("a new round-robin group", () -> routing.createGroup(Caller.of(caller), group));
	}

	public Group updateGroup(StaffCaller caller, long id, GroupInput group) {
		return Refusals.ADMIN.answer("round-robin group " + id,
				() -> routing.updateGroup(Caller.of(caller), id, group));
	}

	public void deleteGroup(StaffCaller caller, long id, int version) {
		Refusals.ADMIN.run("round-robin group " + id, () -> routing.deleteGroup(Caller.of(caller), id, version));
	}

	/**
	 * Replaces assessment-service's sales roster with {@code people}, as the gateway
	 * (scope {@code roster:write}).
	 */
	public void publishRoster(List<SalesPerson> people) {
		Refusals.ADMIN.run("the sales roster",
				() -> routing.publishRoster(Caller.gateway("roster:write"), new Roster(people)));
	}

	/** The rules in the order they are tried, the groups and the roster. */
	public record Overview(List<Rule> rules, List<Group> groups, List<SalesPerson> salesPeople) {

		public Overview {
			rules = (rules != null) ? List.copyOf(rules) : List.of();
			groups = (groups != null) ? List.copyOf(groups) : List.of();
			salesPeople = (salesPeople != null) ? List.copyOf(salesPeople) : List.of();
		}

		/** The roster entry of {@code email}, or {@code null}. */
		public SalesPerson person(String email) {
			return salesPeople.stream().filter((person) -> person.email().equals(email)).findFirst().orElse(null);
		}

	}

	/**
	 * A routing rule: conditions (an empty list or a missing bound holds for every lead)
	 * and either an owner or a round-robin group.
	 */
	public record Rule(long id, int order, String name, boolean enabled, List<String> recommendations,
			List<String> companySizes, Integer minPriority, Integer maxPriority, List<String> sources, String owner,
			Long groupId, String groupName, int version, Instant updatedAt, String updatedBy) {

		public Rule {
			recommendations = (recommendations != null) ? List.copyOf(recommendations) : List.of();
			companySizes = (companySizes != null) ? List.copyOf(companySizes) : List.of();
			sources = (sources != null) ? List.copyOf(sources) : List.of();
		}

	}

	/** A rule as sent; {@code version} when replacing one. */
	public record RuleInput(String name, boolean enabled, List<String> recommendations, List<String> companySizes,
			Integer minPriority, Integer maxPriority, List<String> sources, String owner, Long groupId,
			Integer version) {
	}

	/** A round-robin group; its members take turns in this order. */
	public record Group(long id, String name, List<String> members, int nextTurn, int version, Instant updatedAt,
			String updatedBy) {

		public Group {
			members = (members != null) ? List.copyOf(members) : List.of();
		}

	}

	/** A group as sent; {@code version} when replacing one. */
	public record GroupInput(String name, List<String> members, Integer version) {
	}

	/** A staff account that may own leads. */
	public record SalesPerson(String email, String name, boolean enabled) {
	}

	record Move(int version, String direction) {
	}

	record Roster(List<SalesPerson> people) {
	}

}
