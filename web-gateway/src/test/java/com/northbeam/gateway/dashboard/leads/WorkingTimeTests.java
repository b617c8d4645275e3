package com.northbeam.gateway.dashboard.leads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingTimeTests {

	@Test
	void writesWholeMinutesAndHoursRoundedDown() {
		assertThat(WorkingTime.text(0)).isEqualTo("< 1 min");
		assertThat(WorkingTime.text(59)).isEqualTo("< 1 min");
		assertThat(WorkingTime.text(25 * 60 + 59)).isEqualTo("25 min");
		assertThat(WorkingTime.text(3599)).isEqualTo("59 min");
		assertThat(WorkingTime.text(3600)).isEqualTo("1 h");
		assertThat(WorkingTime.text(12_030)).isEqualTo("3 h 20 min");
		assertThat(WorkingTime.text(52 * 3600 + 5 * 60)).isEqualTo("52 h 5 min");
		assertThat(WorkingTime.text(1500.7)).isEqualTo("25 min");
		assertThat(WorkingTime.text(null)).isEmpty();
	}

}
