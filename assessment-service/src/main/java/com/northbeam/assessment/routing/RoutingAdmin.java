package com.northbeam.assessment.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins keep the routing rules (ordered, each with a version) and the round-robin
 * groups. A refused change names every problem and stores nothing; a change based on an
 * older version is refused with a conflict. Every change is audited.
 */
@Service
class RoutingAdmin {

	static final String CHANGED = "routing.changed";

	private final RuleRepository rules;

	private final GroupRepository groups;

	private final RosterRepository roster;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	RoutingAdmin(RuleRepository rules, GroupRepository groups, RosterRepository roster, Audit audit, Clock clock,
			TransactionTemplate transactions) {
		this.rules = rules;
		this.groups = groups;
		this.roster = roster;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** The rules in order, the groups, and the roster they may name. */
	record Overview(List<RoutingRule> rules, List<RoutingGroup> groups, List<SalesPerson> salesPeople) {
	}

	Overview overview() {
		return new Overview(this.rules.findAll(), this.groups.findAll(), this.roster.findAll());
	}

	RoutingRule rule(long id) {
		return this.rules.find(id).orElseThrow(() -> ruleNotFound(id));
	}

	RoutingRule createRule(RuleInput input, String actor) {
		RuleInput rule = input.normalised();
		return stored(() -> this.transactions.execute((tx) -> {
			check(rule, null);
			Instant now = now();
			long id = this.rules.insert(rule, actor, now);
			this.audit.record(actor, CHANGED, null, "rule '" + rule.name() + "' created", now);
			return this.rules.find(id).orElseThrow();
		}));
	}

	RoutingRule updateRule(long id, RuleInput input, String actor) {
		RuleInput rule = input.normalised();
		return stored(() -> this.transactions.execute((tx) -> {
			RoutingRule current = rule(id);
			requireVersion(rule.version());
			check(rule, id);
			Instant now = now();
			if (!this.rules.update(id, rule.version(), rule, actor, now)) {
				throw stale("rule", rule.version(), rule(id).version());
			}
			this.audit.record(actor, CHANGED, null, "rule '" + current.name() + "' changed"
					+ (current.name().equals(rule.name()) ? "" : ", now '" + rule.name() + "'"), now);
			return rule(id);
		}));
	}

	void deleteRule(long id, Integer version, String actor) {
		this.transactions.executeWithoutResult((tx) -> {
			RoutingRule current = rule(id);
			requireVersion(version);
			if (!this.rules.delete(id, version)) {
				throw stale("rule", version, current.version());
			}
			this.audit.record(actor, CHANGED, null, "rule '" + current.name() + "' deleted", now());
		});
	}

	/** Moves a rule one place up (tried earlier) or down; answers the rules in order. */
	List<RoutingRule> moveRule(long id, Integer version, String direction, String actor) {
		requireVersion(version);
		if (!"up".equals(direction) && !"down".equals(direction)) {
			throw InvalidInputException.of("direction", "must be up or down");
		}
		return this.transactions.execute((tx) -> {
			List<RuleRepository.Placed> order = this.rules.lockOrder();
			int at = -1;
			for (int i = 0; i < order.size(); i++) {
				if (order.get(i).id() == id) {
					at = i;
				}
			}
			if (at < 0) {
				throw ruleNotFound(id);
			}
			if (order.get(at).version() != version) {
				throw stale("rule", version, order.get(at).version());
			}
			int to = "up".equals(direction) ? at - 1 : at + 1;
			if (to >= 0 && to < order.size()) {
				List<Long> ids = new ArrayList<>(order.stream().map(RuleRepository.Placed::id).toList());
				ids.set(at, order.get(to).id());
				ids.set(to, id);
				Instant now = now();
				this.rules.renumber(ids, id, actor, now);
				this.audit.record(actor, CHANGED, null, "rule '" + rule(id).name() + "' moved " + direction, now);
			}
			return this.rules.findAll();
		});
	}

	RoutingGroup group(long id) {
		return this.groups.find(id).orElseThrow(() -> groupNotFound(id));
	}

	RoutingGroup createGroup(GroupInput input, String actor) {
		GroupInput group = input.normalised();
		return stored(() -> this.transactions.execute((tx) -> {
			check(group, null);
			Instant now = now();
			long id = this.groups.insert(group, actor, now);
			this.audit.record(actor, CHANGED, null,
					"group '" + group.name() + "' created with " + group.members().size() + " member(s)", now);
			return group(id);
		}));
	}

	RoutingGroup updateGroup(long id, GroupInput input, String actor) {
		GroupInput group = input.normalised();
		return stored(() -> this.transactions.execute((tx) -> {
			RoutingGroup current = group(id);
			requireVersion(group.version());
			check(group, id);
			Instant now = now();
			if (!this.groups.update(id, group.version(), group, actor, now)) {
				throw stale("group", group.version(), group(id).version());
			}
			this.audit.record(actor, CHANGED, null,
					"group '" + current.name() + "' changed, " + group.members().size() + " member(s)", now);
			return group(id);
		}));
	}

	void deleteGroup(long id, Integer version, String actor) {
		this.transactions.executeWithoutResult((tx) -> {
			RoutingGroup current = group(id);
			requireVersion(version);
			List<String> users = this.rules.namesUsing(id);
			if (!users.isEmpty()) {
				throw new ConflictException("Rules still hand leads to this group",
						List.of(new FieldError("id", "is used by rule(s) " + quoted(users))));
			}
			if (!this.groups.delete(id, version)) {
				throw stale("group", version, current.version());
			}
			this.audit.record(actor, CHANGED, null, "group '" + current.name() + "' deleted", now());
		});
	}

	private void check(RuleInput rule, Long id) {
		List<FieldError> errors = new ArrayList<>(rule.problems());
		if (rule.name() != null
				&& this.rules.findIdByName(rule.name()).filter((other) -> !other.equals(id)).isPresent()) {
			errors.add(new FieldError("name", "is the name of another rule"));
		}
		if (rule.owner() != null && rule.groupId() == null
				&& this.roster.account(rule.owner()) == RoutingEngine.Account.UNKNOWN) {
			errors.add(new FieldError("owner", "is not a sales account"));
		}
		if (rule.groupId() != null && rule.owner() == null && this.groups.find(rule.groupId()).isEmpty()) {
			errors.add(new FieldError("groupId", "is not a round-robin group"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private void check(GroupInput group, Long id) {
		List<FieldError> errors = new ArrayList<>(group.problems());
		if (group.name() != null
				&& this.groups.findIdByName(group.name()).filter((other) -> !other.equals(id)).isPresent()) {
			errors.add(new FieldError("name", "is the name of another group"));
		}
		Set<String> known = this.roster.findAll().stream().map(SalesPerson::email).collect(Collectors.toSet());
		for (int i = 0; i < group.members().size(); i++) {
			if (!known.contains(group.members().get(i))) {
				errors.add(new FieldError("members[" + i + "]", group.members().get(i) + " is not a sales account"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** Runs a store; a name taken concurrently is refused like one taken before. */
	private static <T> T stored(java.util.function.Supplier<T> store) {
		try {
			return store.get();
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("name", "is the name of another rule or group");
		}
	}

	private static void requireVersion(Integer version) {
		if (version == null) {
			throw InvalidInputException.of("version", "is required");
		}
	}

	private static ConflictException stale(String what, int sent, int current) {
		return new ConflictException("The " + what + " was changed meanwhile; it is now at version " + current,
				List.of(new FieldError("version", "is " + sent + " but the " + what + " is at version " + current)));
	}

	private static NotFoundException ruleNotFound(long id) {
		return new NotFoundException("There is no routing rule " + id);
	}

	private static NotFoundException groupNotFound(long id) {
		return new NotFoundException("There is no round-robin group " + id);
	}

	private static String quoted(List<String> names) {
		return names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
