package com.northbeam.assessment.submission;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.cost.CostInputs;
import com.northbeam.assessment.cost.Costs;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.scoring.Scoring;
import com.northbeam.assessment.scoring.ScoringRules;
import com.northbeam.assessment.submission.ResultRepository.StoredSubmission;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * A stored submission's answers for features that add to them: a colleague's answers to
 * the technical questions turn the submission's answers into the company's, and its
 * newest result is scored again from them.
 */
@Component
public class SubmissionAnswers {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final SubmissionRepository submissions;

	private final ResultRepository results;

	private final Scoring scoring;

	private final Costs costs;

	private final ObjectMapper json;

	SubmissionAnswers(SubmissionRepository submissions, ResultRepository results, Scoring scoring, Costs costs,
			ObjectMapper json) {
		this.submissions = submissions;
		this.results = results;
		this.scoring = scoring;
		this.costs = costs;
		this.json = json;
	}

	/**
	 * A submission's answers and whether its contact details (and so its consent) were
	 * given.
	 */
	public record Stored(int questionnaireVersion, Map<String, List<String>> answers, boolean contactGiven) {
	}

	public Optional<Stored> find(UUID id) {
		Optional<SubmissionRepository.ContactTarget> target = this.submissions.findContactTarget(id);
		return target.flatMap((found) -> this.results.findForRescoring(id)
			.map((stored) -> new Stored(stored.questionnaireVersion(), this.json.readValue(stored.answers(), ANSWERS),
					found.contactGiven())));
	}

	/** The newest result's recommendation and priority before and after a change. */
	public record Change(String fromRecommendation, int fromPriority, String recommendation, int priority) {
	}

	/**
	 * Replaces a submission's answers, in the caller's transaction, and scores its newest
	 * result again from them with the same rules version and the newest prices. The
	 * result is replaced rather than added: results are kept per rules version, and the
	 * answers it was made from are the submission's again.
	 */
	public Change replace(UUID id, Answers answers, Instant at) {
		Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
				"Answers are replaced in the caller's transaction");
		StoredSubmission stored = this.submissions.lock(id)
			.flatMap((locked) -> this.results.findForRescoring(id))
			.orElseThrow(() -> new IllegalStateException("There is no submission " + id));
		SubmissionRepository.NewestScore before = this.submissions.findNewestScore(id).orElseThrow();
		ScoringRules rules = this.scoring.rules(stored.newestRulesVersion())
			.orElseThrow(() -> new IllegalStateException("Rules version " + stored.newestRulesVersion() + " is gone"));
		CostInputs inputs = (stored.costs() != null) ? this.json.readValue(stored.costs(), CostInputs.class)
				: CostInputs.NONE;
		Score score = this.scoring.score(rules, answers);
		CostComparison cost = this.costs.compare(answers, inputs);
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		String body = this.json
			.writeValueAsString(SubmissionResult.of(id, answers, score, cost, stored.createdAt(), now));
		this.submissions.replaceAnswers(id, this.json.writeValueAsString(answers.values()));
		this.results.replace(id, score, cost, body, now);
		return new Change(before.recommendation(), before.priority(), score.recommendation(), score.priority().score());
	}

}
