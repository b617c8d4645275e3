package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Attribution;

/**
 * An assessment in progress.
 *
 * @param id the draft's id, kept in the visitor's session cookie
 * @param submissionId the idempotency key the submission will carry
 * @param step the index of the step the visitor is on
 * @param data the answers, cost figures and contact details so far
 * @param attribution where the visitor came from
 * @param startedAt when the first step was shown (for the minimum fill time)
 * @param submittedAt when it was submitted, or {@code null}
 */
record Draft(UUID id, UUID submissionId, int step, Data data, Attribution attribution, Instant startedAt,
		Instant submittedAt) {

	static Draft start(Attribution attribution, Instant now) {
		return new Draft(UUID.randomUUID(), UUID.randomUUID(), 0, Data.empty(), attribution, now, null);
	}

	Draft atStep(int index) {
		return new Draft(id, submissionId, index, data, attribution, startedAt, submittedAt);
	}

	Draft with(Data newData) {
		return new Draft(id, submissionId, step, newData, attribution, startedAt, submittedAt);
	}

	boolean submitted() {
		return submittedAt != null;
	}

	/**
	 * What the visitor entered: answers by question id, cost figures and contact fields
	 * by field id; and what looked automated on the way ({@code screening}: codes such as
	 * {@code honeypot}), sent with the submission so it is quarantined, not dropped.
	 */
	record Data(Map<String, List<String>> answers, Map<String, String> costs, Map<String, String> contact,
			Set<String> screening) {

		Data {
			answers = (answers != null) ? new LinkedHashMap<>(answers) : new LinkedHashMap<>();
			costs = (costs != null) ? new LinkedHashMap<>(costs) : new LinkedHashMap<>();
			contact = (contact != null) ? new LinkedHashMap<>(contact) : new LinkedHashMap<>();
			screening = (screening != null) ? new TreeSet<>(screening) : new TreeSet<>();
		}

		Data(Map<String, List<String>> answers, Map<String, String> costs, Map<String, String> contact) {
			this(answers, costs, contact, null);
		}

		static Data empty() {
			return new Data(null, null, null, null);
		}

		/** The same data, noting something that looked automated. */
		Data withScreening(String reason) {
			Data copy = new Data(answers, costs, contact, screening);
			copy.screening().add(reason);
			return copy;
		}

		List<String> answer(String questionId) {
			return answers.getOrDefault(questionId, List.of());
		}

		Data withAnswer(String questionId, List<String> codes) {
			Data copy = new Data(answers, costs, contact, screening);
			if (codes.isEmpty()) {
				copy.answers().remove(questionId);
			}
			else {
				copy.answers().put(questionId, new ArrayList<>(codes));
			}
			return copy;
		}

		Data withCost(String fieldId, String value) {
			Data copy = new Data(answers, costs, contact, screening);
			copy.costs().put(fieldId, value);
			return copy;
		}

		Data withContact(String fieldId, String value) {
			Data copy = new Data(answers, costs, contact, screening);
			copy.contact().put(fieldId, value);
			return copy;
		}

	}

}
