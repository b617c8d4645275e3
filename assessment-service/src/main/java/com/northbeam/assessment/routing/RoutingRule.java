package com.northbeam.assessment.routing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One routing rule as stored: conditions on a new lead (an empty list or a missing bound
 * holds for every lead) and its action, an owner or a round-robin group.
 *
 * @param order where it stands in the list; rules are tried from the lowest
 * @param recommendations recommendation codes, any of which the lead's must be
 * @param companySizes answers to {@code employees}, any of which the prospect's must be
 * @param minPriority the lowest priority that matches, inclusive
 * @param maxPriority the highest priority that matches, inclusive
 * @param sources lead sources ({@code direct}, {@code referral} or a campaign's
 * {@code utm_source}), compared without regard to case
 * @param owner the staff email that gets the lead, or {@code null} with a group
 * @param groupId the round-robin group that hands the lead on, or {@code null} with an
 * owner
 * @param groupName the group's name, for display
 * @param version raised by every change; a change based on another version is refused
 */
record RoutingRule(long id, int order, String name, boolean enabled, List<String> recommendations,
		List<String> companySizes, Integer minPriority, Integer maxPriority, List<String> sources, String owner,
		Long groupId, String groupName, int version, Instant updatedAt, String updatedBy) {

	RoutingRule {
		recommendations = List.copyOf(recommendations);
		companySizes = List.copyOf(companySizes);
		sources = List.copyOf(sources);
	}

	/** Whether every condition holds for the lead. */
	boolean matches(Routing.Lead lead) {
		return (this.recommendations.isEmpty() || anyOf(this.recommendations, lead.recommendation()))
				&& (this.companySizes.isEmpty() || anyOf(this.companySizes, lead.companySize()))
				&& (this.minPriority == null || lead.priority() >= this.minPriority)
				&& (this.maxPriority == null || lead.priority() <= this.maxPriority)
				&& (this.sources.isEmpty() || (lead.source() != null && this.sources.stream()
					.anyMatch((source) -> source.toLowerCase(Locale.ROOT)
						.equals(lead.source().toLowerCase(Locale.ROOT)))));
	}

	// List.of(...).contains(null) throws; a lead without the answer matches no list.
	private static boolean anyOf(List<String> codes, String code) {
		return code != null && codes.contains(code);
	}

}
