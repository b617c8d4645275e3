package com.northbeam.assessment.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.cost.CostInputs;
import com.northbeam.assessment.cost.Costs;
import com.northbeam.assessment.lead.LeadIntake;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.scoring.Scoring;
import com.northbeam.assessment.scoring.ScoringRules;
import com.northbeam.assessment.submission.ResultRepository.StoredSubmission;
import com.northbeam.assessment.system.AssessmentProperties;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores stored submissions again on request, with the newest rules and price
 * assumptions, keeping every earlier result and moving each one's lead in the same
 * transaction.
 */
@Service
class Rescores {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final ResultRepository results;

	private final LeadIntake leads;

	private final Scoring scoring;

	private final Costs costs;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final int batchSize;

	Rescores(ResultRepository results, LeadIntake leads, Scoring scoring, Costs costs, ObjectMapper json, Clock clock,
			TransactionTemplate transactions, AssessmentProperties properties) {
		this.results = results;
		this.leads = leads;
		this.scoring = scoring;
		this.costs = costs;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.batchSize = properties.rescore().batchSize();
	}

	/**
	 * Scores a stored submission again with the newest rules for its questionnaire
	 * version and the newest price assumptions, keeping the earlier results, and moves
	 * its lead with the new result. A submission already scored with the newest rules is
	 * left as it is.
	 */
	String rescore(UUID id, String actor) {
		StoredSubmission stored = this.results.findForRescoring(id)
			.orElseThrow(() -> new NotFoundException("There is no submission " + id));
		ScoringRules rules = this.scoring.newest(stored.questionnaireVersion());
		if (stored.newestRulesVersion() >= rules.version()) {
			return this.results.findNewest(id).orElseThrow();
		}
		Answers answers = new Answers(stored.questionnaireVersion(), this.json.readValue(stored.answers(), ANSWERS));
		CostInputs inputs = (stored.costs() != null) ? this.json.readValue(stored.costs(), CostInputs.class)
				: CostInputs.NONE;
		Score score = this.scoring.score(rules, answers);
		CostComparison cost = this.costs.compare(answers, inputs);
		// Stored with microseconds, as PostgreSQL keeps them, so the body and the row
		// agree.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String body = this.json
			.writeValueAsString(SubmissionResult.of(id, answers, score, cost, stored.createdAt(), now));
		boolean added = Submissions.once(() -> this.transactions.execute((tx) -> {
			this.results.add(id, score, cost, body, now);
			this.leads.rescored(id, new LeadIntake.Rescoring(stored.newestRulesVersion(), rules.version(),
					score.recommendation(), score.priority().score(), actor, now));
			return true;
		}));
		if (!added) {
			// Rescored concurrently (another admin call or replica): show what was
			// stored.
			return this.results.findNewest(id).orElseThrow();
		}
		return body;
	}

	/**
	 * Rescores every submission not yet scored with the newest rules; returns how many
	 * were rescored.
	 */
	int rescoreAll(String actor) {
		int rescored = 0;
		for (int questionnaireVersion : this.scoring.questionnaireVersions()) {
			ScoringRules rules = this.scoring.newest(questionnaireVersion);
			List<UUID> batch;
			do {
				batch = this.results.findNeedingRescore(questionnaireVersion, rules.version(), this.batchSize);
				for (UUID id : batch) {
					rescore(id, actor);
					rescored++;
				}
			}
			while (!batch.isEmpty());
		}
		return rescored;
	}

}
