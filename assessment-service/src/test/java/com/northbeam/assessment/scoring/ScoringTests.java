package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.List;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.scoring.ScoringRules.Rule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@AssessmentServiceTest
class ScoringTests {

	@Autowired
	Scoring scoring;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void publishedRulesArePinnedInTheDatabase() {
		String stored = jdbc.sql("select definition from scoring_rules where version = 1").query(String.class).single();
		assertThat(json.readValue(stored, ScoringRules.class)).isEqualTo(scoring.rules(1).orElseThrow());
	}

	@Test
	void aPublishedVersionCannotBeChangedButCanBePublishedAgainUnchanged() {
		ScoringRules v1 = scoring.rules(1).orElseThrow();
		scoring.publish(v1);
		List<Rule> rules = new ArrayList<>(v1.rules());
		Rule first = rules.get(0);
		rules.set(0, new Rule(first.code(), first.when(), java.util.Map.of(Model.FULLY_MANAGED, 1), first.priority(),
				first.reason(), first.because(), first.guideAnchor()));
		ScoringRules edited = new ScoringRules(1, 1, v1.models(), v1.baseline(), v1.scale(), v1.confidence(),
				v1.priority(), rules);
		assertThatIllegalStateException().isThrownBy(() -> scoring.publish(edited))
			.withMessageContaining("publish the change as a new version");
		assertThat(scoring.rules(1)).contains(v1);
	}

	@Test
	void rulesWithUnknownAnchorsOrCodesAreRefused() {
		ScoringRules v1 = scoring.rules(1).orElseThrow();
		Rule first = v1.rules().get(0);
		Rule badAnchor = new Rule("bad_anchor", first.when(), first.effects(), first.priority(), first.reason(),
				first.because(), "no-such-section");
		assertThatIllegalStateException()
			.isThrownBy(() -> scoring.publish(new ScoringRules(90, 1, v1.models(), v1.baseline(), v1.scale(),
					v1.confidence(), v1.priority(), List.of(badAnchor))))
			.withMessageContaining("unknown guide anchor");
		Rule badCode = new Rule("bad_code", List.of(new ScoringRules.Condition("internal_it", List.of("robots"), null)),
				first.effects(), first.priority(), first.reason(), first.because(), first.guideAnchor());
		assertThatIllegalStateException()
			.isThrownBy(() -> scoring.publish(new ScoringRules(91, 1, v1.models(), v1.baseline(), v1.scale(),
					v1.confidence(), v1.priority(), List.of(badCode))))
			.withMessageContaining("unknown code robots");
		assertThat(scoring.rules(90)).isEmpty();
		assertThat(scoring.rules(91)).isEmpty();
	}

}
