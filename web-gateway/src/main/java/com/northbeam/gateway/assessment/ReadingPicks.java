package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Factor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Picks what to read next from the answers: a cybersecurity gap leads to the
 * cybersecurity guide, an overloaded team to the signs of outgrowing internal IT, and so
 * on. The picks are stored with the submission id (they hold no personal data) so the
 * result page shows them on any later visit; a result without stored picks gets them from
 * its scoring factors. The picks are a courtesy: when the gateway's database cannot take
 * or give them (a restart, a failover), the submission and its result go ahead without
 * them.
 */
@Component
class ReadingPicks {

	private static final Logger log = LoggerFactory.getLogger(ReadingPicks.class);

	static final String CYBERSECURITY = "cybersecurity-guide-for-small-businesses";

	static final String OUTGROWN = "signs-you-have-outgrown-internal-it";

	static final String MANAGED_SERVICES = "what-managed-it-services-include";

	static final String PRODUCTIVITY = "managed-it-and-employee-productivity";

	static final String BREAK_FIX = "break-fix-vs-managed-it";

	static final int MAX = 3;

	private final ReadingPickRepository repository;

	private final Clock clock;

	ReadingPicks(ReadingPickRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	static List<String> fromAnswers(Map<String, List<String>> answers) {
		Set<String> picks = new LinkedHashSet<>();
		if (has(answers, "skills_gaps", "cybersecurity") || has(answers, "security_complexity", "complex", "growing")) {
			picks.add(CYBERSECURITY);
		}
		if (has(answers, "workload", "overloaded", "stretched") || has(answers, "growth", "fast")) {
			picks.add(OUTGROWN);
		}
		if (has(answers, "internal_it", "none", "tech_savvy_staff") || has(answers, "control_preference", "hand_off")
				|| has(answers, "hiring", "very_hard")) {
			picks.add(MANAGED_SERVICES);
		}
		if (has(answers, "support_wait", "often", "sometimes")) {
			picks.add(PRODUCTIVITY);
		}
		if (has(answers, "predictability", "high", "medium")) {
			picks.add(BREAK_FIX);
		}
		if (picks.size() < MAX) {
			picks.addAll(List.of(MANAGED_SERVICES, OUTGROWN, BREAK_FIX));
		}
		return picks.stream().limit(MAX).toList();
	}

	static List<String> fromFactors(List<Factor> factors) {
		Set<String> picks = new LinkedHashSet<>();
		for (Factor factor : factors) {
			String code = (factor.code() != null) ? factor.code() : "";
			if (code.startsWith("security") || code.contains("skills")) {
				picks.add(CYBERSECURITY);
			}
			else if (code.startsWith("team_") || code.startsWith("growth") || code.contains("coverage")) {
				picks.add(OUTGROWN);
			}
			else if (code.contains("no_dedicated") || code.contains("colleague") || code.contains("hand_off")
					|| code.contains("hiring") || code.contains("technology")) {
				picks.add(MANAGED_SERVICES);
			}
			else if (code.startsWith("people_wait")) {
				picks.add(PRODUCTIVITY);
			}
			else if (code.startsWith("predictability")) {
				picks.add(BREAK_FIX);
			}
		}
		if (picks.size() < MAX) {
			picks.addAll(List.of(MANAGED_SERVICES, OUTGROWN, BREAK_FIX));
		}
		return picks.stream().limit(MAX).toList();
	}

	void remember(UUID submissionId, List<String> slugs) {
		try {
			repository.insertIfAbsent(submissionId, slugs, clock.instant());
		}
		catch (DataAccessException ex) {
			log.warn("Reading picks of submission {} not stored (its result will pick from its factors): {}",
					submissionId, ex.getMessage());
		}
	}

	List<String> forResult(UUID submissionId, List<Factor> factors) {
		try {
			return repository.find(submissionId).orElseGet(() -> fromFactors(factors));
		}
		catch (DataAccessException ex) {
			log.warn("Reading picks of submission {} not read, picked from its factors: {}", submissionId,
					ex.getMessage());
			return fromFactors(factors);
		}
	}

	private static boolean has(Map<String, List<String>> answers, String question, String... codes) {
		List<String> given = answers.getOrDefault(question, List.of());
		return Arrays.stream(codes).anyMatch(given::contains);
	}

}
