package com.northbeam.gateway.dashboard.overview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseChartTests {

	@Test
	void barsAreScaledSoTheLongestPercentileAndTheTargetBothFit() {
		ResponseChart chart = ResponseChart.of("c", "Chart",
				List.of(new ResponseChart.Figures("16 Nov", 3, 900.0, 1800.0),
						new ResponseChart.Figures("23 Nov", 5, 1800.0, 7200.0)),
				3600);

		ResponseChart.Row first = chart.rows().get(0);
		ResponseChart.Row second = chart.rows().get(1);
		assertThat(second.p90().width()).isEqualTo(ResponseChart.BAR_AREA);
		assertThat(first.p90().width()).isEqualTo(ResponseChart.BAR_AREA / 4.0);
		assertThat(chart.targetX()).isEqualTo(ResponseChart.LABEL_WIDTH + ResponseChart.BAR_AREA / 2.0);
		assertThat(first.median().text()).isEqualTo("15 min");
		assertThat(second.p90().text()).isEqualTo("2 h");
		assertThat(second.median().y()).isGreaterThan(first.p90().y());
		assertThat(first.p90().y()).isGreaterThan(first.median().y());
		assertThat(chart.empty()).isFalse();
	}

	@Test
	void aTargetLongerThanEveryWaitSetsTheScale() {
		ResponseChart chart = ResponseChart.of("c", "Chart", List.of(new ResponseChart.Figures("Sam", 1, 600.0, 600.0)),
				2400);
		assertThat(chart.targetX()).isEqualTo(ResponseChart.LABEL_WIDTH + ResponseChart.BAR_AREA);
		assertThat(chart.rows().get(0).median().width()).isEqualTo(ResponseChart.BAR_AREA / 4.0);
	}

	@Test
	void rowsWithoutContactedLeadsHaveNoBarsAndAChartOfOnlySuchRowsIsEmpty() {
		ResponseChart chart = ResponseChart.of("c", "Chart",
				List.of(new ResponseChart.Figures("16 Nov", 0, null, null)), 3600);
		assertThat(chart.rows().get(0).median()).isNull();
		assertThat(chart.rows().get(0).p90()).isNull();
		assertThat(chart.empty()).isTrue();
		assertThat(chart.height()).isPositive();
	}

	@Test
	void longOwnerNamesAreCutBesideTheBarsAndKeptWholeForTheTable() {
		ResponseChart.Row row = ResponseChart
			.of("c", "Chart", List.of(new ResponseChart.Figures("a.very.long.name@northbeam.example", 1, 60.0, 60.0)),
					60)
			.rows()
			.get(0);
		assertThat(row.shortLabel()).isEqualTo("a.very.long.name@nort\u2026");
		assertThat(row.label()).isEqualTo("a.very.long.name@northbeam.example");
	}

}
