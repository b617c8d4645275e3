package com.northbeam.gateway.client;

import java.util.List;

import com.northbeam.gateway.client.RoutingClient.Group;
import com.northbeam.gateway.client.RoutingClient.GroupInput;
import com.northbeam.gateway.client.RoutingClient.Overview;
import com.northbeam.gateway.client.RoutingClient.Rule;
import com.northbeam.gateway.client.RoutingClient.RuleInput;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * assessment-service's lead routing API: rules and round-robin groups (scope
 * {@code admin}) and the sales roster (scope {@code roster:write}).
 */
@HttpExchange("/api/admin/routing")
interface RoutingApi {

	@GetExchange
	Overview overview(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@GetExchange("/rules/{id}")
	Rule rule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	@PostExchange("/rules")
	Rule createRule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody RuleInput rule);

	@PutExchange("/rules/{id}")
	Rule updateRule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody RuleInput rule);

	@DeleteExchange("/rules/{id}")
	void deleteRule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestParam int version);

	@PostExchange("/rules/{id}/move")
	List<Rule> moveRule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody RoutingClient.Move move);

	@GetExchange("/groups/{id}")
	Group group(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	@PostExchange("/groups")
	Group createGroup(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody GroupInput group);

	@PutExchange("/groups/{id}")
	Group updateGroup(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody GroupInput group);

	@DeleteExchange("/groups/{id}")
	void deleteGroup(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestParam int version);

	@PutExchange("/sales-people")
	void publishRoster(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody RoutingClient.Roster roster);

}
