package com.northbeam.assessment.lead;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.lead.LeadStatisticsRepository.Percentiles;
import com.northbeam.assessment.lead.LeadStatisticsRepository.Waiting;
import com.northbeam.assessment.responsetarget.ResponseTarget;
import com.northbeam.assessment.responsetarget.ResponseTargets;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Speed to lead for the dashboard: how long leads waited for their first contact (working
 * time, median and 90th percentile) per week of arrival and per owner, and how many wait
 * now. Weeks run Monday to Sunday, UTC, like the funnel's.
 */
@RestController
class ResponseTimeController {

	static final int WEEKS = 12;

	static final int MAX_WEEKS = 106;

	static final int OWNERS = 20;

	private final LeadStatisticsRepository statistics;

	private final ResponseTargets targets;

	private final Clock clock;

	ResponseTimeController(LeadStatisticsRepository statistics, ResponseTargets targets, Clock clock) {
		this.statistics = statistics;
		this.targets = targets;
		this.clock = clock;
	}

	/**
	 * A week of arrivals: how many of its leads were contacted, and in how many working
	 * seconds (no figures when none was).
	 */
	record Week(LocalDate start, long contacted, Double medianSeconds, Double p90Seconds) {
	}

	/** An owner's leads of the period ({@code owner} null: unassigned). */
	record Owner(String owner, long contacted, double medianSeconds, double p90Seconds) {
	}

	/**
	 * {@code waiting}: leads nobody has contacted yet; {@code overdue}: those of them
	 * past the target of {@code targetMinutes} working minutes.
	 */
	record ResponseTimes(LocalDate from, LocalDate to, int targetMinutes, long waiting, long overdue, List<Week> weeks,
			List<Owner> owners) {
	}

	/**
	 * {@code from} and {@code to} are UTC dates, both included, widened to whole weeks;
	 * by default the twelve weeks up to today.
	 */
	@Operation(summary = "Working time to first contact, median and 90th percentile, per week of arrival and per "
			+ "owner, and how many leads wait now (leads:read)")
	@GetMapping("/api/stats/response-times")
	ResponseTimes responseTimes(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<FieldError> errors = new ArrayList<>();
		Instant now = this.clock.instant();
		LocalDate last = date("to", to, LocalDate.ofInstant(now, ZoneOffset.UTC), errors);
		LocalDate first = date("from", from,
				(last != null) ? monday(last).minusWeeks(WEEKS - 1) : LocalDate.ofInstant(now, ZoneOffset.UTC), errors);
		if (first != null && last != null
				&& (first.isAfter(last) || ChronoUnit.WEEKS.between(monday(first), last) >= MAX_WEEKS)) {
			errors.add(new FieldError("from", "must be on or before to, at most " + MAX_WEEKS + " weeks apart"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate week = monday(first); !week.isAfter(last); week = week.plusWeeks(1)) {
			starts.add(week);
		}
		List<Instant> bounds = new ArrayList<>(
				starts.stream().map(LocalDate::atStartOfDay).map((start) -> start.toInstant(ZoneOffset.UTC)).toList());
		bounds.add(starts.get(starts.size() - 1).plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		Map<Integer, Percentiles> perWeek = this.statistics.responsePerPeriod(bounds);
		List<Week> weeks = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Percentiles figures = perWeek.get(i);
			weeks.add((figures != null) ? new Week(starts.get(i), figures.contacted(), figures.median(), figures.p90())
					: new Week(starts.get(i), 0, null, null));
		}
		List<Owner> owners = this.statistics.responsePerOwner(bounds.get(0), bounds.get(bounds.size() - 1), OWNERS)
			.entrySet()
			.stream()
			.map((entry) -> new Owner(entry.getKey(), entry.getValue().contacted(), entry.getValue().median(),
					entry.getValue().p90()))
			.toList();
		ResponseTarget target = this.targets.current();
		Waiting waiting = this.statistics.waiting(target.overdueCutoff(now));
		return new ResponseTimes(monday(first), starts.get(starts.size() - 1).plusDays(6), target.minutes(),
				waiting.waiting(), waiting.overdue(), weeks, owners);
	}

	private static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static LocalDate date(String field, String value, LocalDate fallback, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be a date such as 2026-11-28"));
			return null;
		}
	}

}
