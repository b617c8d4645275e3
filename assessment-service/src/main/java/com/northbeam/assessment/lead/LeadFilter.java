package com.northbeam.assessment.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;

/**
 * What a lead list or export is filtered by; every part optional. {@code owner} is a
 * staff email, or {@code none} for unassigned leads. {@code q} matches name, company and
 * email, ignoring case. Created bounds are instants, or dates (UTC): {@code createdFrom}
 * from the start of its day, {@code createdTo} up to the end of its day. {@code overdue}
 * keeps the leads nobody has contacted that waited past the response target.
 */
record LeadFilter(List<String> statuses, List<String> recommendations, String owner, Integer minPriority,
		Integer maxPriority, Instant createdFrom, Instant createdTo, String q, boolean overdue) {

	static final String UNASSIGNED = "none";

	/**
	 * The bounds a created bound may have: an Instant parses years a timestamp cannot
	 * hold.
	 */
	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	static LeadFilter of(List<String> statuses, List<String> recommendations, String owner, Integer minPriority,
			Integer maxPriority, String createdFrom, String createdTo, String q, Boolean overdue) {
		List<FieldError> errors = new ArrayList<>();
		List<String> status = (statuses != null) ? statuses : List.of();
		List<String> recommendation = (recommendations != null) ? recommendations : List.of();
		status.stream()
			.filter((value) -> !Pipeline.isStatus(value))
			.findFirst()
			.ifPresent((value) -> errors.add(new FieldError("status", "must be one of " + Pipeline.STATUSES)));
		recommendation.stream()
			.filter((value) -> !Pipeline.RECOMMENDATIONS.contains(value))
			.findFirst()
			.ifPresent((value) -> errors
				.add(new FieldError("recommendation", "must be one of co_managed, fully_managed, hybrid")));
		if (owner != null && owner.length() > 200) {
			errors.add(new FieldError("owner", "must be at most 200 characters"));
		}
		checkPriority("minPriority", minPriority, errors);
		checkPriority("maxPriority", maxPriority, errors);
		Instant from = instant("createdFrom", createdFrom, false, errors);
		Instant to = instant("createdTo", createdTo, true, errors);
		String text = (q != null && !q.isBlank()) ? q.strip() : null;
		if (text != null && text.length() > 200) {
			errors.add(new FieldError("q", "must be at most 200 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new LeadFilter(List.copyOf(status), List.copyOf(recommendation),
				(owner != null && !owner.isBlank()) ? owner.strip() : null, minPriority, maxPriority, from, to, text,
				Boolean.TRUE.equals(overdue));
	}

	private static void checkPriority(String field, Integer value, List<FieldError> errors) {
		if (value != null && (value < 0 || value > 100)) {
			errors.add(new FieldError(field, "must be between 0 and 100"));
		}
	}

	private static Instant instant(String field, String value, boolean endOfDay, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant instant = null;
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			instant = Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			errors.add(new FieldError(field, "must be a date (2026-11-28) or an instant (2026-11-28T09:00:00Z)"));
			return null;
		}
		return instant;
	}

	/**
	 * Appends this filter's conditions to {@code sql} (after a {@code where 1 = 1});
	 * {@code overdueCutoff} is the latest arrival that is overdue now
	 * ({@code ResponseTarget.overdueCutoff}), used when the filter keeps overdue leads.
	 */
	void appendTo(StringBuilder sql, List<Object> params, Instant overdueCutoff) {
		if (!this.statuses.isEmpty()) {
			sql.append(" and status in (").append(placeholders(this.statuses.size())).append(')');
			params.addAll(this.statuses);
		}
		if (!this.recommendations.isEmpty()) {
			sql.append(" and recommendation in (").append(placeholders(this.recommendations.size())).append(')');
			params.addAll(this.recommendations);
		}
		if (UNASSIGNED.equals(this.owner)) {
			sql.append(" and owner is null");
		}
		else if (this.owner != null) {
			sql.append(" and owner = ?");
			params.add(this.owner);
		}
		if (this.minPriority != null) {
			sql.append(" and priority >= ?");
			params.add(this.minPriority);
		}
		if (this.maxPriority != null) {
			sql.append(" and priority <= ?");
			params.add(this.maxPriority);
		}
		if (this.createdFrom != null) {
			sql.append(" and created_at >= ?");
			params.add(LeadRepository.timestamp(this.createdFrom));
		}
		if (this.createdTo != null) {
			sql.append(" and created_at < ?");
			params.add(LeadRepository.timestamp(this.createdTo));
		}
		if (this.overdue) {
			sql.append(" and first_contact_at is null and created_at <= ?");
			params.add(LeadRepository.timestamp(overdueCutoff));
		}
		if (this.q != null) {
			String pattern = "%" + this.q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			sql.append(" and (lower(name) like ? escape '\\' or lower(company) like ? escape '\\'"
					+ " or lower(email) like ? escape '\\')");
			params.add(pattern);
			params.add(pattern);
			params.add(pattern);
		}
	}

	private static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

}
