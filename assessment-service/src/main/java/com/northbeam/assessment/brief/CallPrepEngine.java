package com.northbeam.assessment.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.assessment.brief.CallPrep.Item;
import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.questionnaire.Answers;

/**
 * Derives the call-prep brief from a result with one version of the call-prep rules. A
 * pure function of its inputs, so a brief can be reproduced and unit-tested.
 */
final class CallPrepEngine {

	private CallPrepEngine() {
	}

	/**
	 * What the brief is made from.
	 *
	 * @param recommendationName the recommended model's name, as the scoring rules of the
	 * result name it
	 * @param factors the factors that speak for the recommendation
	 * @param urgency the priority factors that raised urgency
	 * @param cost the cost comparison, or {@code null}
	 */
	record Facts(Answers answers, String recommendation, String recommendationName, List<Signal> factors,
			List<Signal> urgency, CostComparison cost) {

		Facts {
			factors = List.copyOf(factors);
			urgency = List.copyOf(urgency);
		}

	}

	/**
	 * A factor of the result: {@code weight} is the fit points (or urgency) it gave,
	 * {@code when} the conditions of its scoring rule (empty when the rule is unknown).
	 */
	record Signal(String code, int weight, String reason, String guideAnchor, List<When> when) {

		Signal {
			when = List.copyOf(when);
		}

	}

	static CallPrep derive(CallPrepRules rules, Facts facts, When.Labels labels) {
		Answers answers = facts.answers();
		List<Item> pains = new ArrayList<>();
		for (CallPrepRules.PainPoint pain : rules.painPoints()) {
			if (When.all(pain.when(), answers)) {
				pains.add(new Item(pain.code(), pain.text(), When.because(pain.when(), answers, labels),
						pain.guideAnchor()));
			}
		}
		List<CallPrep.Objection> objections = new ArrayList<>();
		for (CallPrepRules.Objection objection : rules.objections()) {
			boolean forModel = objection.models().isEmpty() || objection.models().contains(facts.recommendation());
			if (forModel && When.all(objection.when(), answers)) {
				objections.add(new CallPrep.Objection(objection.code(), objection.misconception(), objection.response(),
						When.because(objection.when(), answers, labels), objection.guideAnchor()));
			}
		}
		List<CallPrep.Question> urgent = new ArrayList<>();
		List<CallPrep.Question> open = new ArrayList<>();
		for (CallPrepRules.Question question : rules.questions()) {
			if (When.all(question.urgentWhen(), answers)) {
				urgent.add(new CallPrep.Question(question.code(), question.text(), CallPrep.URGENT,
						When.because(question.urgentWhen(), answers, labels), question.guideAnchor()));
			}
			else if (When.all(question.openWhen(), answers)) {
				open.add(new CallPrep.Question(question.code(), question.text(), CallPrep.OPEN,
						When.because(question.openWhen(), answers, labels), question.guideAnchor()));
			}
		}
		List<CallPrep.Question> questions = new ArrayList<>(urgent);
		questions.addAll(open);
		CallPrepRules.NextStep step = rules.nextSteps().get(facts.recommendation());
		Item nextStep = (step != null)
				? new Item("next_" + facts.recommendation(), step.text(), List.of(), step.guideAnchor()) : null;
		return new CallPrep(rules.version(), facts.recommendation(), signals(rules.signals(), facts, labels), pains,
				objections, questions, costLine(rules.cost(), facts), nextStep);
	}

	/**
	 * The strongest factors for the recommendation, then the strongest urgency factors,
	 * then signals read from the answers, each named once. Each says which answers gave
	 * it, as the pain points do, and a factor also how many points.
	 */
	private static List<Item> signals(CallPrepRules.Signals rules, Facts facts, When.Labels labels) {
		Map<String, Item> chosen = new LinkedHashMap<>();
		facts.factors()
			.stream()
			.sorted(Comparator.comparingInt(Signal::weight).reversed())
			.forEach((signal) -> chosen.putIfAbsent(signal.code(), item(rules, signal, facts, labels,
					"+" + signal.weight() + " towards " + facts.recommendationName())));
		facts.urgency()
			.stream()
			.sorted(Comparator.comparingInt(Signal::weight).reversed())
			.forEach((signal) -> chosen.putIfAbsent(signal.code(),
					item(rules, signal, facts, labels, "+" + signal.weight() + " to urgency")));
		for (CallPrepRules.PainPoint signal : rules.fromAnswers()) {
			if (When.all(signal.when(), facts.answers())) {
				chosen.putIfAbsent(signal.code(), new Item(signal.code(), signal.text(),
						When.because(signal.when(), facts.answers(), labels), signal.guideAnchor()));
			}
		}
		return chosen.values().stream().limit(rules.count()).toList();
	}

	private static Item item(CallPrepRules.Signals rules, Signal signal, Facts facts, When.Labels labels,
			String points) {
		List<When> held = signal.when().stream().filter((when) -> when.holds(facts.answers())).toList();
		List<String> because = new ArrayList<>(When.because(held, facts.answers(), labels));
		because.add(points);
		return new Item(signal.code(), rules.phrases().getOrDefault(signal.code(), signal.reason()), because,
				signal.guideAnchor());
	}

	static String costLine(CallPrepRules.CostLine rules, Facts facts) {
		CostComparison cost = facts.cost();
		if (cost == null || cost.current() == null || cost.coManaged() == null || cost.fullyManaged() == null) {
			return rules.missing();
		}
		String currency = cost.currency();
		String line = rules.line()
			.replace("{current}", money(currency, cost.current().total()))
			.replace("{co_managed}", money(currency, cost.coManaged().total()))
			.replace("{fully_managed}", money(currency, cost.fullyManaged().total()));
		String compared = rules.compareWith().getOrDefault(facts.recommendation(), "co_managed");
		CostComparison.Setup setup = "fully_managed".equals(compared) ? cost.fullyManaged() : cost.coManaged();
		long difference = setup.total() - cost.current().total();
		long threshold = Math.max(1, cost.current().total() / 50);
		String template = (Math.abs(difference) < threshold) ? rules.same()
				: (difference > 0) ? rules.more() : rules.less();
		return line + " "
				+ template.replace("{model}", setup.label()).replace("{amount}", money(currency, Math.abs(difference)));
	}

	static String money(String currency, long amount) {
		return currency + " " + String.format(Locale.ROOT, "%,d", amount);
	}

}
