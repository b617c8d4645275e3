package com.northbeam.gateway.dashboard.overview;

import java.util.ArrayList;
import java.util.List;

import com.northbeam.gateway.dashboard.leads.WorkingTime;

/**
 * How long leads waited for their first contact, drawn on the server as inline SVG (no
 * script, no chart library): one row per week or owner with two bars, the median (solid)
 * and the 90th percentile (outlined, so the two differ by more than colour), each
 * followed by its figure, and a dashed line at the response target. The template copies
 * numbers into attributes and text into {@code th:text}; the same rows feed the table
 * that gives the figures as text.
 *
 * @param id a page-unique id, for {@code aria-labelledby}
 * @param title what the chart shows, the SVG's {@code <title>}
 * @param width the view box width
 * @param height the view box height
 * @param targetX where the target line stands
 * @param rows the rows in reading order
 */
public record ResponseChart(String id, String title, int width, int height, double targetX, List<Row> rows) {

	static final int WIDTH = 700;

	static final int LABEL_WIDTH = 170;

	static final int BAR_AREA = 380;

	static final int ROW_HEIGHT = 38;

	static final int BAR_HEIGHT = 13;

	static final int TOP = 18;

	public ResponseChart {
		rows = List.copyOf(rows);
	}

	public boolean empty() {
		return rows.stream().allMatch((row) -> row.contacted() == 0);
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	public double targetTop() {
		return TOP - 6;
	}

	public double targetBottom() {
		return height - 2;
	}

	/**
	 * A chart of {@code figures}, scaled so that the longest 90th percentile and the
	 * target both fit.
	 */
	static ResponseChart of(String id, String title, List<Figures> figures, long targetSeconds) {
		double max = Math.max(targetSeconds,
				figures.stream().filter((f) -> f.p90() != null).mapToDouble(Figures::p90).max().orElse(0));
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < figures.size(); i++) {
			Figures row = figures.get(i);
			double top = TOP + i * ROW_HEIGHT;
			rows.add(new Row(row.label(), row.title(), row.contacted(), top + BAR_HEIGHT + 3,
					bar(row.median(), max, top), bar(row.p90(), max, top + BAR_HEIGHT + 2)));
		}
		return new ResponseChart(id, title, WIDTH, TOP + Math.max(figures.size(), 1) * ROW_HEIGHT + 4,
				LABEL_WIDTH + scale(targetSeconds, max), rows);
	}

	private static Bar bar(Double seconds, double max, double y) {
		if (seconds == null) {
			return null;
		}
		double length = scale(seconds, max);
		return new Bar(seconds, WorkingTime.text(seconds), LABEL_WIDTH, y, length, BAR_HEIGHT, LABEL_WIDTH + length + 6,
				y + BAR_HEIGHT - 2);
	}

	private static double scale(double value, double max) {
		return (max <= 0 || value <= 0) ? 0 : Math.round(BAR_AREA * value / max * 10) / 10.0;
	}

	/**
	 * What one row shows: a week or an owner, how many of its leads were contacted, and
	 * the median and 90th percentile in working seconds (null when none was);
	 * {@code title}, shown on hover, says more about the label (an owner's email), or is
	 * {@code null}.
	 */
	record Figures(String label, String title, long contacted, Double median, Double p90) {

		Figures(String label, long contacted, Double median, Double p90) {
			this(label, null, contacted, median, p90);
		}

	}

	/**
	 * One row: its label (and where it goes), its title (or {@code null}) and its two
	 * bars, absent when none of its leads was contacted.
	 */
	public record Row(String label, String title, long contacted, double labelY, Bar median, Bar p90) {

		/**
		 * The most characters of 12px text that fit left of the bars (a long name is cut
		 * short; the whole of it is in the table).
		 */
		static final int SHORT_LABEL = 22;

		public String shortLabel() {
			return (label.length() <= SHORT_LABEL) ? label : label.substring(0, SHORT_LABEL - 1) + "\u2026";
		}

		public double labelX() {
			return LABEL_WIDTH - 8;
		}

	}

	/** One bar, its figure as text and where that goes, in view box units. */
	public record Bar(double seconds, String text, double x, double y, double width, double height, double textX,
			double textY) {
	}

}
