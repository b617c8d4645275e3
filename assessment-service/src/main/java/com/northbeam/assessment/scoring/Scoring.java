package com.northbeam.assessment.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.scoring.ScoringRules.Condition;
import com.northbeam.assessment.scoring.ScoringRules.Rule;
import com.northbeam.assessment.system.AssessmentProperties;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published scoring rules versions and the scoring of answers with them; the scoring
 * feature's face to the rest of the service.
 * <p>
 * At start-up every rules file is read and checked (known questions, codes, models and
 * guide anchors), then pinned in the database. A version already pinned with different
 * content stops the start: a published version must never change, or old results could no
 * longer be explained.
 */
@Component
public class Scoring {

	private final ConcurrentSkipListMap<Integer, ScoringRules> versions = new ConcurrentSkipListMap<>();

	private final Questionnaires questionnaires;

	private final ScoringRulesRepository repository;

	private final ObjectMapper json;

	private final Clock clock;

	Scoring(AssessmentProperties properties, Questionnaires questionnaires, ScoringRulesRepository repository,
			ObjectMapper json, Clock clock) {
		this.questionnaires = questionnaires;
		this.repository = repository;
		this.json = json;
		this.clock = clock;
		for (ScoringRules rules : load(properties.scoring().locations(), json)) {
			publish(rules);
		}
		for (String definition : repository.findAllDefinitions()) {
			ScoringRules pinned = json.readValue(definition, ScoringRules.class);
			this.versions.putIfAbsent(pinned.version(), pinned);
		}
	}

	static List<ScoringRules> load(List<String> locations, ObjectMapper json) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<ScoringRules> definitions = new ArrayList<>();
		try {
			for (String location : locations) {
				for (Resource resource : resolver.getResources(location)) {
					try (InputStream in = resource.getInputStream()) {
						definitions.add(json.readValue(in, ScoringRules.class));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return definitions;
	}

	/**
	 * Checks and pins a rules version. Publishing the same content again is harmless;
	 * different content under a published version number is refused.
	 */
	@Transactional
	public void publish(ScoringRules rules) {
		Questionnaire questionnaire = this.questionnaires.version(rules.questionnaireVersion())
			.orElseThrow(() -> new IllegalStateException("Rules version " + rules.version()
					+ " reads unknown questionnaire version " + rules.questionnaireVersion()));
		verify(rules, questionnaire);
		ScoringRules known = this.versions.get(rules.version());
		if (known == null) {
			known = this.repository.findAllDefinitions()
				.stream()
				.map((definition) -> this.json.readValue(definition, ScoringRules.class))
				.filter((pinned) -> pinned.version() == rules.version())
				.findFirst()
				.orElse(null);
		}
		if (known != null && !known.equals(rules)) {
			throw new IllegalStateException("Rules version " + rules.version()
					+ " differs from the version already published; publish the change as a new version");
		}
		this.repository.insertIfAbsent(rules.version(), rules.questionnaireVersion(),
				this.json.writeValueAsString(rules), this.clock.instant());
		this.versions.put(rules.version(), rules);
	}

	public Optional<ScoringRules> rules(int version) {
		return Optional.ofNullable(this.versions.get(version));
	}

	/** The newest rules version written for the given questionnaire version. */
	public ScoringRules newest(int questionnaireVersion) {
		return this.versions.descendingMap()
			.values()
			.stream()
			.filter((rules) -> rules.questionnaireVersion() == questionnaireVersion)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No scoring rules are published for questionnaire version " + questionnaireVersion));
	}

	/** The questionnaire versions that have rules, oldest first. */
	public List<Integer> questionnaireVersions() {
		return this.versions.values().stream().map(ScoringRules::questionnaireVersion).distinct().sorted().toList();
	}

	/** Scores answers with the newest rules for their questionnaire version. */
	public Score score(Answers answers) {
		return ScoringEngine.score(newest(answers.questionnaireVersion()), answers);
	}

	static void verify(ScoringRules rules, Questionnaire questionnaire) {
		String at = "Rules version " + rules.version() + ": ";
		require(rules.version() > 0, at + "version must be positive");
		require(rules.models().keySet().containsAll(Model.ALL), at + "every model needs a name");
		require(Model.ALL.containsAll(rules.models().keySet()) && Model.ALL.containsAll(rules.baseline().keySet()),
				at + "unknown model");
		require(rules.scale() > 0, at + "scale must be positive");
		require(rules.confidence() != null && rules.confidence().fullAt() > 0 && 0 <= rules.confidence().moderate()
				&& rules.confidence().moderate() <= rules.confidence().clear() && rules.confidence().clear() <= 100,
				at + "confidence bands must be 0 <= moderate <= clear <= 100");
		require(rules.priority() != null && within(rules.priority().fit()) && within(rules.priority().urgency()),
				at + "priority baseline must be 0-100");
		Set<String> codes = new HashSet<>();
		for (Rule rule : rules.rules()) {
			String of = at + "rule " + rule.code() + ": ";
			require(rule.code() != null && !rule.code().isBlank() && codes.add(rule.code()),
					of + "code missing or repeated");
			require(!rule.when().isEmpty(), of + "needs at least one condition");
			for (Condition condition : rule.when()) {
				Question question = questionnaire.question(condition.question())
					.orElseThrow(() -> new IllegalStateException(of + "unknown question " + condition.question()));
				require(!condition.anyOf().isEmpty(), of + "condition on " + question.id() + " lists no codes");
				condition.anyOf()
					.forEach((code) -> require(question.hasOption(code),
							of + "unknown code " + code + " of " + question.id()));
				require(condition.atLeast() >= 1 && condition.atLeast() <= condition.anyOf().size(),
						of + "atLeast must be between 1 and the number of codes");
			}
			require(Model.ALL.containsAll(rule.effects().keySet()), of + "unknown model in effects");
			require(rule.effects().isEmpty() || rule.effects().values().stream().anyMatch((points) -> points > 0),
					of + "must speak for at least one model");
			require(!rule.effects().isEmpty() || rule.priority().fit() != 0 || rule.priority().urgency() != 0,
					of + "has no effect at all");
			require(notBlank(rule.reason()) && notBlank(rule.because()), of + "needs a reason and a summary clause");
			require(GuideAnchors.ALL.contains(rule.guideAnchor()), of + "unknown guide anchor " + rule.guideAnchor());
		}
	}

	Map<Integer, ScoringRules> all() {
		return Map.copyOf(this.versions);
	}

	private static boolean within(int value) {
		return value >= 0 && value <= 100;
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
