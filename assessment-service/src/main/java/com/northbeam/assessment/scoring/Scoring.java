package com.northbeam.assessment.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.system.AssessmentProperties;
import com.northbeam.assessment.system.FieldError;
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
 * longer be explained. Versions published from the scoring workbench live only in the
 * database: each replica asks for the newest version number at most once a second
 * ({@link #REFRESH_NANOS}) and reads versions it does not know yet, so a new version is
 * used for new submissions on every replica within about a second, without a restart.
 */
@Component
public class Scoring {

	static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ConcurrentSkipListMap<Integer, ScoringRules> versions = new ConcurrentSkipListMap<>();

	private final AtomicLong checkedAt = new AtomicLong(System.nanoTime() - REFRESH_NANOS);

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
		verify(rules, questionnaire(rules));
		ScoringRules known = this.versions.get(rules.version());
		if (known == null) {
			known = this.repository.findDefinition(rules.version())
				.map((definition) -> this.json.readValue(definition, ScoringRules.class))
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

	/**
	 * Stores checked rules as the next version number, published by {@code actor}; used
	 * at once by this replica and within about a second by the others.
	 * @throws org.springframework.dao.DuplicateKeyException when another publication took
	 * that number first
	 */
	ScoringRules publishNext(ScoringRules definition, String actor, String reason, Instant at) {
		ScoringRules rules = definition.withVersion(this.repository.newestVersion() + 1);
		this.repository.insert(rules.version(), rules.questionnaireVersion(), this.json.writeValueAsString(rules), at,
				actor, reason);
		return rules;
	}

	/** Makes a version this replica has just published known to it at once. */
	void remember(ScoringRules rules) {
		this.versions.put(rules.version(), rules);
	}

	public Optional<ScoringRules> rules(int version) {
		ScoringRules known = this.versions.get(version);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<ScoringRules> stored = this.repository.findDefinition(version)
			.map((definition) -> this.json.readValue(definition, ScoringRules.class));
		stored.ifPresent((rules) -> this.versions.putIfAbsent(rules.version(), rules));
		return stored;
	}

	/** The newest rules version written for the given questionnaire version. */
	public ScoringRules newest(int questionnaireVersion) {
		refresh();
		return this.versions.descendingMap()
			.values()
			.stream()
			.filter((rules) -> rules.questionnaireVersion() == questionnaireVersion)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No scoring rules are published for questionnaire version " + questionnaireVersion));
	}

	/** The newest rules for the current questionnaire: what the workbench edits. */
	ScoringRules published() {
		return newest(this.questionnaires.current().version());
	}

	List<PublishedVersion> publishedVersions() {
		return this.repository.findAllVersions();
	}

	/** The questionnaire versions that have rules, oldest first. */
	public List<Integer> questionnaireVersions() {
		refresh();
		return this.versions.values().stream().map(ScoringRules::questionnaireVersion).distinct().sorted().toList();
	}

	/** Scores answers with the newest rules for their questionnaire version. */
	public Score score(Answers answers) {
		return score(newest(answers.questionnaireVersion()), answers);
	}

	/**
	 * Scores answers with the given rules, saying for a close call which answers would
	 * tip it.
	 */
	public Score score(ScoringRules rules, Answers answers) {
		return ScoringEngine.score(rules, answers, questionnaire(rules));
	}

	Questionnaire questionnaire(ScoringRules rules) {
		return this.questionnaires.version(rules.questionnaireVersion())
			.orElseThrow(() -> new IllegalStateException("Rules version " + rules.version()
					+ " reads unknown questionnaire version " + rules.questionnaireVersion()));
	}

	Questionnaire currentQuestionnaire() {
		return this.questionnaires.current();
	}

	/**
	 * Reads versions published elsewhere, asking the database at most once per
	 * {@link #REFRESH_NANOS}.
	 */
	private void refresh() {
		long now = System.nanoTime();
		long last = this.checkedAt.get();
		if (now - last < REFRESH_NANOS || !this.checkedAt.compareAndSet(last, now)) {
			return;
		}
		int known = this.versions.isEmpty() ? 0 : this.versions.lastKey();
		if (this.repository.newestVersion() > known) {
			for (String definition : this.repository.findDefinitionsAfter(known)) {
				ScoringRules rules = this.json.readValue(definition, ScoringRules.class);
				this.versions.putIfAbsent(rules.version(), rules);
			}
		}
	}

	static void verify(ScoringRules rules, Questionnaire questionnaire) {
		List<FieldError> errors = new ArrayList<>();
		if (rules.version() <= 0) {
			errors.add(new FieldError("version", "version must be positive"));
		}
		errors.addAll(RulesCheck.check(rules, questionnaire, ""));
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Rules version " + rules.version() + ": " + RulesCheck.describe(errors));
		}
	}

	Map<Integer, ScoringRules> all() {
		return Map.copyOf(this.versions);
	}

}
