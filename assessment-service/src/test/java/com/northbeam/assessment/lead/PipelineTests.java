package com.northbeam.assessment.lead;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTests {

	@Test
	void openLeadsMoveForwardOrToLost() {
		assertThat(Pipeline.allows("new", "contacted")).isTrue();
		assertThat(Pipeline.allows("new", "proposal")).isTrue();
		assertThat(Pipeline.allows("proposal", "won")).isTrue();
		assertThat(Pipeline.allows("qualified", "lost")).isTrue();
		assertThat(Pipeline.allows("qualified", "contacted")).isFalse();
		assertThat(Pipeline.allows("new", "new")).isFalse();
	}

	@Test
	void lostReopensToContactedAndWonIsFinal() {
		assertThat(Pipeline.allows("lost", "contacted")).isTrue();
		assertThat(Pipeline.allows("lost", "won")).isFalse();
		assertThat(Pipeline.allows("won", "lost")).isFalse();
		assertThat(Pipeline.allows("won", "contacted")).isFalse();
	}

}
