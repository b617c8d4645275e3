package com.northbeam.assessment.routing;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lead routing for admins (scope {@code admin}): the ordered rules, the round-robin
 * groups, and the sales roster the gateway publishes (scope {@code roster:write}). A
 * change based on an older version is a {@code 409}; every change is audited.
 */
@RestController
@Tag(name = "Lead routing", description = "Rules and round-robin groups that give new leads their owner (admins)")
@RequestMapping("/api/admin/routing")
class RoutingController {

	static final String RULE_EXAMPLE = """
			{"name": "Large hybrid leads to Ada", "enabled": true, "recommendations": ["hybrid"],
			 "companySizes": ["201-1000", "1000+"], "minPriority": 60, "maxPriority": null,
			 "sources": ["newsletter"], "owner": "ada@northbeam.example", "groupId": null, "version": 2}""";

	static final String GROUP_EXAMPLE = """
			{"name": "Inside sales", "members": ["ada@northbeam.example", "ben@northbeam.example"], "version": 0}""";

	static final String MOVE_EXAMPLE = """
			{"version": 3, "direction": "up"}""";

	static final String ROSTER_EXAMPLE = """
			{"people": [{"email": "ada@northbeam.example", "name": "Ada Byron", "enabled": true},
			 {"email": "ben@northbeam.example", "name": "Ben Okafor", "enabled": false}]}""";

	private final RoutingAdmin admin;

	private final SalesRoster roster;

	RoutingController(RoutingAdmin admin, SalesRoster roster) {
		this.admin = admin;
		this.roster = roster;
	}

	@Operation(summary = "The routing rules in the order they are tried, the round-robin groups and the sales roster")
	@GetMapping
	RoutingAdmin.Overview overview() {
		return this.admin.overview();
	}

	@Operation(summary = "Adds a rule after the last one; 400 naming every problem",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "rule", value = RULE_EXAMPLE))))
	@PostMapping("/rules")
	@ResponseStatus(HttpStatus.CREATED)
	RoutingRule createRule(@RequestBody RuleInput rule, Principal principal) {
		return this.admin.createRule(rule, principal.getName());
	}

	@Operation(summary = "One routing rule")
	@GetMapping("/rules/{id}")
	RoutingRule rule(@PathVariable long id) {
		return this.admin.rule(id);
	}

	@Operation(summary = "Replaces a rule; 409 unless version is the rule's current one",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "rule", value = RULE_EXAMPLE))),
			responses = { @ApiResponse(responseCode = "200", description = "The rule as stored"),
					@ApiResponse(responseCode = "409", description = "The rule was changed meanwhile") })
	@PutMapping("/rules/{id}")
	RoutingRule updateRule(@PathVariable long id, @RequestBody RuleInput rule, Principal principal) {
		return this.admin.updateRule(id, rule, principal.getName());
	}

	@Operation(summary = "Deletes a rule; 409 unless version is the rule's current one",
			responses = { @ApiResponse(responseCode = "204", description = "Deleted"),
					@ApiResponse(responseCode = "409", description = "The rule was changed meanwhile") })
	@DeleteMapping("/rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRule(@PathVariable long id, @RequestParam(required = false) Integer version, Principal principal) {
		this.admin.deleteRule(id, version, principal.getName());
	}

	/** A move of one rule, one place up or down. */
	record Move(Integer version, String direction) {
	}

	@Operation(summary = "Moves a rule one place up (tried earlier) or down; answers the rules in order",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "move", value = MOVE_EXAMPLE))),
			responses = { @ApiResponse(responseCode = "200", description = "The rules in their new order"),
					@ApiResponse(responseCode = "409", description = "The rule was changed meanwhile") })
	@PostMapping("/rules/{id}/move")
	List<RoutingRule> moveRule(@PathVariable long id, @RequestBody Move move, Principal principal) {
		return this.admin.moveRule(id, move.version(), move.direction(), principal.getName());
	}

	@Operation(summary = "Adds a round-robin group; 400 naming every problem",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "group", value = GROUP_EXAMPLE))))
	@PostMapping("/groups")
	@ResponseStatus(HttpStatus.CREATED)
	RoutingGroup createGroup(@RequestBody GroupInput group, Principal principal) {
		return this.admin.createGroup(group, principal.getName());
	}

	@Operation(summary = "One round-robin group")
	@GetMapping("/groups/{id}")
	RoutingGroup group(@PathVariable long id) {
		return this.admin.group(id);
	}

	@Operation(summary = "Renames a group and replaces its members; 409 unless version is the group's current one",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "group", value = GROUP_EXAMPLE))),
			responses = { @ApiResponse(responseCode = "200", description = "The group as stored"),
					@ApiResponse(responseCode = "409", description = "The group was changed meanwhile") })
	@PutMapping("/groups/{id}")
	RoutingGroup updateGroup(@PathVariable long id, @RequestBody GroupInput group, Principal principal) {
		return this.admin.updateGroup(id, group, principal.getName());
	}

	@Operation(summary = "Deletes a group no rule uses; 409 when a rule uses it or version is not the current one",
			responses = { @ApiResponse(responseCode = "204", description = "Deleted"),
					@ApiResponse(responseCode = "409",
							description = "A rule uses the group, or it was changed meanwhile") })
	@DeleteMapping("/groups/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteGroup(@PathVariable long id, @RequestParam(required = false) Integer version, Principal principal) {
		this.admin.deleteGroup(id, version, principal.getName());
	}

	/** The whole sales roster. */
	record Roster(List<SalesRoster.Person> people) {
	}

	/** How many roster entries a publication added, changed or removed. */
	record Published(int changed) {
	}

	@Operation(summary = "Replaces the sales roster: the staff accounts that may own leads (roster:write, the gateway)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "roster", value = ROSTER_EXAMPLE))))
	@PutMapping("/sales-people")
	Published publishRoster(@RequestBody Roster roster, Principal principal) {
		return new Published(this.roster.replace(roster.people(), principal.getName()));
	}

}
