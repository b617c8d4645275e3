package com.northbeam.gateway.dashboard.overview;

import java.util.List;

import com.northbeam.gateway.dashboard.overview.SvgChart.Bar;
import com.northbeam.gateway.dashboard.overview.SvgChart.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

	@Test
	void rowsAreProportionalToTheLargestValueAndStackedWithoutOverlap() {
		SvgChart chart = SvgChart.rows("c", "Sources",
				List.of(Entry.of("linkedin", 40), Entry.of("newsletter", 10), Entry.of("none", 0)));

		List<Bar> bars = chart.bars();
		assertThat(bars.get(0).width()).isEqualTo(SvgChart.ROW_BAR_AREA);
		assertThat(bars.get(1).width()).isEqualTo(SvgChart.ROW_BAR_AREA / 4.0);
		assertThat(bars.get(2).width()).isZero();
		assertThat(bars.get(1).y()).isGreaterThanOrEqualTo(bars.get(0).y() + bars.get(0).height());
		assertThat(bars).allSatisfy((bar) -> assertThat(bar.x()).isEqualTo(SvgChart.ROW_LABEL_WIDTH));
		assertThat(bars.get(2).y() + bars.get(2).height()).isLessThanOrEqualTo(chart.height());
		assertThat(chart.viewBox()).isEqualTo("0 0 " + SvgChart.ROW_WIDTH + " " + chart.height());
		assertThat(chart.empty()).isFalse();
	}

	@Test
	void columnsStandOnACommonBaselineAndFitTheViewBox() {
		SvgChart chart = SvgChart.columns("c", "Leads per week",
				List.of(Entry.of("2 Nov", 5), Entry.of("9 Nov", 20), Entry.of("16 Nov", 10)));

		List<Bar> bars = chart.bars();
		double baseline = SvgChart.COLUMN_TOP + SvgChart.COLUMN_PLOT_HEIGHT;
		assertThat(bars).allSatisfy((bar) -> assertThat(bar.y() + bar.height()).isEqualTo(baseline));
		assertThat(bars.get(1).height()).isEqualTo(SvgChart.COLUMN_PLOT_HEIGHT);
		assertThat(bars.get(0).height()).isEqualTo(SvgChart.COLUMN_PLOT_HEIGHT / 4.0);
		assertThat(bars.get(2).x()).isGreaterThan(bars.get(1).x() + bars.get(1).width());
		assertThat(bars.get(2).x() + bars.get(2).width()).isLessThanOrEqualTo(chart.width());
		assertThat(bars.get(0).valueText()).isEqualTo("5");
	}

	@Test
	void allZeroOrNoDataIsEmptyAndNeverDividesByZero() {
		assertThat(SvgChart.rows("c", "t", List.of(Entry.of("a", 0), Entry.of("b", 0))).empty()).isTrue();
		assertThat(SvgChart.columns("c", "t", List.of()).empty()).isTrue();
		assertThat(SvgChart.columns("c", "t", List.of()).width()).isPositive();
		assertThat(Entry.of("big", 1234567).valueText()).isEqualTo("1,234,567");
		SvgChart chart = SvgChart.rows("c", "t", List.of(Entry.of("a-very-long-source-name-from-a-campaign", 3)));
		assertThat(chart.bars().get(0).shortLabel()).hasSize(26).endsWith("\u2026");
		assertThat(chart.bars().get(0).label()).isEqualTo("a-very-long-source-name-from-a-campaign");
	}

	@Test
	void dropOffSharesAndWeekLabels() {
		assertThat(OverviewController.dropOff(1000, 150)).isEqualTo("85%");
		assertThat(OverviewController.dropOff(0, 0)).isEqualTo("0%");
		assertThat(OverviewController.dropOff(10, 12)).isEqualTo("0%");
		assertThat(OverviewController.share(15, 30)).isEqualTo("50%");
		assertThat(OverviewController.weekLabel("2026-11-23T00:00:00Z")).isEqualTo("23 Nov");
		assertThat(OverviewController.weekLabel("2026-11-16")).isEqualTo("16 Nov");
		assertThat(OverviewController.weekLabel("soon")).isEqualTo("soon");
	}

}
