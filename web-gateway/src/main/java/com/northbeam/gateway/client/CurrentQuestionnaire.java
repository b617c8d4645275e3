package com.northbeam.gateway.client;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;

import org.springframework.stereotype.Component;

/**
 * The questionnaire, cached: refreshed in the background every few minutes and still
 * served while assessment-service is down, so the wizard keeps working and queued
 * submissions are checked against the same questions. The home page reads its question
 * count from here too.
 */
@Component
public class CurrentQuestionnaire {

	private final LoadingCache<String, Questionnaire> cache;

	CurrentQuestionnaire(AssessmentClient assessment) {
		this.cache = Caffeine.newBuilder()
			.refreshAfterWrite(Duration.ofMinutes(2))
			.expireAfterWrite(Duration.ofDays(7))
			.maximumSize(1)
			.build((key) -> assessment.currentQuestionnaire());
	}

	public Questionnaire get() {
		return cache.get("current");
	}

	public void evict() {
		cache.invalidateAll();
	}

}
