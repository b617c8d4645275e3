package com.northbeam.assessment.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Counts of leads for the dashboard's funnel and pipeline statistics. Ranges include
 * {@code from} and exclude {@code to}; days are UTC.
 */
@Service
public class LeadStatistics {

	private final LeadStatisticsRepository repository;

	LeadStatistics(LeadStatisticsRepository repository) {
		this.repository = repository;
	}

	/** Leads created per UTC day (days without leads are left out). */
	public Map<LocalDate, Long> createdPerDay(Instant from, Instant to) {
		return this.repository.createdPerDay(from, to);
	}

	/** Leads created per recommendation, every recommendation present (0 when none). */
	public Map<String, Long> createdPerRecommendation(Instant from, Instant to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String recommendation : Pipeline.RECOMMENDATIONS) {
			counts.put(recommendation, 0L);
		}
		counts.putAll(this.repository.createdPerRecommendation(from, to));
		return counts;
	}

	/**
	 * Leads created per source ({@code direct} when none), most first, at most
	 * {@code limit}.
	 */
	public Map<String, Long> createdPerSource(Instant from, Instant to, int limit) {
		return this.repository.createdPerSource(from, to, limit);
	}

	public long createdSince(Instant from) {
		return this.repository.createdSince(from);
	}

	/** Leads per status, in pipeline order, every status present (0 when none). */
	public Map<String, Long> perStatus() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String status : Pipeline.STATUSES) {
			counts.put(status, 0L);
		}
		counts.putAll(this.repository.perStatus());
		return counts;
	}

}
