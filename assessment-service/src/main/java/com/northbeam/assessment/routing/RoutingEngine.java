package com.northbeam.assessment.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a new lead's owner: the enabled rules are tried in order, and the first that
 * matches and can name an enabled account wins. A rule naming a disabled or unknown
 * account, or a group without an enabled member, is skipped (and said so), and the next
 * rule is tried. No database here: the roster and the groups' turns are asked through
 * {@link Owners}, and a group is asked only when its rule is reached, so a turn is taken
 * only by the rule that uses it.
 */
final class RoutingEngine {

	private RoutingEngine() {
	}

	/** Where accounts and round-robin turns come from. */
	interface Owners {

		/** Whether the account may own leads now. */
		Account account(String email);

		/**
		 * The enabled member whose turn it is, taking the turn; empty when no member is
		 * enabled.
		 */
		Optional<String> takeTurn(long groupId);

	}

	enum Account {

		ENABLED, DISABLED, UNKNOWN

	}

	/** A rule that matched but could not give the lead an owner, and why. */
	record Skip(RoutingRule rule, String reason) {
	}

	/**
	 * What the rules decided.
	 *
	 * @param owner the chosen account, or {@code null}
	 * @param rule the rule that chose it, or {@code null}
	 * @param anyEnabled whether any rule was enabled, so routing was on at all
	 */
	record Outcome(String owner, RoutingRule rule, List<Skip> skipped, boolean anyEnabled) {

		Outcome {
			skipped = List.copyOf(skipped);
		}

	}

	static Outcome decide(List<RoutingRule> rules, Routing.Lead lead, Owners owners) {
		List<Skip> skipped = new ArrayList<>();
		boolean anyEnabled = rules.stream().anyMatch(RoutingRule::enabled);
		for (RoutingRule rule : rules) {
			if (!rule.enabled() || !rule.matches(lead)) {
				continue;
			}
			if (rule.owner() != null) {
				Account account = owners.account(rule.owner());
				if (account == Account.ENABLED) {
					return new Outcome(rule.owner(), rule, skipped, anyEnabled);
				}
				skipped.add(new Skip(rule, (account == Account.DISABLED) ? rule.owner() + "'s account is disabled"
						: rule.owner() + " is not a sales account"));
			}
			else {
				Optional<String> next = owners.takeTurn(rule.groupId());
				if (next.isPresent()) {
					return new Outcome(next.get(), rule, skipped, anyEnabled);
				}
				skipped.add(new Skip(rule, "group '" + rule.groupName() + "' has no enabled member"));
			}
		}
		return new Outcome(null, null, skipped, anyEnabled);
	}

}
