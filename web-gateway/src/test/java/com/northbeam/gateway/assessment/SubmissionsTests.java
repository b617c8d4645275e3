package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The results kept in memory for the result page are bounded, whatever the traffic. */
class SubmissionsTests {

	@Test
	void theResultCacheKeepsAtMostItsSize() {
		Cache<UUID, SubmissionResult> cache = Submissions
			.resultCache(new AssessmentProperties.ResultCache(3, Duration.ofMinutes(10)));
		for (int i = 0; i < 50; i++) {
			UUID id = UUID.randomUUID();
			cache.put(id, result(id));
		}
		cache.cleanUp();
		assertThat(cache.estimatedSize()).isEqualTo(3);
	}

	@Test
	void theResultCacheHoldsAThousandResultsUnlessConfiguredOtherwise() {
		assertThat(bind(Map.of()).resultCache())
			.isEqualTo(new AssessmentProperties.ResultCache(1000, Duration.ofMinutes(10)));
		assertThat(bind(
				Map.of("gateway.assessment.result-cache.size", "200", "gateway.assessment.result-cache.lifetime", "2m"))
			.resultCache()).isEqualTo(new AssessmentProperties.ResultCache(200, Duration.ofMinutes(2)));
	}

	private static AssessmentProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gateway.assessment",
				AssessmentProperties.class);
	}

	private static SubmissionResult result(UUID id) {
		return new SubmissionResult(id, 1, 1, "co_managed", null, 0.8, "clear", "", List.of(), null, null,
				Instant.now(), Map.of(), true, null, List.of(), Instant.now(), null, null, null);
	}

}
