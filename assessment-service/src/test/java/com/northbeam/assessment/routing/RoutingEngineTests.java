package com.northbeam.assessment.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.northbeam.assessment.routing.RoutingEngine.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingEngineTests {

	private static final Routing.Lead BIG_HYBRID = new Routing.Lead("hybrid", "201-1000", 72, "Newsletter");

	private final Map<String, Account> accounts = new HashMap<>(
			Map.of("ada@northbeam.test", Account.ENABLED, "ben@northbeam.test", Account.DISABLED));

	private final Map<Long, String> turns = new HashMap<>();

	private final List<Long> turnsTaken = new ArrayList<>();

	private final RoutingEngine.Owners owners = new RoutingEngine.Owners() {

		@Override
		public Account account(String email) {
			return RoutingEngineTests.this.accounts.getOrDefault(email, Account.UNKNOWN);
		}

		@Override
		public Optional<String> takeTurn(long groupId) {
			RoutingEngineTests.this.turnsTaken.add(groupId);
			return Optional.ofNullable(RoutingEngineTests.this.turns.get(groupId));
		}

	};

	@Test
	void eachConditionMustHoldAndAnEmptyOneHoldsForEveryLead() {
		assertThat(rule("any").owner("ada@northbeam.test").build().matches(BIG_HYBRID)).isTrue();
		assertThat(rule("r").recommendations("hybrid", "co_managed").build().matches(BIG_HYBRID)).isTrue();
		assertThat(rule("r").recommendations("fully_managed").build().matches(BIG_HYBRID)).isFalse();
		assertThat(rule("s").sizes("201-1000", "1000+").build().matches(BIG_HYBRID)).isTrue();
		assertThat(rule("s").sizes("1-10").build().matches(BIG_HYBRID)).isFalse();
		assertThat(rule("s").sizes("1-10").build().matches(new Routing.Lead("hybrid", null, 72, "direct")))
			.as("no size answered matches no size condition")
			.isFalse();
		assertThat(rule("p").priority(72, 72).build().matches(BIG_HYBRID)).as("bounds are inclusive").isTrue();
		assertThat(rule("p").priority(73, null).build().matches(BIG_HYBRID)).isFalse();
		assertThat(rule("p").priority(null, 71).build().matches(BIG_HYBRID)).isFalse();
		assertThat(rule("src").sources("newsletter").build().matches(BIG_HYBRID)).as("sources ignore case").isTrue();
		assertThat(rule("src").sources("direct", "referral").build().matches(BIG_HYBRID)).isFalse();
		assertThat(rule("all").recommendations("hybrid")
			.sizes("201-1000")
			.priority(60, 80)
			.sources("newsletter")
			.build()
			.matches(BIG_HYBRID)).isTrue();
	}

	@Test
	void theFirstMatchingEnabledRuleInOrderWins() {
		RoutingEngine.Outcome outcome = decide(rule("off").owner("ada@northbeam.test").enabled(false).build(),
				rule("small").sizes("1-10").owner("ada@northbeam.test").build(),
				rule("hybrid").recommendations("hybrid").owner("ada@northbeam.test").build(),
				rule("catch-all").group(1).build());

		assertThat(outcome.owner()).isEqualTo("ada@northbeam.test");
		assertThat(outcome.rule().name()).isEqualTo("hybrid");
		assertThat(outcome.skipped()).isEmpty();
		assertThat(this.turnsTaken).as("a later group rule takes no turn").isEmpty();
	}

	@Test
	void aRuleNamingADisabledOrUnknownAccountIsSkippedAndTheNextRuleDecides() {
		this.turns.put(7L, "cy@northbeam.test");

		RoutingEngine.Outcome outcome = decide(rule("to ben").owner("ben@northbeam.test").build(),
				rule("to a stranger").owner("gone@northbeam.test").build(), rule("team").group(7).build());

		assertThat(outcome.owner()).isEqualTo("cy@northbeam.test");
		assertThat(outcome.rule().name()).isEqualTo("team");
		assertThat(outcome.skipped()).extracting((skip) -> skip.rule().name() + ": " + skip.reason())
			.containsExactly("to ben: ben@northbeam.test's account is disabled",
					"to a stranger: gone@northbeam.test is not a sales account");
	}

	@Test
	void aGroupWithNoEnabledMemberIsSkipped() {
		RoutingEngine.Outcome outcome = decide(rule("team").group(7).groupName("Inside sales").build(),
				rule("fallback").owner("ada@northbeam.test").build());

		assertThat(outcome.owner()).isEqualTo("ada@northbeam.test");
		assertThat(outcome.skipped()).singleElement()
			.satisfies((skip) -> assertThat(skip.reason()).isEqualTo("group 'Inside sales' has no enabled member"));
	}

	@Test
	void whenNothingMatchesTheLeadHasNoOwnerAndWeKnowWhetherRoutingWasOn() {
		RoutingEngine.Outcome none = decide(rule("small").sizes("1-10").owner("ada@northbeam.test").build());
		assertThat(none.owner()).isNull();
		assertThat(none.rule()).isNull();
		assertThat(none.anyEnabled()).isTrue();

		RoutingEngine.Outcome off = decide(rule("off").owner("ada@northbeam.test").enabled(false).build());
		assertThat(off.owner()).isNull();
		assertThat(off.anyEnabled()).isFalse();
		assertThat(decide().anyEnabled()).isFalse();
	}

	private RoutingEngine.Outcome decide(RoutingRule... rules) {
		return RoutingEngine.decide(List.of(rules), BIG_HYBRID, this.owners);
	}

	private static Builder rule(String name) {
		return new Builder(name);
	}

	private static final class Builder {

		private final String name;

		private boolean enabled = true;

		private List<String> recommendations = List.of();

		private List<String> sizes = List.of();

		private Integer min;

		private Integer max;

		private List<String> sources = List.of();

		private String owner;

		private Long groupId;

		private String groupName = "group";

		Builder(String name) {
			this.name = name;
		}

		Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		Builder recommendations(String... codes) {
			this.recommendations = List.of(codes);
			return this;
		}

		Builder sizes(String... codes) {
			this.sizes = List.of(codes);
			return this;
		}

		Builder priority(Integer min, Integer max) {
			this.min = min;
			this.max = max;
			return this;
		}

		Builder sources(String... sources) {
			this.sources = List.of(sources);
			return this;
		}

		Builder owner(String email) {
			this.owner = email;
			return this;
		}

		Builder group(long id) {
			this.groupId = id;
			return this;
		}

		Builder groupName(String name) {
			this.groupName = name;
			return this;
		}

		RoutingRule build() {
			return new RoutingRule(1, 1, this.name, this.enabled, this.recommendations, this.sizes, this.min, this.max,
					this.sources, this.owner, this.groupId, (this.groupId != null) ? this.groupName : null, 0,
					Instant.EPOCH, "admin@northbeam.test");
		}

	}

}
