package com.northbeam.assessment.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.system.DatabaseProduct;
import com.northbeam.assessment.submission.SubmissionRequest.Attribution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a submission with its answers, first result and, when contact details are given,
 * its consent record, all or nothing; a submission whose contact details come later gets
 * its consent record through {@link #addConsent}, once. The caller creates the lead in
 * the same transaction.
 * <p>
 * On PostgreSQL each is one statement: {@code INSERT ... ON CONFLICT DO NOTHING} feeding
 * the other inserts through data-modifying CTEs, so a repeated id inserts nothing and a
 * concurrent duplicate waits for the first to commit, then inserts nothing. Other
 * databases (the embedded H2 default) insert row by row and throw
 * {@link org.springframework.dao.DuplicateKeyException} for a duplicate, which rolls the
 * caller's transaction back.
 */
@Repository
class SubmissionRepository {

	private static final String SUBMISSION_COLUMNS = "id, questionnaire_version, answers, costs, utm_source, utm_medium, "
			+ "utm_campaign, referrer, landing, contact_fingerprint, created_at, retake_of, contact_from";

	private static final String SUBMISSION_VALUES = ":id, :questionnaireVersion, :answers, :costs, :utmSource, :utmMedium, "
			+ ":utmCampaign, :referrer, :landing, :fingerprint, :createdAt, :retakeOf, :contactFrom";

	private static final String INSERT_POSTGRES = "with s as (insert into submission (" + SUBMISSION_COLUMNS
			+ ") values (" + SUBMISSION_VALUES + ") on conflict (id) do nothing returning id), "
			+ "r as (insert into submission_result (" + ResultRepository.COLUMNS + ") select id, "
			+ ResultRepository.VALUES + " from s)";

	private static final String INSERT_WITH_CONSENT_POSTGRES = INSERT_POSTGRES
			+ ", c as (insert into consent_record (submission_id, text_version, accepted_at) "
			+ "select id, :consentVersion, :createdAt from s) select count(*) from s";

	private static final String SEEN_SINCE = "select exists (select 1 from submission where "
			+ "contact_fingerprint = :fingerprint and id <> :id and created_at >= :since)";

	/**
	 * Also asks whether a submission with the same fingerprint came in since
	 * {@code :since} (stopping at the first); the statement's snapshot does not see the
	 * row it inserts.
	 */
	private static final String INSERT_SCREENED_POSTGRES = INSERT_WITH_CONSENT_POSTGRES.substring(0,
			INSERT_WITH_CONSENT_POSTGRES.lastIndexOf(" select count(*) from s"))
			+ " select (select count(*) from s) stored, (" + SEEN_SINCE + ") seen";

	private static final String INSERT_ANONYMOUS_POSTGRES = INSERT_POSTGRES + " select count(*) from s";

	/**
	 * Adds the consent record unless there is one, and returns the recommendation and
	 * priority of the newest result only if it did.
	 */
	private static final String ADD_CONSENT_POSTGRES = "with c as (insert into consent_record (submission_id, "
			+ "text_version, accepted_at) values (:id, :consentVersion, :at) on conflict (submission_id) do nothing "
			+ "returning submission_id) select r.recommendation, r.priority from c join submission_result r "
			+ "on r.submission_id = c.submission_id order by r.rules_version desc limit 1";

	private static final String NEWEST_SCORE = "select recommendation, priority from submission_result "
			+ "where submission_id = :id order by rules_version desc limit 1";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean postgres;

	SubmissionRepository(JdbcClient jdbc, TransactionTemplate transactions, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.postgres = database.isPostgres();
	}

	/**
	 * A new submission to store, prepared by the caller; {@code retakeOf} and
	 * {@code contactFrom} are those of a retake (see {@link RetakeTarget}), else
	 * {@code null}.
	 */
	record NewSubmission(CheckedSubmission submission, String answersJson, String costsJson, Score score,
			CostComparison cost, String body, String fingerprint, Instant createdAt, UUID retakeOf, UUID contactFrom) {
	}

	/**
	 * Whether a submission other than this one with its fingerprint (the same answers and
	 * contact details) came in since {@code since}.
	 */
	boolean seenSince(NewSubmission submission, Instant since) {
		if (submission.fingerprint() == null) {
			return false;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("fingerprint", submission.fingerprint());
		params.put("id", submission.submission().id());
		params.put("since", timestamp(since));
		return seenSince(params);
	}

	private boolean seenSince(Map<String, Object> params) {
		return Boolean.TRUE.equals(this.jdbc.sql(SEEN_SINCE).params(params).query(Boolean.class).single());
	}

	/** A submission's stored answers, as JSON. */
	Optional<String> findAnswers(UUID id) {
		return this.jdbc.sql("select answers from submission where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** The recommendation and priority of a submission's newest result. */
	Optional<NewestScore> findNewestScore(UUID id) {
		return this.jdbc.sql(NEWEST_SCORE).param("id", id).query(this::newestScore).optional();
	}

	/**
	 * Removes a submission's consent record and the digest of its contact details, in the
	 * caller's transaction: its contact details are gone.
	 */
	void forgetContact(UUID id) {
		this.jdbc.sql("delete from consent_record where submission_id = :id").param("id", id).update();
		this.jdbc.sql("update submission set referrer = null, contact_fingerprint = null where id = :id")
			.param("id", id)
			.update();
	}

	/**
	 * Stores the submission, its result and (with contact details) its consent record and
	 * returns {@code true}, or returns {@code false} on PostgreSQL if the id was already
	 * stored.
	 */
	boolean insert(NewSubmission submission) {
		return insert(submission, null).stored();
	}

	/**
	 * Whether the submission was stored, and whether another submission with its
	 * fingerprint (the same answers and contact details) came in before.
	 */
	record Stored(boolean stored, boolean seen) {
	}

	/**
	 * Stores the submission as {@link #insert(NewSubmission)} does and, given
	 * {@code seenSince}, asks in the same statement whether another one with its
	 * fingerprint came in since then.
	 */
	Stored insert(NewSubmission submission, Instant seenSince) {
		Map<String, Object> params = params(submission);
		boolean withConsent = submission.submission().hasContact();
		boolean screened = seenSince != null && submission.fingerprint() != null;
		params.put("since", (seenSince != null) ? timestamp(seenSince) : null);
		if (this.postgres && screened) {
			return this.jdbc.sql(INSERT_SCREENED_POSTGRES)
				.params(params)
				.query((rs, n) -> new Stored(rs.getLong("stored") == 1L, rs.getBoolean("seen")))
				.single();
		}
		boolean seen = screened && seenSince(params);
		return new Stored(insertRows(params, withConsent), seen);
	}

	private boolean insertRows(Map<String, Object> params, boolean withConsent) {
		if (this.postgres) {
			String sql = withConsent ? INSERT_WITH_CONSENT_POSTGRES : INSERT_ANONYMOUS_POSTGRES;
			return this.jdbc.sql(sql).params(params).query(Long.class).single() == 1L;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("insert into submission (" + SUBMISSION_COLUMNS + ") values (" + SUBMISSION_VALUES + ")")
				.params(params)
				.update();
			this.jdbc
				.sql("insert into submission_result (" + ResultRepository.COLUMNS + ") values (:id, "
						+ ResultRepository.VALUES + ")")
				.params(params)
				.update();
			if (withConsent) {
				insertConsent(params);
			}
		});
		return true;
	}

	private void insertConsent(Map<String, Object> params) {
		this.jdbc
			.sql("insert into consent_record (submission_id, text_version, accepted_at) "
					+ "values (:id, :consentVersion, :createdAt)")
			.params(params)
			.update();
	}

	/** What giving contact details later needs of a stored submission. */
	record ContactTarget(int questionnaireVersion, Attribution attribution, boolean contactGiven) {
	}

	Optional<ContactTarget> findContactTarget(UUID id) {
		return this.jdbc
			.sql("select s.questionnaire_version, s.utm_source, s.referrer, "
					+ "exists (select 1 from consent_record c where c.submission_id = coalesce(s.contact_from, s.id)) "
					+ "contact_given " + "from submission s where s.id = :id")
			.param("id", id)
			.query((rs, row) -> new ContactTarget(rs.getInt("questionnaire_version"),
					new Attribution(rs.getString("utm_source"), null, null, rs.getString("referrer"), null),
					rs.getBoolean("contact_given")))
			.optional();
	}

	/** The recommendation and priority of a submission's newest result. */
	record NewestScore(String recommendation, int priority) {
	}

	/**
	 * Adds the consent record to a stored submission that has none, in the caller's
	 * transaction, and returns its newest result's score for the lead. Returns empty on
	 * PostgreSQL when it already had one (also when a concurrent call added it first).
	 */
	Optional<NewestScore> addConsent(UUID id, String consentVersion, Instant at) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("consentVersion", consentVersion);
		params.put("at", timestamp(at));
		if (this.postgres) {
			return this.jdbc.sql(ADD_CONSENT_POSTGRES).params(params).query(this::newestScore).optional();
		}
		this.jdbc
			.sql("insert into consent_record (submission_id, text_version, accepted_at) "
					+ "values (:id, :consentVersion, :at)")
			.params(params)
			.update();
		return this.jdbc.sql(NEWEST_SCORE).param("id", id).query(this::newestScore).optional();
	}

	private NewestScore newestScore(ResultSet rs, int row) throws SQLException {
		return new NewestScore(rs.getString("recommendation"), rs.getInt("priority"));
	}

	/**
	 * Locks a submission's row until the caller's transaction ends; empty when there is
	 * no such submission.
	 */
	Optional<UUID> lock(UUID id) {
		return this.jdbc.sql("select id from submission where id = :id for update")
			.param("id", id)
			.query(UUID.class)
			.optional();
	}

	/** Replaces a submission's answers (stored JSON), in the caller's transaction. */
	void replaceAnswers(UUID id, String answersJson) {
		this.jdbc.sql("update submission set answers = :answers where id = :id")
			.param("answers", answersJson)
			.param("id", id)
			.update();
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Map<String, Object> params(NewSubmission submission) {
		CheckedSubmission checked = submission.submission();
		Attribution attribution = checked.attribution();
		Map<String, Object> params = ResultRepository.params(checked.id(), submission.score(), submission.cost(),
				submission.body(), submission.createdAt());
		params.put("questionnaireVersion", checked.questionnaire().version());
		params.put("answers", submission.answersJson());
		params.put("costs", submission.costsJson());
		params.put("utmSource", attribution.utmSource());
		params.put("utmMedium", attribution.utmMedium());
		params.put("utmCampaign", attribution.utmCampaign());
		params.put("referrer", attribution.referrer());
		params.put("landing", attribution.landing());
		params.put("consentVersion", checked.consentVersion());
		params.put("fingerprint", submission.fingerprint());
		params.put("retakeOf", submission.retakeOf());
		params.put("contactFrom", submission.contactFrom());
		return params;
	}

}
