package com.northbeam.assessment.submission;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts submissions taken in ({@code assessment.submissions}) by outcome. Every
 * outcome's series exists from the start at zero, so a new outcome is one more constant.
 */
@Component
class SubmissionMetrics {

	enum Outcome {

		/** Stored for the first time. */
		NEW,
		/** Sent again (a retry or a double click): the stored result is returned. */
		REPEATED,
		/** Refused as invalid. */
		REFUSED,
		/** Stored for the first time, held in quarantine instead of becoming a lead. */
		QUARANTINED

	}

	private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

	SubmissionMetrics(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			this.counters.put(outcome,
					Counter.builder("assessment.submissions")
						.description("Submissions taken in, by outcome")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
	}

	/** Counts a submission that passed the checks: new, quarantined or repeated. */
	void countTakenIn(boolean created, boolean quarantined) {
		count(!created ? Outcome.REPEATED : (quarantined ? Outcome.QUARANTINED : Outcome.NEW));
	}

	void count(Outcome outcome) {
		this.counters.get(outcome).increment();
	}

}
