package com.northbeam.assessment.funnel;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.northbeam.assessment.lead.LeadStatistics;
import com.northbeam.assessment.questionnaire.Questionnaire.Step;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous funnel events from the gateway (no personal data, no cookies, no visitor
 * identifiers: only what happened, to which article or step, how many times, and on which
 * day), and the funnel and pipeline statistics of the dashboard. Days and weeks (Monday
 * to Sunday) are UTC.
 */
@RestController
class FunnelController {

	static final String VIEWED = "article_viewed";

	static final String STARTED = "assessment_started";

	static final String STEP = "step_completed";

	static final String SUBMITTED = "submitted";

	/** A start token issued by the gateway's JSON API: the API's own starts. */
	static final String API_STARTED = "api_started";

	/** A submission through the gateway's JSON API: no steps, its own count. */
	static final String API_SUBMITTED = "api_submitted";

	private static final Set<String> TYPES = Set.of(VIEWED, STARTED, STEP, SUBMITTED, API_STARTED, API_SUBMITTED);

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

	/** The most occurrences one event may stand for. */
	static final int MAXIMUM_COUNT = 1_000_000;

	private final FunnelRepository repository;

	private final LeadStatistics leads;

	private final Questionnaires questionnaires;

	private final Clock clock;

	FunnelController(FunnelRepository repository, LeadStatistics leads, Questionnaires questionnaires, Clock clock) {
		this.repository = repository;
		this.leads = leads;
		this.questionnaires = questionnaires;
		this.clock = clock;
	}

	/**
	 * {@code count}: how many times it happened, 1 when absent (the gateway sends the
	 * counts it gathers). A {@code Long}, so that a count beyond {@code int} is refused
	 * naming the field.
	 */
	record FunnelEvent(String type, String article, String step, Long count) {
	}

