package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The gateway's view of assessment-service's scoring workbench: the published rules, the
 * decision map, drafts, trial runs and publishing, and the rescoring of one stored
 * submission with the newest rules. Every call carries a token issued for the signed-in
 * admin; refusals become {@link AdminRejectedException} (every problem named),
 * {@link AdminConflictException} (a stale revision) or {@link AdminNotFoundException}.
 */
@Component
public class ScoringWorkbenchClient {

	/** How many leads a trial run lists at most. */
	static final int TRIAL_LEADS = 200;

	private final ScoringApi scoring;

	ScoringWorkbenchClient(ScoringApi scoring) {
		this.scoring = scoring;
	}

	public PublishedRules published(StaffCaller caller) {
		return Refusals.ADMIN.answer("published scoring rules", () -> scoring.published(Caller.of(caller)));
	}

	/** Every published version, newest first. */
	public List<PublishedVersion> versions(StaffCaller caller) {
		return List.copyOf(Refusals.ADMIN.answer("rules versions", () -> scoring.versions(Caller.of(caller))));
	}

	public DecisionMap decisionMap(StaffCaller caller) {
		return Refusals.ADMIN.answer("decision map", () -> scoring.decisionMap(Caller.of(caller)));
	}

	/** Drafts, newest first. */
	public List<Draft> drafts(StaffCaller caller, int limit) {
		return List.copyOf(Refusals.ADMIN.answer("drafts", () -> scoring.drafts(Caller.of(caller), limit)));
	}

	public Draft draft(StaffCaller caller, long id) {
		return Refusals.ADMIN.answer("draft " + id, () -> scoring.draft(Caller.of(caller), id));
	}

	public DecisionMap draftDecisionMap(StaffCaller caller, long id) {
		return Refusals.ADMIN.answer("draft " + id, () -> scoring.draftDecisionMap(Caller.of(caller), id));
	}

	/** A new draft, copied from the published version. */
	public Draft createDraft(StaffCaller caller) {
		return Refusals.ADMIN.answer("a new draft", () -> scoring.createDraft(Caller.of(caller)));
	}

	/**
	 * Replaces a draft's whole definition, refused with a conflict unless
	 * {@code revision} is the draft's newest.
	 */
	public Draft saveDraft(StaffCaller caller, long id, int revision, JsonNode definition) {
		return Refusals.ADMIN.answer("draft " + id,
				() -> scoring.saveDraft(Caller.of(caller), id, new SaveDraft(revision, definition)));
	}

	/** Replaces (or adds) one rule of a draft. */
	public Draft saveRule(StaffCaller caller, long id, int revision, Rule rule) {
		return Refusals.ADMIN.answer("draft " + id,
				() -> scoring.saveRule(Caller.of(caller), id, rule.code(), new SaveRule(revision, rule)));
	}

	/** Runs a draft over the golden personas and every stored submission. */
	public TrialRun trial(StaffCaller caller, long id) {
		return Refusals.ADMIN.answer("draft " + id, () -> scoring.trial(Caller.of(caller), id, TRIAL_LEADS));
	}

	/**
	 * Publishes a draft as the next version; {@code reason} is required when golden
	 * personas fail.
	 */
	public PublishedVersion publish(StaffCaller caller, long id, int revision, String reason) {
		return Refusals.ADMIN.answer("draft " + id,
				() -> scoring.publish(Caller.of(caller), id, new Publish(revision, reason)));
	}

	/**
	 * Scores a stored submission again with the newest rules (nothing changes when its
	 * newest result already used them).
	 */
	public SubmissionResult rescore(StaffCaller caller, UUID submissionId) {
		return Refusals.ADMIN.answer("submission " + submissionId,
				() -> scoring.rescore(Caller.of(caller), submissionId));
	}

	/** Every result the submission had, as the service lists them. */
	public List<SubmissionResult> results(StaffCaller caller, UUID submissionId) {
		return List.copyOf(Refusals.ADMIN.answer("submission " + submissionId,
				() -> scoring.results(Caller.of(caller), submissionId)));
	}

	/**
	 * @param publishedBy {@code null} for a version shipped with the service
	 * @param publishReason why it was published although golden personas failed
	 */
	public record PublishedVersion(int version, int questionnaireVersion, Instant publishedAt, String publishedBy,
			String publishReason) {
	}

	/** The published version, its definition and every guide anchor a rule may name. */
	public record PublishedRules(PublishedVersion version, Definition definition, List<String> guideAnchors) {

		public PublishedRules {
			guideAnchors = (guideAnchors != null) ? List.copyOf(guideAnchors) : List.of();
		}

	}

