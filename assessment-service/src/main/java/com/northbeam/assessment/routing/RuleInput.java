package com.northbeam.assessment.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.northbeam.assessment.system.FieldError;

/**
 * A routing rule as an admin sends it, for a new rule or to replace one.
 *
 * @param enabled whether it is tried at all
 * @param recommendations any of {@link #RECOMMENDATIONS}; empty for any
 * @param companySizes any of {@link #COMPANY_SIZES}; empty for any
 * @param minPriority 0-100, inclusive; absent for no lower bound
 * @param maxPriority 0-100, inclusive; absent for no upper bound
 * @param sources lead sources ({@code direct}, {@code referral} or a campaign's
 * {@code utm_source}); empty for any
 * @param owner a sales account's email, or absent with {@code groupId}
 * @param groupId a round-robin group, or absent with {@code owner}
 * @param version the version the change is based on (when replacing)
 */
record RuleInput(String name, Boolean enabled, List<String> recommendations, List<String> companySizes,
		Integer minPriority, Integer maxPriority, List<String> sources, String owner, Long groupId, Integer version) {

	/** The recommendation codes of the questionnaire contract. */
	static final List<String> RECOMMENDATIONS = List.of("co_managed", "fully_managed", "hybrid");

	/** The answers to the questionnaire's {@code employees} question. */
	static final List<String> COMPANY_SIZES = List.of("1-10", "11-50", "51-200", "201-1000", "1000+");

	/**
	 * Blank text becomes absent, lists lose blanks and repeats, the owner is lower case.
	 */
	RuleInput normalised() {
		return new RuleInput((this.name != null) ? this.name.strip() : null, this.enabled, clean(this.recommendations),
				clean(this.companySizes), this.minPriority, this.maxPriority, clean(this.sources),
				(this.owner != null && !this.owner.isBlank()) ? this.owner.strip().toLowerCase(Locale.ROOT) : null,
				this.groupId, this.version);
	}

	private static List<String> clean(List<String> values) {
		Set<String> cleaned = new LinkedHashSet<>();
		if (values != null) {
			values.stream()
				.filter((value) -> value != null && !value.isBlank())
				.map(String::strip)
				.forEach(cleaned::add);
		}
		return List.copyOf(cleaned);
	}

	/**
	 * What is wrong with a normalised rule on its own; whether its owner, group and name
	 * exist is for the caller to add.
	 */
	List<FieldError> problems() {
		List<FieldError> errors = new ArrayList<>();
		if (this.name == null || this.name.isEmpty()) {
			errors.add(new FieldError("name", "is required"));
		}
		else if (this.name.length() > 100) {
			errors.add(new FieldError("name", "must be at most 100 characters"));
		}
		if (this.enabled == null) {
			errors.add(new FieldError("enabled", "is required"));
		}
		unknown("recommendations", this.recommendations, RECOMMENDATIONS, errors);
		unknown("companySizes", this.companySizes, COMPANY_SIZES, errors);
		priority("minPriority", this.minPriority, errors);
		priority("maxPriority", this.maxPriority, errors);
		if (this.minPriority != null && this.maxPriority != null && this.minPriority > this.maxPriority) {
			errors.add(new FieldError("maxPriority", "must not be below the lowest priority"));
		}
		for (int i = 0; i < this.sources.size(); i++) {
			String source = this.sources.get(i);
			if (source.length() > 100 || source.contains(",")) {
				errors.add(new FieldError("sources[" + i + "]", "must be at most 100 characters, without commas"));
			}
		}
		if (this.sources.size() > 20) {
			errors.add(new FieldError("sources", "must name at most 20 sources"));
		}
		if (this.owner == null && this.groupId == null) {
			errors.add(new FieldError("owner", "name an owner or a round-robin group"));
		}
		if (this.owner != null && this.groupId != null) {
			errors.add(new FieldError("groupId", "name an owner or a round-robin group, not both"));
		}
		return errors;
	}

	private static void unknown(String field, List<String> values, List<String> allowed, List<FieldError> errors) {
		for (int i = 0; i < values.size(); i++) {
			if (!allowed.contains(values.get(i))) {
				errors.add(new FieldError(field + "[" + i + "]", "must be one of " + allowed));
			}
		}
	}

	private static void priority(String field, Integer value, List<FieldError> errors) {
		if (value != null && (value < 0 || value > 100)) {
			errors.add(new FieldError(field, "must be between 0 and 100"));
		}
	}

}
