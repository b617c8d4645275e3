package com.northbeam.assessment.submission;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * The company size a stored submission answered, which lead routing looks at when its
 * lead is made later (contact details given after the result, a quarantine released).
 */
@Component
class CompanySizes {

	/** The question whose answer is the company size. */
	static final String QUESTION = "employees";

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final SubmissionRepository repository;

	private final ObjectMapper json;

	CompanySizes(SubmissionRepository repository, ObjectMapper json) {
		this.repository = repository;
		this.json = json;
	}

	/** The answer's code, or {@code null} when the submission has none. */
	String companySize(UUID submissionId) {
		return this.repository.findAnswers(submissionId)
			.map((answers) -> this.json.readValue(answers, ANSWERS).getOrDefault(QUESTION, List.of()))
			.filter((codes) -> !codes.isEmpty())
			.map((codes) -> codes.get(0))
			.orElse(null);
	}

}
