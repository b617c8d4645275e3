package com.northbeam.assessment.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.scoring.ScoringDraftRepository.StoredDraft;
import com.northbeam.assessment.scoring.ScoringRules.Rule;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scoring workbench: admins read the published rules, edit drafts of the next
 * version, try a draft against the golden personas and every stored submission, and
 * publish it. Every call is audited.
 */
@Service
class ScoringWorkbench {

	static final String READ = "scoring.read";

	static final String DRAFT_CREATED = "scoring.draft-created";

	static final String DRAFT_SAVED = "scoring.draft-saved";

	static final String DRAFT_TRIED = "scoring.draft-tried";

	static final String PUBLISHED = "scoring.published";

	static final int BATCH_SIZE = 5000;

	private final Scoring scoring;

	private final ScoringDraftRepository drafts;

	private final StoredAnswers storedAnswers;

	private final LeadReferences leadReferences;

	private final Audit audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final GoldenPersonas personas;

	ScoringWorkbench(Scoring scoring, ScoringDraftRepository drafts, StoredAnswers storedAnswers,
			LeadReferences leadReferences, Audit audit, ObjectMapper json, Clock clock,
			TransactionTemplate transactions) {
		this.scoring = scoring;
		this.drafts = drafts;
		this.storedAnswers = storedAnswers;
		this.leadReferences = leadReferences;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.personas = GoldenPersonas.load(json, scoring.currentQuestionnaire());
	}

	PublishedRules published(String actor) {
		ScoringRules rules = this.scoring.published();
		this.audit.recordRead(actor, READ, null, "published version " + rules.version());
		PublishedVersion meta = this.scoring.publishedVersions()
			.stream()
			.filter((version) -> version.version() == rules.version())
			.findFirst()
			.orElseThrow();
		return new PublishedRules(meta, rules, GuideAnchors.ALL.stream().sorted().toList());
	}

	List<PublishedVersion> versions(String actor) {
		this.audit.recordRead(actor, READ, null, "versions");
		return this.scoring.publishedVersions();
	}

	ScoringRules version(int version, String actor) {
		this.audit.recordRead(actor, READ, null, "version " + version);
		return this.scoring.rules(version)
			.orElseThrow(() -> new NotFoundException("There is no rules version " + version));
	}

	DecisionMap decisionMap(Integer version, String actor) {
		ScoringRules rules = (version != null)
				? this.scoring.rules(version)
					.orElseThrow(() -> new NotFoundException("There is no rules version " + version))
				: this.scoring.published();
		this.audit.recordRead(actor, READ, null, "decision map of version " + rules.version());
		return DecisionMap.of(rules, this.scoring.questionnaire(rules));
	}

	List<GoldenPersonas.Persona> personas(String actor) {
		this.audit.recordRead(actor, READ, null, "golden personas");
		return this.personas.all();
	}

	Draft createDraft(String actor) {
		ScoringRules published = this.scoring.published();
		Instant now = this.clock.instant();
		long id = this.transactions.execute((tx) -> {
			long created = this.drafts.insert(published.version(), published.questionnaireVersion(),
					this.json.writeValueAsString(published.withVersion(0)), actor, now);
			this.audit.record(actor, DRAFT_CREATED, null, "draft " + created + " from version " + published.version());
			return created;
		});
		return draft(id);
	}

	List<Draft> drafts(String actor, int limit) {
		this.audit.recordRead(actor, READ, null, "drafts");
		return this.drafts.findAll(limit).stream().map(this::view).toList();
	}

	Draft draft(long id, String actor) {
		this.audit.recordRead(actor, READ, null, "draft " + id);
		return draft(id);
	}

	private Draft draft(long id) {
		return this.drafts.find(id).map(this::view).orElseThrow(() -> new NotFoundException("There is no draft " + id));
	}

	/** Replaces a draft's definition, if it is valid and based on the newest revision. */
	Draft saveDraft(long id, int revision, ScoringRules definition, String actor) {
		StoredDraft stored = open(id);
		ScoringRules checked = checked(
				new ScoringRules(0, stored.questionnaireVersion(), definition.models(), definition.baseline(),
						definition.scale(), definition.confidence(), definition.priority(), definition.rules()),
				"definition.");
		save(stored, revision, checked, actor, "definition");
		return draft(id);
	}

	/** Replaces (or adds) the rule with the given code in a draft. */
	Draft saveRule(long id, String code, int revision, Rule rule, String actor) {
		StoredDraft stored = open(id);
		ScoringRules current = this.json.readValue(stored.definition(), ScoringRules.class);
		if (rule == null || !code.equals(rule.code())) {
			throw InvalidInputException.of("rule.code", "must be the code in the path (" + code + ")");
		}
		List<Rule> rules = new ArrayList<>(current.rules());
		int index = -1;
		for (int i = 0; i < rules.size(); i++) {
			if (rules.get(i).code().equals(code)) {
				index = i;
			}
		}
		if (index >= 0) {
			rules.set(index, rule);
		}
		else {
			rules.add(rule);
			index = rules.size() - 1;
		}
		String at = "rules[" + index + "]";
		List<FieldError> errors = RulesCheck.check(current.withRules(rules), this.scoring.questionnaire(current), "")
			.stream()
			.filter((error) -> error.field().startsWith(at))
			.map((error) -> new FieldError("rule" + error.field().substring(at.length()), error.message()))
			.toList();
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		save(stored, revision, current.withRules(rules), actor, "rule " + code);
		return draft(id);
	}

