package com.northbeam.assessment.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.northbeam.assessment.scoring.StoredAnswers;

import org.springframework.stereotype.Component;

/**
 * Stored submissions as the scoring workbench reads them: answers and the recommendation
 * of the newest result. One query streams them (a database cursor, read by a thread of
 * its own in a read-only transaction) while the caller works on the batches already read,
 * outside any transaction.
 */
@Component
public class StoredResults implements StoredAnswers {

	private static final List<Stored> END = new ArrayList<>();

	private final StoredResultsRepository repository;

	StoredResults(StoredResultsRepository repository) {
		this.repository = repository;
	}

	@Override
	public void forEachBatch(int batchSize, Consumer<List<Stored>> batches) {
		BlockingQueue<List<Stored>> queue = new ArrayBlockingQueue<>(4);
		ExecutorService reader = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "stored-results-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<?> reading = reader.submit(() -> {
				try {
					this.repository.streamAll(batchSize, (batch) -> put(queue, batch));
				}
				finally {
					put(queue, END);
				}
				return null;
			});
			for (List<Stored> batch = queue.take(); batch != END; batch = queue.take()) {
				batches.accept(batch);
			}
			reading.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading stored results", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Reading stored results failed", ex.getCause());
		}
		finally {
			reader.shutdownNow();
		}
	}

	private static void put(BlockingQueue<List<Stored>> queue, List<Stored> batch) {
		try {
			queue.put(batch);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading stored results", ex);
		}
	}

}
