package com.northbeam.assessment.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.StoredAnswers.Stored;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads stored answers with their newest recommendation, a keyset page at a time. The
 * newest result is looked up per row in the select list, so each page costs an index
 * range of submissions plus one index probe per row (a join would hash the whole result
 * table for every page).
 */
@Repository
class StoredResultsRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	StoredResultsRepository(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
	}

	/**
	 * Streams every submission that has a result, {@code batchSize} rows per fetch from
	 * the database and per batch handed on, in one read-only transaction (PostgreSQL
	 * streams with a cursor only outside auto-commit).
	 */
	void streamAll(int batchSize, Consumer<List<Stored>> batches) {
		this.transactions.executeWithoutResult((tx) -> {
			List<Stored> batch = new ArrayList<>(batchSize);
			this.jdbc
				.sql("select s.id, s.questionnaire_version, s.answers, r.recommendation from submission s "
						+ "join (select submission_id, recommendation, row_number() over (partition by submission_id "
						+ "order by rules_version desc) as newest from submission_result) r "
						+ "on r.submission_id = s.id and r.newest = 1")
				.withFetchSize(batchSize)
				.query((RowCallbackHandler) (rs) -> {
					batch.add(new Stored(rs.getObject("id", UUID.class),
							new Answers(rs.getInt("questionnaire_version"), answers(rs.getString("answers"))),
							rs.getString("recommendation")));
					if (batch.size() == batchSize) {
						batches.accept(List.copyOf(batch));
						batch.clear();
					}
				});
			if (!batch.isEmpty()) {
				batches.accept(List.copyOf(batch));
			}
		});
	}

	/**
	 * Reads the stored answers ({@code {"question": ["code", ...], ...}}) token by token:
	 * a trial reads every stored submission, and this is a good share of its time.
	 */
	private Map<String, List<String>> answers(String stored) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		try (JsonParser parser = this.json.createParser(stored)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException("Stored answers are not a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String question = parser.currentName();
				if (parser.nextToken() != JsonToken.START_ARRAY) {
					throw new IllegalStateException("Stored answers to " + question + " are not a list");
				}
				List<String> codes = new ArrayList<>(2);
				while (parser.nextToken() == JsonToken.VALUE_STRING) {
					codes.add(parser.getString());
				}
				values.put(question, codes);
			}
		}
		return values;
	}

}
