package com.northbeam.assessment.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.scoring.Score.Factor;
import com.northbeam.assessment.scoring.Score.Fit;
import com.northbeam.assessment.scoring.Score.LeadPriority;
import com.northbeam.assessment.scoring.Score.Tip;

/**
 * The stored and returned result of a submission: the recommendation with its explanation
 * (with, for a close call, the runner-up and the single answers that would tip it), the
 * lead's priority, the cost comparison and the answers it was made from. It holds no
 * contact details, so it can be shown to whoever knows the submission id. Serialised once
 * when computed and stored as is.
 */
record SubmissionResult(UUID id, int questionnaireVersion, int rulesVersion, String recommendation, Fit fit,
		int confidence, String confidenceLabel, String summary, List<Factor> factors, LeadPriority priority,
		CostComparison cost, Map<String, List<String>> answers, Instant createdAt, Instant scoredAt, String runnerUp,
		List<Tip> tipping) {

	/** Results stored before close calls were explained have no tips. */
	SubmissionResult {
		tipping = (tipping != null) ? tipping : List.of();
	}

	static SubmissionResult of(UUID id, Answers answers, Score score, CostComparison cost, Instant createdAt,
			Instant scoredAt) {
		return new SubmissionResult(id, answers.questionnaireVersion(), score.rulesVersion(), score.recommendation(),
				score.fit(), score.confidence(), score.confidenceLabel(), score.summary(), score.factors(),
				score.priority(), cost, answers.values(), createdAt, scoredAt, score.runnerUp(), score.tipping());
	}

}