	/**
	 * A rules definition; {@code confidence} and {@code priority} pass through as the
	 * service wrote them.
	 */
	public record Definition(int version, int questionnaireVersion, Map<String, String> models,
			Map<String, Integer> baseline, double scale, JsonNode confidence, JsonNode priority, List<Rule> rules) {

		public Definition {
			models = (models != null) ? models : Map.of();
			baseline = (baseline != null) ? baseline : Map.of();
			rules = (rules != null) ? List.copyOf(rules) : List.of();
		}

		public Rule rule(String code) {
			return rules.stream().filter((rule) -> rule.code().equals(code)).findFirst().orElse(null);
		}

	}

	/**
	 * @param when conditions that must all hold
	 * @param effects raw points per model
	 * @param priority points added to the lead's fit for the MSP and its urgency
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Rule(String code, List<Condition> when, Map<String, Integer> effects, PriorityEffect priority,
			String reason, String because, String guideAnchor) {

		public Rule {
			when = (when != null) ? List.copyOf(when) : List.of();
			effects = (effects != null) ? effects : Map.of();
			priority = (priority != null) ? priority : new PriorityEffect(0, 0);
		}

		public int effect(String model) {
			return effects.getOrDefault(model, 0);
		}

	}

	/**
	 * Holds when at least {@code atLeast} of the codes given to {@code question} are in
	 * {@code anyOf}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Condition(String question, List<String> anyOf, Integer atLeast) {

		public Condition {
			anyOf = (anyOf != null) ? List.copyOf(anyOf) : List.of();
		}

	}

	public record PriorityEffect(int fit, int urgency) {
	}

	/**
	 * @param definition its rules ({@code version} is 0 until published)
	 * @param publishedVersion the version it became, once published
	 */
	public record Draft(long id, int revision, int basedOnVersion, int questionnaireVersion, Definition definition,
			Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Integer publishedVersion) {

		public boolean published() {
			return publishedVersion != null;
		}

	}

	/** Which model wins for each size band, internal IT and pressure level. */
	public record DecisionMap(int rulesVersion, List<Cell> cells) {

		public DecisionMap {
			cells = (cells != null) ? List.copyOf(cells) : List.of();
		}

	}

	/**
	 * @param fitMargin the winner's fit minus the runner-up's
	 * @param rawMargin the same in raw points
	 */
	public record Cell(String employees, String internalIt, String pressure, String recommendation, String runnerUp,
			int fitMargin, int rawMargin, String confidenceLabel) {
	}

	/**
	 * What publishing a draft would do.
	 *
	 * @param comparedWithVersion the published version it is compared with
	 */
	public record TrialRun(long draftId, int revision, int comparedWithVersion, List<PersonaResult> personas,
			int personasPassed, int personasFailed, Submissions submissions, long elapsedMillis) {

		public TrialRun {
			personas = (personas != null) ? List.copyOf(personas) : List.of();
		}

	}

	/**
	 * One golden persona under a draft.
	 *
	 * @param expected the model the guide implies
	 * @param fitChange each model's fit change against the published version
	 * @param before what the published version recommends
	 */
	public record PersonaResult(String name, String expected, String reason, String recommendation, boolean passed,
			Map<String, Integer> fit, Map<String, Integer> fitChange, String confidenceLabel, String before) {

		public PersonaResult {
			fit = (fit != null) ? fit : Map.of();
			fitChange = (fitChange != null) ? fitChange : Map.of();
		}

	}

	/**
	 * How stored submissions would move.
	 *
	 * @param skipped submissions of another questionnaire version
	 * @param moves from each current recommendation (rows) to each draft recommendation
	 * (columns)
	 * @param leads the leads that would change, up to the limit asked for
	 */
	public record Submissions(long scored, long skipped, long changed, Map<String, Map<String, Long>> moves,
			Map<String, Long> before, Map<String, Long> after, long leadsChanged, List<LeadChange> leads,
			boolean leadsTruncated) {

		public Submissions {
			moves = (moves != null) ? moves : Map.of();
			before = (before != null) ? before : Map.of();
			after = (after != null) ? after : Map.of();
			leads = (leads != null) ? List.copyOf(leads) : List.of();
		}

		public long move(String from, String to) {
			return moves.getOrDefault(from, Map.of()).getOrDefault(to, 0L);
		}

	}

	public record LeadChange(UUID leadId, UUID submissionId, String from, String to) {
	}

	record SaveDraft(int revision, JsonNode definition) {
	}

	record SaveRule(int revision, Rule rule) {
	}

	record Publish(int revision, String reason) {
	}

}
