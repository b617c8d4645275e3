package com.northbeam.assessment.submission;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.northbeam.assessment.cost.CostComparison;
import com.northbeam.assessment.scoring.Score;
import com.northbeam.assessment.submission.SubmissionRequest.Attribution;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a submission with its answers, result, consent record, lead and the lead's
 * outbox event, all or nothing. A submission whose contact details come later is stored
 * without consent, lead and event; {@link #addContact} adds those three, once.
 * <p>
 * On PostgreSQL this is one statement: {@code INSERT ... ON CONFLICT (id) DO NOTHING}
 * feeding the other inserts through data-modifying CTEs, so a repeated id inserts nothing
 * and a concurrent duplicate waits for the first to commit, then inserts nothing. Other
 * databases (the embedded H2 default) do the same in one transaction and treat a
 * duplicate key as "already stored".
 */
@Repository
class SubmissionRepository {

	private static final String SUBMISSION_COLUMNS = "id, questionnaire_version, answers, costs, utm_source, utm_medium, "
			+ "utm_campaign, referrer, landing, created_at";

	private static final String SUBMISSION_VALUES = ":id, :questionnaireVersion, :answers, :costs, :utmSource, :utmMedium, "
			+ ":utmCampaign, :referrer, :landing, :createdAt";

	private static final String RESULT_COLUMNS = "submission_id, rules_version, price_assumptions_version, recommendation, "
			+ "fit_co_managed, fit_fully_managed, fit_hybrid, confidence, priority, body, created_at";

	private static final String RESULT_VALUES = ":rulesVersion, :assumptionsVersion, :recommendation, :fitCoManaged, "
			+ ":fitFullyManaged, :fitHybrid, :confidence, :priority, :body, :createdAt";

	private static final String LEAD_COLUMNS = "id, submission_id, name, email, company, phone, job_role, recommendation, "
			+ "priority, status, owner, source, version, created_at, updated_at";

	private static final String LEAD_VALUES = ":name, :email, :company, :phone, :role, :recommendation, :priority, 'new', "
			+ "null, :source, 0, :createdAt, :createdAt";

	/**
	 * The new lead's notification, for the outbox feature's dispatcher, written with the
	 * lead.
	 */
	private static final String INSERT_OUTBOX_EVENT = "insert into outbox_event (id, kind, lead_id, created_at)";

	private static final String INSERT_ALL_POSTGRES = "with s as (insert into submission (" + SUBMISSION_COLUMNS
			+ ") values (" + SUBMISSION_VALUES + ") on conflict (id) do nothing returning id), "
			+ "r as (insert into submission_result (" + RESULT_COLUMNS + ") select id, " + RESULT_VALUES + " from s), "
			+ "c as (insert into consent_record (submission_id, text_version, accepted_at) "
			+ "select id, :consentVersion, :createdAt from s), " + "l as (insert into lead (" + LEAD_COLUMNS
			+ ") select :leadId, id, " + LEAD_VALUES + " from s), " + "o as (" + INSERT_OUTBOX_EVENT
			+ " select :eventId, 'lead.created', :leadId, :createdAt from s) " + "select count(*) from s";

	private static final String INSERT_ANONYMOUS_POSTGRES = "with s as (insert into submission (" + SUBMISSION_COLUMNS
			+ ") values (" + SUBMISSION_VALUES + ") on conflict (id) do nothing returning id), "
			+ "r as (insert into submission_result (" + RESULT_COLUMNS + ") select id, " + RESULT_VALUES + " from s) "
			+ "select count(*) from s";

	/**
	 * The lead takes the recommendation and priority of the submission's newest result.
	 */
	private static final String LATE_LEAD_VALUES = ":name, :email, :company, :phone, :role, "
			+ "(select recommendation from submission_result where submission_id = :id order by rules_version desc limit 1), "
			+ "(select priority from submission_result where submission_id = :id order by rules_version desc limit 1), "
			+ "'new', null, :source, 0, :createdAt, :createdAt";

	private static final String ADD_CONTACT_POSTGRES = "with c as (insert into consent_record (submission_id, text_version, "
			+ "accepted_at) values (:id, :consentVersion, :createdAt) on conflict (submission_id) do nothing "
			+ "returning submission_id), " + "l as (insert into lead (" + LEAD_COLUMNS
			+ ") select :leadId, submission_id, " + LATE_LEAD_VALUES + " from c), " + "o as (" + INSERT_OUTBOX_EVENT
			+ " select :eventId, 'lead.created', :leadId, :createdAt from c) " + "select count(*) from c";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean postgres;

	SubmissionRepository(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database is in use", ex);
		}
	}

	/** A new submission to store, prepared by the caller. */
	record NewSubmission(CheckedSubmission submission, String answersJson, String costsJson, Score score,
			CostComparison cost, String body, Instant createdAt) {
	}

	/**
	 * Stores everything and returns {@code true}, or returns {@code false} if the id was
	 * already stored.
	 */
	boolean insert(NewSubmission submission) {
		Map<String, Object> params = params(submission);
		boolean withContact = submission.submission().hasContact();
		if (this.postgres) {
			String sql = withContact ? INSERT_ALL_POSTGRES : INSERT_ANONYMOUS_POSTGRES;
			return this.jdbc.sql(sql).params(params).query(Long.class).single() == 1L;
		}
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				this.jdbc.sql("insert into submission (" + SUBMISSION_COLUMNS + ") values (" + SUBMISSION_VALUES + ")")
					.params(params)
					.update();
				this.jdbc
					.sql("insert into submission_result (" + RESULT_COLUMNS + ") values (:id, " + RESULT_VALUES + ")")
					.params(params)
					.update();
				if (withContact) {
					insertConsentLeadAndEvent(params, LEAD_VALUES);
				}
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private void insertConsentLeadAndEvent(Map<String, Object> params, String leadValues) {
		this.jdbc
			.sql("insert into consent_record (submission_id, text_version, accepted_at) "
					+ "values (:id, :consentVersion, :createdAt)")
			.params(params)
			.update();
		this.jdbc.sql("insert into lead (" + LEAD_COLUMNS + ") values (:leadId, :id, " + leadValues + ")")
			.params(params)
			.update();
		this.jdbc.sql(INSERT_OUTBOX_EVENT + " values (:eventId, 'lead.created', :leadId, :createdAt)")
			.params(params)
			.update();
	}

	/** What giving contact details later needs of a stored submission. */
	record ContactTarget(int questionnaireVersion, Attribution attribution, boolean contactGiven) {
	}

	Optional<ContactTarget> findContactTarget(UUID id) {
		return this.jdbc
			.sql("select s.questionnaire_version, s.utm_source, s.referrer, "
					+ "exists (select 1 from consent_record c where c.submission_id = s.id) contact_given "
					+ "from submission s where s.id = :id")
			.param("id", id)
			.query((rs, row) -> new ContactTarget(rs.getInt("questionnaire_version"),
					new Attribution(rs.getString("utm_source"), null, null, rs.getString("referrer"), null),
					rs.getBoolean("contact_given")))
			.optional();
	}

	/**
	 * Adds the consent record, the lead and its outbox event to a stored submission that
	 * has no contact details yet. Returns {@code false} when it already had them (also
	 * when a concurrent call added them first).
	 */
	boolean addContact(UUID id, Contact contact, String consentVersion, Attribution attribution, Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("consentVersion", consentVersion);
		params.put("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		params.put("leadId", UUID.randomUUID());
		params.put("eventId", UUID.randomUUID());
		putContact(params, contact);
		params.put("source", source(attribution));
		if (this.postgres) {
			return this.jdbc.sql(ADD_CONTACT_POSTGRES).params(params).query(Long.class).single() == 1L;
		}
		try {
			this.transactions.executeWithoutResult((status) -> insertConsentLeadAndEvent(params, LATE_LEAD_VALUES));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static Map<String, Object> params(NewSubmission submission) {
		CheckedSubmission checked = submission.submission();
		Contact contact = checked.contact();
		Attribution attribution = checked.attribution();
		Score score = submission.score();
		Map<String, Object> params = new HashMap<>();
		params.put("id", checked.id());
		params.put("questionnaireVersion", checked.questionnaire().version());
		params.put("answers", submission.answersJson());
		params.put("costs", submission.costsJson());
		params.put("utmSource", attribution.utmSource());
		params.put("utmMedium", attribution.utmMedium());
		params.put("utmCampaign", attribution.utmCampaign());
		params.put("referrer", attribution.referrer());
		params.put("landing", attribution.landing());
		params.put("createdAt", OffsetDateTime.ofInstant(submission.createdAt(), ZoneOffset.UTC));
		params.put("rulesVersion", score.rulesVersion());
		params.put("assumptionsVersion", submission.cost().assumptionsVersion());
		params.put("recommendation", score.recommendation());
		params.put("fitCoManaged", score.fit().coManaged());
		params.put("fitFullyManaged", score.fit().fullyManaged());
		params.put("fitHybrid", score.fit().hybrid());
		params.put("confidence", score.confidence());
		params.put("priority", score.priority().score());
		params.put("body", submission.body());
		params.put("consentVersion", checked.consentVersion());
		params.put("leadId", UUID.randomUUID());
		params.put("eventId", UUID.randomUUID());
		if (contact != null) {
			putContact(params, contact);
		}
		params.put("source", source(attribution));
		return params;
	}

	private static void putContact(Map<String, Object> params, Contact contact) {
		params.put("name", contact.name());
		params.put("email", contact.email());
		params.put("company", contact.company());
		params.put("phone", contact.phone());
		params.put("role", contact.role());
	}

	private static String source(Attribution attribution) {
		if (attribution.utmSource() != null) {
			return attribution.utmSource();
		}
		if (attribution.referrer() != null) {
			return "referral";
		}
		return "direct";
	}

	/**
	 * The newest result of a submission as stored JSON, and whether its contact details
	 * were given.
	 */
	record StoredResult(String body, boolean contactGiven) {
	}

	Optional<StoredResult> findNewestResultWithContactState(UUID id) {
		return this.jdbc
			.sql("select r.body, exists (select 1 from consent_record c where c.submission_id = r.submission_id) "
					+ "contact_given from submission_result r where r.submission_id = :id order by r.rules_version desc limit 1")
			.param("id", id)
			.query((rs, row) -> new StoredResult(rs.getString("body"), rs.getBoolean("contact_given")))
			.optional();
	}

	/** The newest result of a submission, as stored JSON. */
	Optional<String> findNewestResult(UUID id) {
		return this.jdbc
			.sql("select body from submission_result where submission_id = :id order by rules_version desc limit 1")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** Every result of a submission, oldest first. */
	List<String> findAllResults(UUID id) {
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
	 * Adds a result (older ones are kept) and moves the lead's recommendation and
	 * priority with it. Returns {@code false} if a result of that rules version was
	 * stored meanwhile.
	 */
	boolean addResult(UUID id, Score score, CostComparison cost, String body, Instant scoredAt) {
		try {
			this.transactions.executeWithoutResult((status) -> addResultInTransaction(id, score, cost, body, scoredAt));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private void addResultInTransaction(UUID id, Score score, CostComparison cost, String body, Instant scoredAt) {
		this.jdbc.sql("insert into submission_result (" + RESULT_COLUMNS + ") values (:id, " + RESULT_VALUES + ")")
			.param("id", id)
			.param("rulesVersion", score.rulesVersion())
			.param("assumptionsVersion", cost.assumptionsVersion())
			.param("recommendation", score.recommendation())
			.param("fitCoManaged", score.fit().coManaged())
			.param("fitFullyManaged", score.fit().fullyManaged())
			.param("fitHybrid", score.fit().hybrid())
			.param("confidence", score.confidence())
			.param("priority", score.priority().score())
			.param("body", body)
			.param("createdAt", OffsetDateTime.ofInstant(scoredAt, ZoneOffset.UTC))
			.update();
		this.jdbc
			.sql("update lead set recommendation = :recommendation, priority = :priority, "
					+ "updated_at = :updatedAt, version = version + 1 where submission_id = :id")
			.param("recommendation", score.recommendation())
			.param("priority", score.priority().score())
			.param("updatedAt", OffsetDateTime.ofInstant(scoredAt, ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

}
