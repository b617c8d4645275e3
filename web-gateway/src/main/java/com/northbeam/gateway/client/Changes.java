package com.northbeam.gateway.client;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What changed between a retake and the result it started from, as assessment-service
 * works it out from the two stored results: the answers that differ, each model's fit
 * before and after, the factors that appeared or disappeared, and why the recommendation
 * moved or held (read off the factors' fit effects).
 *
 * @param rulesChanged whether the two were scored with different rules versions
 */
public record Changes(UUID from, Integer rulesBefore, Integer rulesAfter, boolean rulesChanged,
		List<AnswerChange> answers, List<FitChange> fit, String recommendationBefore, String recommendation,
		List<FactorChange> appeared, List<FactorChange> disappeared, Why why) {

	public Changes {
		answers = (answers != null) ? List.copyOf(answers) : List.of();
		fit = (fit != null) ? List.copyOf(fit) : List.of();
		appeared = (appeared != null) ? List.copyOf(appeared) : List.of();
		disappeared = (disappeared != null) ? List.copyOf(disappeared) : List.of();
	}

	public boolean moved() {
		return why != null && "moved".equals(why.outcome());
	}

	/** The fits that changed. */
	public List<FitChange> changedFits() {
		return fit.stream().filter((each) -> each.before() != each.after()).toList();
	}

	public record AnswerChange(String question, String label, List<Choice> before, List<Choice> after) {

		public AnswerChange {
			before = (before != null) ? List.copyOf(before) : List.of();
			after = (after != null) ? List.copyOf(after) : List.of();
		}

		public String beforeText() {
			return text(before);
		}

		public String afterText() {
			return text(after);
		}

		private static String text(List<Choice> choices) {
			return choices.stream().map(Choice::label).collect(Collectors.joining(", "));
		}

	}

	public record Choice(String code, String label) {
	}

	public record FitChange(String model, int before, int after) {

		/** The change, signed: "+16", "−14", "0". */
		public String change() {
			int change = after - before;
			return (change > 0) ? "+" + change : (change < 0) ? "\u2212" + (-change) : "0";
		}

	}

	public record FactorChange(String code, String reason, String model, String guideAnchor) {
	}

	/**
	 * @param contender the model {@code to} is measured against
	 * @param gapBefore the fit of {@code to} minus that of {@code contender}, before
	 * @param gapAfter the same, after
	 * @param drivers the changed factors that moved that gap, largest first
	 */
	public record Why(String outcome, String from, String to, String contender, int gapBefore, int gapAfter,
			List<Driver> drivers) {

		public Why {
			drivers = (drivers != null) ? List.copyOf(drivers) : List.of();
		}

		/** The changes that pushed towards {@code to}. */
		public List<Driver> towards() {
			return drivers.stream().filter((driver) -> driver.shift() > 0).toList();
		}

		/** The changes that pushed towards {@code contender}. */
		public List<Driver> against() {
			return drivers.stream().filter((driver) -> driver.shift() < 0).toList();
		}

	}

	/**
	 * @param change {@code appeared} or {@code disappeared}
	 * @param shift fit points it moved the gap towards {@code to} (negative: away)
	 */
	public record Driver(String code, String reason, String change, int shift) {

		public boolean appeared() {
			return "appeared".equals(change);
		}

		public int size() {
			return Math.abs(shift);
		}

	}

}
