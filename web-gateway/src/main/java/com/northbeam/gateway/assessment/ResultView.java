package com.northbeam.gateway.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.AssessmentClient.Cost;
import com.northbeam.gateway.client.AssessmentClient.CostItem;
import com.northbeam.gateway.client.AssessmentClient.Factor;
import com.northbeam.gateway.client.AssessmentClient.Setup;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;

/**
 * A result as the page, the print version and the PDF show it, with the geometry of its
 * two charts worked out on the server so they render as plain inline SVG.
 */
record ResultView(SubmissionResult result, List<Bar> fits, List<Bar> costs, List<CostRow> costRows,
		List<Long> costTotals, String currency, boolean estimated, List<FactorView> factors, String runnerUp) {

	static final String GUIDE = "/articles/co-managed-vs-fully-managed-it";

	/** Bars start here (room for labels on the left) and may be this wide. */
	static final int BAR_X = 170;

	static final int BAR_WIDTH = 330;

	static final int ROW_HEIGHT = 40;

	static final List<String> MODELS = List.of("co_managed", "fully_managed", "hybrid");

	static ResultView of(SubmissionResult result) {
		List<Bar> fits = new ArrayList<>();
		if (result.fit() != null) {
			double[] values = { result.fit().coManaged(), result.fit().fullyManaged(), result.fit().hybrid() };
			for (int i = 0; i < MODELS.size(); i++) {
				fits.add(bar(i, MODELS.get(i), values[i], 100, MODELS.get(i).equals(result.recommendation())));
			}
		}
		List<Bar> costs = new ArrayList<>();
		List<CostRow> rows = new ArrayList<>();
		List<Long> totals = new ArrayList<>();
		Cost cost = result.cost();
		if (cost != null && cost.current() != null && cost.coManaged() != null && cost.fullyManaged() != null) {
			List<Setup> setups = List.of(cost.current(), cost.coManaged(), cost.fullyManaged());
			List<String> keys = List.of("current", "co_managed", "fully_managed");
			long max = setups.stream().mapToLong(Setup::total).max().orElse(1);
			for (int i = 0; i < setups.size(); i++) {
				costs.add(bar(i, keys.get(i), setups.get(i).total(), Math.max(max, 1),
						keys.get(i).equals(result.recommendation())));
				totals.add(setups.get(i).total());
			}
			Map<String, CostRow> byCode = new LinkedHashMap<>();
			for (int i = 0; i < setups.size(); i++) {
				for (CostItem item : setups.get(i).items()) {
					CostRow row = byCode.computeIfAbsent(item.code(),
							(code) -> new CostRow(item.label(), new Long[3], new boolean[3]));
					row.amounts()[i] = item.amount();
					row.estimated()[i] = item.estimated();
				}
			}
			rows.addAll(byCode.values());
		}
		List<FactorView> factors = result.factors()
			.stream()
			.map((factor) -> new FactorView(factor,
					GUIDE + ((factor.guideAnchor() != null) ? "#" + factor.guideAnchor() : "")))
			.toList();
		return new ResultView(result, fits, costs, rows, totals, (cost != null) ? cost.currency() : null,
				cost != null && cost.estimated(), factors, runnerUp(result));
	}

	/**
	 * The service's runner-up, or (for older results) the model with the second-best fit.
	 */
	private static String runnerUp(SubmissionResult result) {
		if (result.runnerUp() != null || result.fit() == null) {
			return result.runnerUp();
		}
		double[] values = { result.fit().coManaged(), result.fit().fullyManaged(), result.fit().hybrid() };
		String best = null;
		double bestValue = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < MODELS.size(); i++) {
			if (!MODELS.get(i).equals(result.recommendation()) && values[i] > bestValue) {
				best = MODELS.get(i);
				bestValue = values[i];
			}
		}
		return best;
	}

	/** The factors that point to the recommended model, heaviest first. */
	public List<FactorView> factorsFor() {
		return factors.stream().filter((view) -> view.factor().pointsTo(result.recommendation())).toList();
	}

	/** The factors that point to another model. */
	public List<FactorView> factorsAgainst() {
		return factors.stream().filter((view) -> !view.factor().pointsTo(result.recommendation())).toList();
	}

	private static Bar bar(int index, String key, double value, double max, boolean highlighted) {
		int width = (int) Math.round(BAR_WIDTH * Math.max(0, value) / max);
		int y = index * ROW_HEIGHT + 8;
		return new Bar(key, value, Math.max(width, 2), y, y + 17, BAR_X + Math.max(width, 2) + 8, highlighted);
	}

	public int chartHeight(List<Bar> bars) {
		return bars.size() * ROW_HEIGHT + 8;
	}

	public String money(Number amount) {
		if (amount == null) {
			return "";
		}
		String symbol = switch ((currency != null) ? currency : "") {
			case "USD" -> "$";
			case "EUR" -> "\u20ac";
			case "GBP" -> "\u00a3";
			default -> "";
		};
		String number = String.format(Locale.ENGLISH, "%,d", amount.longValue());
		return symbol.isEmpty() ? number + ((currency != null) ? " " + currency : "") : symbol + number;
	}

	/** One horizontal bar: {@code labelY} is the baseline of its label and value. */
	record Bar(String key, double value, int width, int y, int labelY, int valueX, boolean highlighted) {

		public long rounded() {
			return Math.round(value);
		}

	}

	record CostRow(String label, Long[] amounts, boolean[] estimated) {
	}

	record FactorView(Factor factor, String guideLink) {
	}

}