	@Operation(summary = "Records an anonymous funnel event (events:write)")
	@PostMapping("/api/events")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void record(@RequestBody FunnelEvent event) {
		List<FieldError> errors = new ArrayList<>();
		if (event.type() == null || !TYPES.contains(event.type())) {
			errors.add(new FieldError("type", "must be one of " + new java.util.TreeSet<>(TYPES)));
		}
		if (event.article() != null && !SLUG.matcher(event.article()).matches()) {
			errors.add(new FieldError("article", "must be an article slug"));
		}
		if (STEP.equals(event.type()) && (event.step() == null || !stepIds().contains(event.step()))) {
			errors.add(new FieldError("step", "must be a step of the questionnaire: " + stepIds()));
		}
		else if (!STEP.equals(event.type()) && event.step() != null && !stepIds().contains(event.step())) {
			errors.add(new FieldError("step", "must be a step of the questionnaire: " + stepIds()));
		}
		if (event.count() != null && (event.count() < 1 || event.count() > MAXIMUM_COUNT)) {
			errors.add(new FieldError("count", "must be between 1 and " + MAXIMUM_COUNT));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.repository.insert(event.type(), event.article(), event.step(),
				(event.count() != null) ? event.count().intValue() : 1, this.clock.instant());
	}

	private List<String> stepIds() {
		return this.questionnaires.current().steps().stream().map(Step::id).toList();
	}

	/**
	 * {@code starts} and {@code completions} count the wizard; {@code apiStarts} and
	 * {@code apiSubmissions} the JSON API; {@code leads} both.
	 */
	record Bucket(LocalDate start, long visits, long starts, long completions, long apiStarts, long apiSubmissions,
			long leads) {
	}

	record StepDropOff(String step, long entered, long completed) {
	}

	record SourceCount(String source, long count) {
	}

	record Funnel(LocalDate from, LocalDate to, String granularity, List<Bucket> buckets,
			List<StepDropOff> dropOffByStep, Map<String, Long> leadsByRecommendation, List<SourceCount> leadsBySource) {
	}

	/**
	 * {@code from} and {@code to} are UTC dates, both included; by default the last 30
	 * days.
	 */
	@Operation(summary = "Funnel counts per day or week between two dates (leads:read)")
	@GetMapping("/api/stats/funnel")
	Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "day") String granularity) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate last = date("to", to, today, errors);
		LocalDate first = date("from", from, (last != null) ? last.minusDays(29) : today, errors);
		if (!"day".equals(granularity) && !"week".equals(granularity)) {
			errors.add(new FieldError("granularity", "must be day or week"));
		}
		if (first != null && last != null && (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > 366 * 2)) {
			errors.add(new FieldError("from", "must be on or before to, at most two years apart"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		boolean weekly = "week".equals(granularity);
		TreeMap<LocalDate, long[]> buckets = new TreeMap<>();
		for (LocalDate day = bucketOf(first, weekly); !day.isAfter(last); day = day.plusDays(weekly ? 7 : 1)) {
			buckets.put(day, new long[6]);
		}
		Map<String, Long> steps = new LinkedHashMap<>();
		this.repository.countPerDay(first, last, (day, type, step, count) -> {
			long[] bucket = buckets.get(bucketOf(day, weekly));
			switch (type) {
				case VIEWED -> bucket[0] += count;
				case STARTED -> bucket[1] += count;
				case SUBMITTED -> bucket[2] += count;
				case API_STARTED -> bucket[3] += count;
				case API_SUBMITTED -> bucket[4] += count;
				case STEP -> steps.merge(step, count, Long::sum);
				default -> {
				}
			}
		});
		Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		this.leads.createdPerDay(start, end).forEach((day, count) -> {
			long[] bucket = buckets.get(bucketOf(day, weekly));
			if (bucket != null) {
				bucket[5] += count;
			}
		});
		long starts = buckets.values().stream().mapToLong((b) -> b[1]).sum();
		List<StepDropOff> dropOff = new ArrayList<>();
		long entered = starts;
		for (String step : stepIds()) {
			long completed = steps.getOrDefault(step, 0L);
			dropOff.add(new StepDropOff(step, entered, completed));
			entered = completed;
		}
		Map<String, Long> byRecommendation = this.leads.createdPerRecommendation(start, end);
		List<SourceCount> bySource = this.leads.createdPerSource(start, end, 50)
			.entrySet()
			.stream()
			.map((e) -> new SourceCount(e.getKey(), e.getValue()))
			.toList();
		List<Bucket> result = buckets.entrySet()
			.stream()
			.map((e) -> new Bucket(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
					e.getValue()[4], e.getValue()[5]))
			.toList();
		return new Funnel(first, last, granularity, result, dropOff, byRecommendation, bySource);
	}

	private static LocalDate bucketOf(LocalDate day, boolean weekly) {
		return weekly ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
	}

	private static LocalDate date(String field, String value, LocalDate fallback, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be a date such as 2026-11-28"));
			return null;
		}
	}

	record PipelineStats(long newThisWeek, Map<String, Long> byStatus, double conversionRate) {
	}

	/**
	 * Leads created since Monday (UTC), leads per status, and the conversion rate: won
	 * leads as a share of closed (won or lost) leads, 0 when none is closed yet.
	 */
	@Operation(summary = "New leads this week, leads per pipeline status and the conversion rate (leads:read)")
	@GetMapping("/api/stats/pipeline")
	PipelineStats pipeline() {
		LocalDate monday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		long newThisWeek = this.leads.createdSince(monday.atStartOfDay().toInstant(ZoneOffset.UTC));
		Map<String, Long> byStatus = this.leads.perStatus();
		long closed = byStatus.get("won") + byStatus.get("lost");
		double rate = (closed > 0) ? Math.round(1000.0 * byStatus.get("won") / closed) / 1000.0 : 0.0;
		return new PipelineStats(newThisWeek, byStatus, rate);
	}

}
