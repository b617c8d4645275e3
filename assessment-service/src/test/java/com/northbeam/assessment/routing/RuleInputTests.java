package com.northbeam.assessment.routing;

import java.util.Arrays;
import java.util.List;

import com.northbeam.assessment.system.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleInputTests {

	@Test
	void aRuleIsCleanedBeforeItIsChecked() {
		RuleInput input = new RuleInput("  Big hybrid  ", true, Arrays.asList("hybrid", " ", "hybrid", null), List.of(),
				10, null, List.of(" newsletter "), " Ada@Northbeam.TEST ", null, 0)
			.normalised();

		assertThat(input.name()).isEqualTo("Big hybrid");
		assertThat(input.recommendations()).containsExactly("hybrid");
		assertThat(input.sources()).containsExactly("newsletter");
		assertThat(input.owner()).isEqualTo("ada@northbeam.test");
		assertThat(input.problems()).isEmpty();
	}

	@Test
	void everyProblemIsNamedByItsField() {
		RuleInput input = new RuleInput(" ", null, List.of("mostly_managed"), List.of("11-50", "huge"), 90, 120,
				List.of("a,b"), null, null, null)
			.normalised();

		assertThat(input.problems()).extracting(FieldError::field)
			.containsExactly("name", "enabled", "recommendations[0]", "companySizes[1]", "maxPriority", "sources[0]",
					"owner");
		assertThat(new RuleInput("r", true, null, null, 50, 40, null, "a@b.test", 3L, null).normalised().problems())
			.extracting(FieldError::message)
			.containsExactly("must not be below the lowest priority", "name an owner or a round-robin group, not both");
	}

	@Test
	void aGroupNamesEachMemberOnce() {
		GroupInput group = new GroupInput("Team", List.of("a@b.test", "A@B.test ", "c@b.test"), null).normalised();

		assertThat(group.problems()).singleElement().isEqualTo(new FieldError("members[1]", "a@b.test is named twice"));
		assertThat(new GroupInput("", List.of(), null).normalised().problems()).extracting(FieldError::field)
			.containsExactly("name", "members");
	}

}
