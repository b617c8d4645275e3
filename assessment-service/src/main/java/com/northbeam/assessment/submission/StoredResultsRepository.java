package com.northbeam.assessment.submission;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.scoring.StoredAnswers.Stored;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored answers with their newest recommendation, a keyset page at a time. */
@Repository
class StoredResultsRepository {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	StoredResultsRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Stored> findAfter(UUID after, int limit) {
		return this.jdbc
			.sql("select s.id, s.questionnaire_version, s.answers, r.recommendation from submission s "
					+ "join submission_result r on r.submission_id = s.id "
					+ "and r.rules_version = (select max(x.rules_version) from submission_result x "
					+ "where x.submission_id = s.id) where s.id > :after order by s.id limit :limit")
			.param("after", after)
			.param("limit", limit)
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class),
					new Answers(rs.getInt("questionnaire_version"),
							this.json.readValue(rs.getString("answers"), ANSWERS)),
					rs.getString("recommendation")))
			.list();
	}

}
