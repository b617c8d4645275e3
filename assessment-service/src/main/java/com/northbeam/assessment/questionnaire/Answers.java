package com.northbeam.assessment.questionnaire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked answers to one questionnaire version, each question mapped to its chosen codes
 * (one for a single-choice question). Hidden questions carry their automatic answer.
 */
public record Answers(int questionnaireVersion, Map<String, List<String>> values) {

	public Answers {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		values.forEach((question, codes) -> copy.put(question, List.copyOf(codes)));
		values = Collections.unmodifiableMap(copy);
	}

	/** The codes chosen for {@code question}, empty when unanswered. */
	public List<String> codes(String question) {
		return this.values.getOrDefault(question, List.of());
	}

	/** The single code chosen for {@code question}, or {@code null}. */
	public String code(String question) {
		List<String> codes = codes(question);
		return codes.isEmpty() ? null : codes.get(0);
	}

	/**
	 * A copy with {@code question} answered {@code codes} (for exploring what-ifs in
	 * tests).
	 */
	public Answers with(String question, List<String> codes) {
		Map<String, List<String>> copy = new LinkedHashMap<>(this.values);
		copy.put(question, codes);
		return new Answers(this.questionnaireVersion, copy);
	}

}
