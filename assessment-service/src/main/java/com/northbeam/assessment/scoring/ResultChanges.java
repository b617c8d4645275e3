package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two stored results of the same prospect (a retake and the result
 * it started from): the answers that differ, each model's fit before and after, the
 * factors that appeared or disappeared, and why the recommendation moved or held. Results
 * are compared as they were scored, each with its own rules version; the "why" is read
 * off the factors' fit effects, never written here.
 */
public final class ResultChanges {

	/** The recommendation is another model than before. */
	public static final String MOVED = "moved";

	/** The recommendation is the same model as before. */
	public static final String HELD = "held";

	/** A factor that applies now and did not before. */
	public static final String APPEARED = "appeared";

	/** A factor that applied before and does not now. */
	public static final String DISAPPEARED = "disappeared";

	private ResultChanges() {
	}

	/**
	 * The changes from {@code before} to {@code after}, both stored result bodies.
	 * @param questionnaire the questionnaire {@code after} answered, for labels; empty
	 * shows codes
	 */
	public static Changes compare(JsonNode before, JsonNode after, Optional<Questionnaire> questionnaire) {
		String from = before.path("recommendation").asString("");
		String to = after.path("recommendation").asString("");
		Map<String, Integer> fitBefore = fit(before);
		Map<String, Integer> fitAfter = fit(after);
		List<FitChange> fits = Model.ALL.stream()
			.map((model) -> new FitChange(model, fitBefore.get(model), fitAfter.get(model)))
			.toList();
		Map<String, JsonNode> factorsBefore = factors(before);
		Map<String, JsonNode> factorsAfter = factors(after);
		List<FactorChange> appeared = onlyIn(factorsAfter, factorsBefore);
		List<FactorChange> disappeared = onlyIn(factorsBefore, factorsAfter);
		String contender = from.equals(to) ? runnerUp(fitAfter, to) : from;
		List<Driver> drivers = new ArrayList<>();
		appeared.forEach((factor) -> drivers.add(driver(factor, APPEARED, 1, to, contender)));
		disappeared.forEach((factor) -> drivers.add(driver(factor, DISAPPEARED, -1, to, contender)));
		drivers.removeIf((driver) -> driver.shift() == 0);
		drivers.sort(Comparator.comparingInt((Driver driver) -> -Math.abs(driver.shift())).thenComparing(Driver::code));
		Why why = new Why(from.equals(to) ? HELD : MOVED, from, to, contender,
				fitBefore.get(to) - fitBefore.get(contender), fitAfter.get(to) - fitAfter.get(contender),
				List.copyOf(drivers));
		int rulesBefore = before.path("rulesVersion").asInt();
		int rulesAfter = after.path("rulesVersion").asInt();
		return new Changes(uuid(before.path("id")), rulesBefore, rulesAfter, rulesBefore != rulesAfter,
				answers(answers(before), answers(after), questionnaire), fits, from, to, appeared, disappeared, why);
	}

	/**
	 * One plain line for a lead's timeline, e.g. "2 answers changed; co-managed fit 62 →
	 * 48, fully managed 55 → 71; recommendation moved to fully managed because …".
	 * @param models how each model is named (the rules' names)
	 */
	public static String summary(Changes changes, Map<String, String> models) {
		StringBuilder text = new StringBuilder();
		int answers = changes.answers().size();
		text.append((answers == 1) ? "1 answer changed" : answers + " answers changed");
		List<String> fits = changes.fit()
			.stream()
			.filter((fit) -> fit.before() != fit.after())
			.map((fit) -> name(models, fit.model()) + " fit " + fit.before() + " → " + fit.after())
			.toList();
		text.append("; ").append(fits.isEmpty() ? "every fit as before" : String.join(", ", fits));
		Why why = changes.why();
		if (MOVED.equals(why.outcome())) {
			text.append("; recommendation moved from ")
				.append(name(models, why.from()))
				.append(" to ")
				.append(name(models, why.to()));
			List<String> reasons = why.drivers()
				.stream()
				.filter((driver) -> driver.shift() > 0)
				.limit(3)
				.map((driver) -> sentence(driver))
				.toList();
			if (!reasons.isEmpty()) {
				text.append(" because ").append(String.join(" ", reasons));
			}
		}
		else {
			text.append("; recommendation held at ")
				.append(name(models, why.to()))
				.append(" (ahead of ")
				.append(name(models, why.contender()))
				.append(" by ")
				.append(why.gapBefore())
				.append(" → ")
				.append(why.gapAfter())
				.append(" points)");
		}
		if (changes.rulesChanged()) {
			text.append("; scored with rules v")
				.append(changes.rulesBefore())
				.append(" then v")
				.append(changes.rulesAfter());
		}
		return text.toString();
	}

	private static String sentence(Driver driver) {
		String change = APPEARED.equals(driver.change()) ? "now" : "no longer";
		return "(" + change + ") " + driver.reason();
	}

	private static String name(Map<String, String> models, String model) {
		return models.getOrDefault(model, model);
	}

	/**
	 * How far a changed factor moved {@code to} against {@code contender}: its fit effect
	 * on the one minus that on the other, counted against when it disappeared.
	 */
	private static Driver driver(FactorChange factor, String change, int sign, String to, String contender) {
		int shift = sign * (factor.fitEffects().getOrDefault(to, 0) - factor.fitEffects().getOrDefault(contender, 0));
		return new Driver(factor.code(), factor.reason(), change, shift);
	}

