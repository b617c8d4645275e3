package com.northbeam.assessment.scoring;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.northbeam.assessment.questionnaire.Answers;

/**
 * What the scoring workbench needs to know of stored submissions: their answers and what
 * they are recommended now. Declared here and implemented by the feature that stores
 * submissions, so scoring does not depend on it.
 */
public interface StoredAnswers {

	/**
	 * Hands every stored submission to {@code batches}, {@code batchSize} at a time in a
	 * stable order, each batch read with one query.
	 */
	void forEachBatch(int batchSize, Consumer<List<Stored>> batches);

	/**
	 * @param submissionId the submission
	 * @param answers its answers
	 * @param recommendation the recommendation of its newest result
	 */
	record Stored(UUID submissionId, Answers answers, String recommendation) {
	}

}
