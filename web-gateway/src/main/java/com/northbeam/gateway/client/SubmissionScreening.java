package com.northbeam.gateway.client;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What the gateway saw that looks automated, sent with a submission so assessment-service
 * quarantines it: {@code honeypot}, {@code too_fast}, {@code rate_limit},
 * {@code no_start}.
 */
public record SubmissionScreening(List<String> reasons) {

	public SubmissionScreening {
		reasons = List.copyOf(new TreeSet<>(reasons));
	}

	/** The screening of {@code reasons}, or {@code null} when there are none. */
	public static SubmissionScreening of(Collection<String> reasons) {
		return reasons.isEmpty() ? null : new SubmissionScreening(List.copyOf(reasons));
	}

}