	private static String runnerUp(Map<String, Integer> fit, String recommendation) {
		return Model.ALL.stream()
			.filter((model) -> !model.equals(recommendation))
			.max(Comparator.comparingInt((String model) -> fit.get(model))
				.thenComparing(Comparator.comparingInt(Model.ALL::indexOf).reversed()))
			.orElseThrow();
	}

	private static Map<String, Integer> fit(JsonNode result) {
		Map<String, Integer> fit = new LinkedHashMap<>();
		for (String model : Model.ALL) {
			fit.put(model, result.path("fit").path(model).asInt(0));
		}
		return fit;
	}

	private static Map<String, JsonNode> factors(JsonNode result) {
		Map<String, JsonNode> factors = new LinkedHashMap<>();
		for (JsonNode factor : result.path("factors")) {
			factors.putIfAbsent(factor.path("code").asString(), factor);
		}
		return factors;
	}

	private static List<FactorChange> onlyIn(Map<String, JsonNode> these, Map<String, JsonNode> others) {
		List<FactorChange> changes = new ArrayList<>();
		these.forEach((code, factor) -> {
			if (!others.containsKey(code)) {
				Map<String, Integer> effects = new LinkedHashMap<>();
				factor.path("fitEffects").properties().forEach((e) -> effects.put(e.getKey(), e.getValue().asInt()));
				changes.add(new FactorChange(code, factor.path("reason").asString(null),
						factor.path("model").asString(null), factor.path("guideAnchor").asString(null), effects));
			}
		});
		return List.copyOf(changes);
	}

	private static Map<String, List<String>> answers(JsonNode result) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		result.path("answers").properties().forEach((entry) -> {
			List<String> codes = new ArrayList<>();
			if (entry.getValue().isArray()) {
				entry.getValue().forEach((code) -> codes.add(code.asString()));
			}
			else if (!entry.getValue().isNull()) {
				codes.add(entry.getValue().asString());
			}
			answers.put(entry.getKey(), codes);
		});
		return answers;
	}

	private static List<AnswerChange> answers(Map<String, List<String>> before, Map<String, List<String>> after,
			Optional<Questionnaire> questionnaire) {
		Set<String> ids = new LinkedHashSet<>();
		questionnaire.ifPresent((q) -> q.questions().forEach((question) -> ids.add(question.id())));
		ids.addAll(new TreeSet<>(before.keySet()));
		ids.addAll(new TreeSet<>(after.keySet()));
		List<AnswerChange> changes = new ArrayList<>();
		for (String id : ids) {
			List<String> was = before.getOrDefault(id, List.of());
			List<String> now = after.getOrDefault(id, List.of());
			if (new TreeSet<>(was).equals(new TreeSet<>(now))) {
				continue;
			}
			Optional<Question> question = questionnaire.flatMap((q) -> q.question(id));
			changes.add(new AnswerChange(id, question.map(Question::label).orElse(id), choices(question, was),
					choices(question, now)));
		}
		return List.copyOf(changes);
	}

	private static List<Choice> choices(Optional<Question> question, List<String> codes) {
		return codes.stream()
			.map((code) -> new Choice(code, question.flatMap((q) -> q.optionLabel(code)).orElse(code)))
			.toList();
	}

	private static UUID uuid(JsonNode node) {
		try {
			return node.isString() ? UUID.fromString(node.asString()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * @param from the result the retake started from
	 * @param rulesBefore the rules version {@code from} was scored with
	 * @param rulesAfter the rules version the retake was scored with
	 * @param rulesChanged whether the two differ (then part of a change comes from the
	 * rules, not the answers)
	 * @param answers every question answered differently, in questionnaire order
	 * @param fit each model's fit before and after
	 * @param recommendationBefore the recommendation of {@code from}
	 * @param recommendation the recommendation now
	 * @param appeared factors that apply now and did not before
	 * @param disappeared factors that applied before and do not now
	 * @param why why the recommendation moved or held
	 */
	public record Changes(UUID from, int rulesBefore, int rulesAfter, boolean rulesChanged, List<AnswerChange> answers,
			List<FitChange> fit, String recommendationBefore, String recommendation, List<FactorChange> appeared,
			List<FactorChange> disappeared, Why why) {
	}

	public record AnswerChange(String question, String label, List<Choice> before, List<Choice> after) {
	}

	public record Choice(String code, String label) {
	}

	public record FitChange(String model, int before, int after) {

		public int change() {
			return this.after - this.before;
		}

	}

	/**
	 * @param fitEffects how many fit points it moves each model it touches
	 */
	public record FactorChange(String code, String reason, String model, String guideAnchor,
			Map<String, Integer> fitEffects) {
	}

	/**
	 * @param outcome {@link #MOVED} or {@link #HELD}
	 * @param from the recommendation before
	 * @param to the recommendation now
	 * @param contender the model {@code to} is measured against: the one it replaced, or,
	 * when it held, the runner-up now
	 * @param gapBefore the fit of {@code to} minus that of {@code contender}, before
	 * @param gapAfter the same, now
	 * @param drivers the factors that appeared or disappeared and moved that gap, largest
	 * first; {@code shift} is how many fit points each moved it towards {@code to}
	 * (negative: towards {@code contender})
	 */
	public record Why(String outcome, String from, String to, String contender, int gapBefore, int gapAfter,
			List<Driver> drivers) {
	}

	public record Driver(String code, String reason, String change, int shift) {

		public Driver {
			Objects.requireNonNull(change);
		}

	}

}
