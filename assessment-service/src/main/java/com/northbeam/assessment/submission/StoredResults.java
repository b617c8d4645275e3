package com.northbeam.assessment.submission;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.northbeam.assessment.scoring.StoredAnswers;

import org.springframework.stereotype.Component;

/**
 * Stored submissions as the scoring workbench reads them: answers and the recommendation
 * of the newest result, in batches in submission id order, one query per batch.
 */
@Component
public class StoredResults implements StoredAnswers {

	private final StoredResultsRepository repository;

	StoredResults(StoredResultsRepository repository) {
		this.repository = repository;
	}

	@Override
	public void forEachBatch(int batchSize, Consumer<List<Stored>> batches) {
		// The smallest UUID as PostgreSQL and H2 order them (unsigned, byte by byte).
		UUID after = new UUID(0, 0);
		List<Stored> batch;
		do {
			batch = this.repository.findAfter(after, batchSize);
			if (!batch.isEmpty()) {
				batches.accept(batch);
				after = batch.get(batch.size() - 1).submissionId();
			}
		}
		while (batch.size() == batchSize);
	}

}
