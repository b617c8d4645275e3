package com.northbeam.assessment.submission;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.scoring.Score;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the results of stored submissions and adds new ones when they are rescored (older
 * results are kept).
 */
@Repository
class ResultRepository {

	static final String COLUMNS = "submission_id, rules_version, price_assumptions_version, recommendation, "
			+ "fit_co_managed, fit_fully_managed, fit_hybrid, confidence, priority, body, created_at";

	/** The values after {@code submission_id}, as named by {@link #params}. */
	static final String VALUES = ":rulesVersion, :assumptionsVersion, :recommendation, :fitCoManaged, "
			+ ":fitFullyManaged, :fitHybrid, :confidence, :priority, :body, :createdAt";

	private final JdbcClient jdbc;

	ResultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Map<String, Object> params(UUID id, Score score, CostComparison cost, String body, Instant createdAt) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("rulesVersion", score.rulesVersion());
		params.put("assumptionsVersion", cost.assumptionsVersion());
		params.put("recommendation", score.recommendation());
		params.put("fitCoManaged", score.fit().coManaged());
		params.put("fitFullyManaged", score.fit().fullyManaged());
		params.put("fitHybrid", score.fit().hybrid());
		params.put("confidence", score.confidence());
		params.put("priority", score.priority().score());
		params.put("body", body);
		params.put("createdAt", SubmissionRepository.timestamp(createdAt));
		return params;
	}

	/**
	 * The newest result of a submission as stored JSON, whether its contact details were
	 * given (a retake on a lead has its lead's), and the result it retakes, if it is a
	 * retake.
	 */
	record StoredResult(String body, boolean contactGiven, UUID retakeOf) {
	}

	Optional<StoredResult> findNewestWithContactState(UUID id) {
		return this.jdbc
			.sql("select r.body, s.retake_of, exists (select 1 from consent_record c "
					+ "where c.submission_id = coalesce(s.contact_from, s.id)) contact_given "
					+ "from submission_result r join submission s on s.id = r.submission_id "
					+ "where r.submission_id = :id order by r.rules_version desc limit 1")
			.param("id", id)
			.query((rs, row) -> new StoredResult(rs.getString("body"), rs.getBoolean("contact_given"),
					rs.getObject("retake_of", UUID.class)))
			.optional();
	}

	/** The newest result of a submission, as stored JSON. */
	Optional<String> findNewest(UUID id) {
		return this.jdbc
			.sql("select body from submission_result where submission_id = :id order by rules_version desc limit 1")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** Every result of a submission, oldest first. */
	List<String> findAll(UUID id) {
		return this.jdbc.sql("select body from submission_result where submission_id = :id order by rules_version")
			.param("id", id)
			.query(String.class)
			.list();
	}

	/** What rescoring needs of a stored submission. */
	record StoredSubmission(UUID id, int questionnaireVersion, String answers, String costs, Instant createdAt,
			int newestRulesVersion) {
	}

	Optional<StoredSubmission> findForRescoring(UUID id) {
		return this.jdbc.sql("select s.id, s.questionnaire_version, s.answers, s.costs, s.created_at, "
				+ "(select max(r.rules_version) from submission_result r where r.submission_id = s.id) newest_rules "
				+ "from submission s where s.id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredSubmission(rs.getObject("id", UUID.class), rs.getInt("questionnaire_version"),
					rs.getString("answers"), rs.getString("costs"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("newest_rules")))
			.optional();
	}

	/**
	 * Ids of submissions of a questionnaire version that have no result of
	 * {@code rulesVersion} or newer yet.
	 */
	List<UUID> findNeedingRescore(int questionnaireVersion, int rulesVersion, int limit) {
		return this.jdbc
			.sql("select s.id from submission s where s.questionnaire_version = :questionnaireVersion "
					+ "and not exists (select 1 from submission_result r where r.submission_id = s.id "
					+ "and r.rules_version >= :rulesVersion) order by s.id limit :limit")
			.param("questionnaireVersion", questionnaireVersion)
			.param("rulesVersion", rulesVersion)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Replaces the result of a rules version (scored again from changed answers), in the
	 * caller's transaction.
	 */
	void replace(UUID id, Score score, CostComparison cost, String body, Instant scoredAt) {
		this.jdbc.sql("update submission_result set price_assumptions_version = :assumptionsVersion, "
				+ "recommendation = :recommendation, fit_co_managed = :fitCoManaged, fit_fully_managed = :fitFullyManaged, "
				+ "fit_hybrid = :fitHybrid, confidence = :confidence, priority = :priority, body = :body, "
				+ "created_at = :createdAt where submission_id = :id and rules_version = :rulesVersion")
			.params(params(id, score, cost, body, scoredAt))
			.update();
	}

	/**
	 * Adds a result in the caller's transaction; a result of that rules version stored
	 * meanwhile makes it throw {@link org.springframework.dao.DuplicateKeyException}.
	 */
	void add(UUID id, Score score, CostComparison cost, String body, Instant scoredAt) {
		this.jdbc.sql("insert into submission_result (" + COLUMNS + ") values (:id, " + VALUES + ")")
			.params(params(id, score, cost, body, scoredAt))
			.update();
	}

}
