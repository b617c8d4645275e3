package com.northbeam.gateway.dashboard.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart laid out on the server, for a template to draw as inline SVG: no script, no
 * chart library. Each bar carries its geometry and the label and value text to show, so
 * the template only copies numbers into attributes and text into {@code th:text}
 * (escaped). The same bars feed the visually hidden table that gives screen readers the
 * figures.
 *
 * @param id a page-unique id, for {@code aria-labelledby}
 * @param title what the chart shows, the SVG's {@code <title>}
 * @param width the view box width
 * @param height the view box height
 * @param columns whether bars stand up (one per period) or lie down (one per category)
 * @param bars the bars in reading order
 */
public record SvgChart(String id, String title, int width, int height, boolean columns, List<Bar> bars) {

	static final int ROW_WIDTH = 700;

	static final int ROW_LABEL_WIDTH = 170;

	static final int ROW_HEIGHT = 30;

	static final int ROW_BAR_AREA = 260;

	static final int COLUMN_HEIGHT = 220;

	static final int COLUMN_PLOT_HEIGHT = 160;

	static final int COLUMN_TOP = 20;

	static final int COLUMN_WIDTH = 40;

	public SvgChart {
		bars = List.copyOf(bars);
	}

	public boolean empty() {
		return bars.stream().allMatch((bar) -> bar.value() == 0);
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	/**
	 * Horizontal bars, one row per category, with the label on the left and the value
	 * after the bar.
	 */
	static SvgChart rows(String id, String title, List<Entry> entries) {
		long max = max(entries);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			double length = scale(entry.value(), max, ROW_BAR_AREA);
			double y = i * ROW_HEIGHT + 4;
			double barHeight = ROW_HEIGHT - 10;
			bars.add(new Bar(entry.label(), entry.value(), entry.valueText(), ROW_LABEL_WIDTH, y, length, barHeight,
					ROW_LABEL_WIDTH - 8, y + barHeight / 2 + 5, ROW_LABEL_WIDTH + length + 6, y + barHeight / 2 + 5));
		}
		return new SvgChart(id, title, ROW_WIDTH, Math.max(entries.size(), 1) * ROW_HEIGHT + 4, false, bars);
	}

	/**
	 * Vertical bars, one per period, with the value above the bar and the label under it.
	 */
	static SvgChart columns(String id, String title, List<Entry> entries) {
		long max = max(entries);
		int slot = COLUMN_WIDTH + 16;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			double length = scale(entry.value(), max, COLUMN_PLOT_HEIGHT);
			double x = 8 + i * slot;
			double y = COLUMN_TOP + COLUMN_PLOT_HEIGHT - length;
			double middle = x + COLUMN_WIDTH / 2.0;
			bars.add(new Bar(entry.label(), entry.value(), entry.valueText(), x, y, COLUMN_WIDTH, length, middle,
					COLUMN_TOP + COLUMN_PLOT_HEIGHT + 18, middle, y - 5));
		}
		return new SvgChart(id, title, Math.max(entries.size(), 1) * slot + 16, COLUMN_HEIGHT, true, bars);
	}

	private static long max(List<Entry> entries) {
		return entries.stream().mapToLong(Entry::value).max().orElse(0);
	}

	/**
	 * A bar's length: proportional to the largest value, never below 0, and a zero stays
	 * zero.
	 */
	private static double scale(long value, long max, int area) {
		if (max <= 0 || value <= 0) {
			return 0;
		}
		return round(area * (double) value / max);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * What one bar shows: the category or period, its figure, and the figure as text (may
	 * add a share).
	 */
	public record Entry(String label, long value, String valueText) {

		static Entry of(String label, long value) {
			return new Entry(label, value, String.format(Locale.ENGLISH, "%,d", value));
		}

	}

	/**
	 * One bar and where its texts go, in view box units.
	 */
	public record Bar(String label, long value, String valueText, double x, double y, double width, double height,
			double labelX, double labelY, double valueX, double valueY) {

		static final int SHORT_LABEL = 26;

		/**
		 * The label as drawn beside the bar, cut to fit; the figures table keeps it
		 * whole.
		 */
		public String shortLabel() {
			return (label.length() <= SHORT_LABEL) ? label : label.substring(0, SHORT_LABEL - 1) + "\u2026";
		}

	}

}
