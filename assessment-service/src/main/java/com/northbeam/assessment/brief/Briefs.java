package com.northbeam.assessment.brief;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import com.northbeam.assessment.brief.CallPrepEngine.Facts;
import com.northbeam.assessment.brief.CallPrepEngine.Signal;
import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.scoring.Model;
import com.northbeam.assessment.scoring.Scoring;
import com.northbeam.assessment.scoring.ScoringRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The brief feature's face: the call-prep brief and the responsibility matrix of a stored
 * result, derived by the newest rules versions kept as data ({@code brief/*.json},
 * checked at start-up), and, for a lead, the matrix with the edits sales made.
 */
@Component
public class Briefs {

	static final String CALL_PREP_LOCATION = "classpath*:brief/call-prep-v*.json";

	static final String RESPONSIBILITY_LOCATION = "classpath*:brief/responsibility-v*.json";

	private final CallPrepRules callPrep;

	private final ResponsibilityRules responsibility;

	private final Questionnaires questionnaires;

	private final IntFunction<Optional<ScoringRules>> scoringRules;

	private final ResponsibilityEditRepository edits;

	private final ObjectMapper json;

	@Autowired
	Briefs(Questionnaires questionnaires, Scoring scoring, ResponsibilityEditRepository edits, ObjectMapper json) {
		this(questionnaires, scoring::rules, edits, json);
	}

	/**
	 * @param scoringRules a scoring rules version by its number (to name the answers
	 * behind a result's factors)
	 */
	Briefs(Questionnaires questionnaires, IntFunction<Optional<ScoringRules>> scoringRules,
			ResponsibilityEditRepository edits, ObjectMapper json) {
		this.questionnaires = questionnaires;
		this.scoringRules = scoringRules;
		this.edits = edits;
		this.json = json;
		Questionnaire current = questionnaires.current();
		this.callPrep = newest(load(CALL_PREP_LOCATION, CallPrepRules.class, json), CallPrepRules::version);
		this.responsibility = newest(load(RESPONSIBILITY_LOCATION, ResponsibilityRules.class, json),
				ResponsibilityRules::version);
		BriefRulesCheck.check(this.callPrep, current);
		BriefRulesCheck.check(this.responsibility, current);
	}

	static <T> List<T> load(String location, Class<T> type, ObjectMapper json) {
		List<T> loaded = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
				try (InputStream in = resource.getInputStream()) {
					loaded.add(json.readValue(in, type));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return loaded;
	}

	private static <T> T newest(List<T> versions, java.util.function.ToIntFunction<T> version) {
		return versions.stream()
			.max(Comparator.comparingInt(version))
			.orElseThrow(() -> new IllegalStateException("No brief rules are shipped"));
	}

	ResponsibilityRules responsibilityRules() {
		return this.responsibility;
	}

	/** The call-prep brief of a stored result, empty when it holds no recommendation. */
	public Optional<CallPrep> callPrep(String storedResult) {
		return facts(storedResult).map((facts) -> CallPrepEngine.derive(this.callPrep, facts, labels(facts.answers())));
	}

	/** The proposed matrix of a stored result (as the prospect sees it). */
	public Optional<Responsibility> proposal(String storedResult) {
		return facts(storedResult).map(this::proposal);
	}

	/**
	 * The proposed matrix of a result just computed, from its answers and recommendation,
	 * as {@link #proposal(String)} derives it from the stored result (without reading the
	 * stored result back).
	 */
	public Optional<Responsibility> proposal(Answers answers, String recommendation) {
		if (recommendation == null || !Model.ALL.contains(recommendation)) {
			return Optional.empty();
		}
		return Optional.of(ResponsibilityEngine.propose(this.responsibility, answers, recommendation, labels(answers)));
	}

	private Responsibility proposal(Facts facts) {
		return ResponsibilityEngine.propose(this.responsibility, facts.answers(), facts.recommendation(),
				labels(facts.answers()));
	}

	/**
	 * Erases what sales wrote about a lead on its matrix, as part of erasing the lead's
	 * personal data (in the caller's transaction).
	 */
	public void eraseNotes(UUID leadId) {
		this.edits.eraseNotes(leadId);
	}

	/** A lead's matrix: the proposal with the newest edit of each cell beside it. */
	public Optional<Responsibility> responsibility(UUID leadId, String storedResult) {
		return proposal(storedResult).map((proposal) -> withEdits(proposal, this.edits.current(leadId)));
	}

	static Responsibility withEdits(Responsibility proposal, Map<String, Responsibility.Edit> edits) {
		List<Responsibility.Cell> cells = proposal.cells()
			.stream()
			.map((cell) -> cell.withEdit(edits.get(cell.function())))
			.toList();
		return new Responsibility(proposal.rulesVersion(), proposal.model(), cells, proposal.leadershipKeeps());
	}

	private Optional<Facts> facts(String storedResult) {
		if (storedResult == null || storedResult.isBlank()) {
			return Optional.empty();
		}
		JsonNode root = this.json.readTree(storedResult);
		String recommendation = root.path("recommendation").asString(null);
		if (recommendation == null || !Model.ALL.contains(recommendation) || !root.path("answers").isObject()) {
			return Optional.empty();
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> answer : root.path("answers").properties()) {
			values.put(answer.getKey(), answer.getValue().valueStream().map((code) -> code.asString()).toList());
		}
		Answers answers = new Answers(root.path("questionnaireVersion").asInt(1), values);
		Optional<ScoringRules> scoring = root.has("rulesVersion")
				? this.scoringRules.apply(root.path("rulesVersion").asInt()) : Optional.empty();
		Map<String, List<When>> conditions = scoring.map(Briefs::conditions).orElse(Map.of());
		String recommendationName = scoring.map((rules) -> rules.models().get(recommendation)).orElse(recommendation);
		List<Signal> factors = new ArrayList<>();
		for (JsonNode factor : root.path("factors")) {
			String direction = factor.path("direction").asString(null);
			boolean speaksFor = (direction != null) ? "for".equals(direction)
					: recommendation.equals(factor.path("model").asString(null));
			int points = factor.has("fitDelta") ? factor.path("fitDelta").asInt() : factor.path("weight").asInt();
			if (speaksFor && points > 0) {
				factors.add(signal(factor, points, conditions));
			}
		}
		List<Signal> urgency = new ArrayList<>();
		for (JsonNode factor : root.path("priority").path("factors")) {
			if (factor.path("urgency").asInt() > 0) {
				urgency.add(signal(factor, factor.path("urgency").asInt(), conditions));
			}
		}
		return Optional
			.of(new Facts(answers, recommendation, recommendationName, factors, urgency, cost(root.path("cost"))));
	}

	private static Signal signal(JsonNode factor, int points, Map<String, List<When>> conditions) {
		String code = factor.path("code").asString();
		return new Signal(code, points, factor.path("reason").asString(""), factor.path("guideAnchor").asString(null),
				conditions.getOrDefault(code, List.of()));
	}

	/** The conditions of every scoring rule, by the rule's code (its factors' code). */
	private static Map<String, List<When>> conditions(ScoringRules rules) {
		Map<String, List<When>> conditions = new LinkedHashMap<>();
		for (ScoringRules.Rule rule : rules.rules()) {
			conditions.put(rule.code(),
					rule.when()
						.stream()
						.map((condition) -> new When(condition.question(), condition.anyOf(), condition.atLeast()))
						.toList());
		}
		return conditions;
	}

	private CostComparison cost(JsonNode node) {
		if (!node.isObject()) {
			return null;
		}
		try {
			return this.json.treeToValue(node, CostComparison.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private When.Labels labels(Answers of) {
		Optional<Questionnaire> questionnaire = this.questionnaires.version(of.questionnaireVersion());
		return (question, codes) -> {
			Optional<Questionnaire.Question> asked = questionnaire.flatMap((q) -> q.question(question));
			String label = asked.map(Questionnaire.Question::label).orElse(question);
			List<String> answers = codes.stream()
				.map((code) -> asked.flatMap((q) -> q.optionLabel(code)).orElse(code))
				.toList();
			// A label that asks its question is answered after its question mark.
			return label + (label.endsWith("?") ? " " : ": ") + String.join(", ", answers);
		};
	}

}