	private void save(StoredDraft stored, int revision, ScoringRules definition, String actor, String what) {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((tx) -> {
			if (!this.drafts.update(stored.id(), revision, this.json.writeValueAsString(definition), actor, now)) {
				throw stale(stored.id());
			}
			this.audit.record(actor, DRAFT_SAVED, null,
					"draft " + stored.id() + " revision " + (revision + 1) + ": " + what);
		});
	}

	TrialRun trial(long id, int limit, String actor) {
		long started = System.nanoTime();
		StoredDraft stored = find(id);
		ScoringRules draft = this.json.readValue(stored.definition(), ScoringRules.class);
		ScoringRules published = this.scoring.newest(stored.questionnaireVersion());
		List<GoldenPersonas.Result> results = this.personas.run(draft, published);
		int passed = (int) results.stream().filter(GoldenPersonas.Result::passed).count();
		TrialRun.Tally tally = new TrialRun.Tally(draft, this.leadReferences, limit);
		this.storedAnswers.forEachBatch(BATCH_SIZE, tally::add);
		TrialRun.Submissions submissions = tally.result();
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		this.audit.record(actor, DRAFT_TRIED, null,
				"draft " + id + " revision " + stored.revision() + " against version " + published.version()
						+ ": personas " + passed + "/" + results.size() + ", " + submissions.changed() + " of "
						+ submissions.scored() + " results would change");
		return new TrialRun(id, stored.revision(), published.version(), results, passed, results.size() - passed,
				submissions, elapsed);
	}

	/**
	 * Publishes a draft as the next rules version. When golden personas fail, a reason is
	 * required and kept in the audit trail and with the version.
	 */
	PublishedVersion publish(long id, int revision, String reason, String actor) {
		StoredDraft stored = open(id);
		if (stored.revision() != revision) {
			throw stale(id);
		}
		ScoringRules draft = checked(this.json.readValue(stored.definition(), ScoringRules.class), "definition.");
		List<GoldenPersonas.Result> failed = this.personas.run(draft, draft)
			.stream()
			.filter((result) -> !result.passed())
			.toList();
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (!failed.isEmpty() && why == null) {
			throw InvalidInputException.of("reason",
					"is required: " + failed.size() + " golden persona(s) fail ("
							+ String.join("; ", failed.stream().map(GoldenPersonas.Result::name).toList())
							+ "); say why this version should be published anyway");
		}
		Instant now = this.clock.instant();
		ScoringRules published;
		try {
			published = this.transactions.execute((tx) -> {
				ScoringRules next = this.scoring.publishNext(draft, actor, (failed.isEmpty() ? null : why), now);
				if (!this.drafts.markPublished(id, revision, next.version(), actor, now)) {
					throw stale(id);
				}
				this.audit.record(actor, PUBLISHED, null,
						"version " + next.version() + " from draft " + id + " revision " + revision
								+ (failed.isEmpty() ? ", all golden personas pass"
										: ", " + failed.size() + " golden persona(s) fail; reason: " + why));
				return next;
			});
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Another version was published at the same moment; try again",
					List.of(new FieldError("revision", "could not be published now")));
		}
		this.scoring.remember(published);
		return new PublishedVersion(published.version(), published.questionnaireVersion(), now, actor,
				failed.isEmpty() ? null : why);
	}

	DecisionMap draftDecisionMap(long id, String actor) {
		StoredDraft stored = find(id);
		this.audit.recordRead(actor, READ, null, "decision map of draft " + id);
		ScoringRules draft = this.json.readValue(stored.definition(), ScoringRules.class);
		return DecisionMap.of(draft, this.scoring.questionnaire(draft));
	}

	private ScoringRules checked(ScoringRules definition, String prefix) {
		List<FieldError> errors = RulesCheck.check(definition, this.scoring.questionnaire(definition), prefix);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return definition;
	}

	private StoredDraft find(long id) {
		return this.drafts.find(id).orElseThrow(() -> new NotFoundException("There is no draft " + id));
	}

	private StoredDraft open(long id) {
		StoredDraft stored = find(id);
		if (stored.publishedVersion() != null) {
			throw new ConflictException("Draft " + id + " was published as version " + stored.publishedVersion(),
					List.of(new FieldError("id", "is published and can no longer change")));
		}
		return stored;
	}

	private static ConflictException stale(long id) {
		return new ConflictException("Draft " + id + " was changed meanwhile; reload it",
				List.of(new FieldError("revision", "is not the newest revision")));
	}

	private Draft view(StoredDraft stored) {
		return new Draft(stored.id(), stored.revision(), stored.basedOnVersion(), stored.questionnaireVersion(),
				this.json.readValue(stored.definition(), ScoringRules.class), stored.createdAt(), stored.createdBy(),
				stored.updatedAt(), stored.updatedBy(), stored.publishedVersion());
	}

	/**
	 * @param version when and by whom it was published
	 * @param definition its models, baseline, scale, confidence, priority and rules (with
	 * their effects, conditions, wording and guide anchors)
	 * @param guideAnchors every guide anchor a rule may name
	 */
	record PublishedRules(PublishedVersion version, ScoringRules definition, List<String> guideAnchors) {
	}

	/**
	 * @param id the draft
	 * @param revision its revision; a save must name it and bumps it
	 * @param basedOnVersion the published version it was copied from
	 * @param questionnaireVersion the questionnaire version its rules read
	 * @param definition its rules ({@code version} is 0 until published)
	 * @param publishedVersion the version it became, once published
	 */
	record Draft(long id, int revision, int basedOnVersion, int questionnaireVersion, ScoringRules definition,
			Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Integer publishedVersion) {
	}

}
