package com.northbeam.assessment.routing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Gives a new lead its owner by the admins' routing rules ({@link RoutingEngine}), in the
 * transaction that creates the lead: a round-robin turn is taken under a row lock and
 * rolls back with the lead. Every rule skipped because it names a disabled or unknown
 * account (or a group with no enabled member) gets an audit entry.
 */
@Service
public class Routing {

	/** Who the audit trail and the lead's timeline name for routing's doings. */
	public static final String ACTOR = "system:routing";

	static final String RULE_SKIPPED = "routing.rule-skipped";

	private final RuleRepository rules;

	private final GroupRepository groups;

	private final RosterRepository roster;

	private final Audit audit;

	Routing(RuleRepository rules, GroupRepository groups, RosterRepository roster, Audit audit) {
		this.rules = rules;
		this.groups = groups;
		this.roster = roster;
		this.audit = audit;
	}

	/**
	 * What routing looks at in a new lead.
	 *
	 * @param companySize the answer to {@code employees}, or {@code null}
	 * @param source {@code direct}, {@code referral} or the campaign's {@code utm_source}
	 */
	public record Lead(String recommendation, String companySize, int priority, String source) {
	}

	/**
	 * A new lead's owner.
	 *
	 * @param owner the staff email that owns the lead, or {@code null}
	 * @param rule the name of the rule that chose the owner, or {@code null}
	 * @param timeline what the lead's timeline says about it, or {@code null} when no
	 * rule is enabled (routing is off)
	 */
	public record Decision(String owner, String rule, String timeline) {

		public Optional<String> timelineEntry() {
			return Optional.ofNullable(this.timeline);
		}

	}

	/** Decides the owner of the lead {@code leadId}, in the caller's transaction. */
	public Decision route(UUID leadId, Lead lead, Instant at) {
		Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
				"A lead is routed in the transaction that creates it");
		RoutingEngine.Outcome outcome = RoutingEngine.decide(this.rules.findAll(), lead, new RoutingEngine.Owners() {

			@Override
			public RoutingEngine.Account account(String email) {
				return Routing.this.roster.account(email);
			}

			@Override
			public Optional<String> takeTurn(long groupId) {
				return Routing.this.groups.takeTurn(groupId);
			}

		});
		for (RoutingEngine.Skip skip : outcome.skipped()) {
			this.audit.record(ACTOR, RULE_SKIPPED, leadId,
					"routing rule '" + skip.rule().name() + "' skipped: " + skip.reason(), at);
		}
		if (outcome.owner() != null) {
			return new Decision(outcome.owner(), outcome.rule().name(),
					"Assigned to " + outcome.owner() + " by routing rule '" + outcome.rule().name() + "'");
		}
		if (!outcome.anyEnabled()) {
			return new Decision(null, null, null);
		}
		return new Decision(null, null,
				outcome.skipped().isEmpty() ? "No routing rule matched; the lead has no owner"
						: "No routing rule could assign it (" + outcome.skipped().size()
								+ " skipped, see the audit trail); the lead has no owner");
	}

}
