package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.northbeam.gateway.client.AssessmentClient;
import com.northbeam.gateway.client.AssessmentClient.Attribution;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import com.northbeam.gateway.client.FunnelEvents;
import com.northbeam.gateway.client.RetakeReferences;
import com.northbeam.gateway.client.RetakeReferences.Reference;

import org.springframework.stereotype.Component;

/**
 * Retakes in the wizard: a draft started from a signed reference to an earlier result,
 * filled with that result's answers. Its submission carries the reference, so it lands on
 * the earlier result's lead; it skips the contact step (the lead has the details) and the
 * minimum fill time (its answers come filled in). One that staff take with the prospect
 * counts nowhere in the funnel.
 */
@Component
class Retakes {

	private final RetakeReferences references;

	private final RetakeRepository repository;

	private final DraftRepository drafts;

	private final AssessmentClient assessment;

	private final FunnelEvents funnel;

	private final Clock clock;

	Retakes(RetakeReferences references, RetakeRepository repository, DraftRepository drafts,
			AssessmentClient assessment, FunnelEvents funnel, Clock clock) {
		this.references = references;
		this.repository = repository;
		this.drafts = drafts;
		this.assessment = assessment;
		this.funnel = funnel;
		this.clock = clock;
	}

	/**
	 * A new draft filled with the answers of the result {@code reference} names; empty
	 * when the reference is not one this gateway signed, has expired, or names no result.
	 */
	Optional<Draft> start(String reference, Attribution attribution) {
		Optional<Reference> read = references.read(reference);
		if (read.isEmpty()) {
			return Optional.empty();
		}
		Optional<SubmissionResult> previous = assessment.result(read.get().submissionId());
		if (previous.isEmpty()) {
			return Optional.empty();
		}
		Draft.Data data = Draft.Data.empty();
		for (Map.Entry<String, Object> answer : previous.get().answers().entrySet()) {
			data = data.withAnswer(answer.getKey(), codes(answer.getValue()));
		}
		Instant now = clock.instant();
		Draft draft = Draft.start(read.get().staffAssisted() ? Attribution.NONE : attribution, now).with(data);
		drafts.insert(draft, now);
		repository.insert(draft.id(), read.get());
		if (!read.get().staffAssisted()) {
			funnel.assessmentStarted();
		}
		return Optional.of(draft);
	}

	/** The reference of a draft that retakes an earlier result. */
	Optional<Reference> of(Draft draft) {
		return repository.find(draft.id());
	}

	private static List<String> codes(Object value) {
		List<String> codes = new ArrayList<>();
		if (value instanceof Collection<?> many) {
			many.forEach((code) -> codes.add(String.valueOf(code)));
		}
		else if (value != null) {
			codes.add(String.valueOf(value));
		}
		return codes;
	}

}
