package com.northbeam.gateway.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The overview's figures from assessment-service (scope {@code leads:read}): the pipeline
 * and the funnel from article views to leads. Calls carry a token issued for the
 * signed-in staff member.
 */
@Component
public class StatsClient {

	private final StatsApi stats;

	StatsClient(StatsApi stats) {
		this.stats = stats;
	}

	public Pipeline pipeline(StaffCaller caller) {
		return Refusals.ADMIN.answer("pipeline", () -> stats.pipeline(Caller.of(caller)));
	}

	/** The funnel between two days (inclusive), bucketed by {@code granularity}. */
	public Funnel funnel(StaffCaller caller, LocalDate from, LocalDate to, Granularity granularity) {
		return Refusals.ADMIN.answer("funnel", () -> stats.funnel(Caller.of(caller), from.toString(), to.toString(),
				granularity.name().toLowerCase(Locale.ROOT)));
	}

	/**
	 * Speed to lead for the weeks from {@code from} to {@code to} (inclusive, widened to
	 * whole weeks).
	 */
	public ResponseTimes responseTimes(StaffCaller caller, LocalDate from, LocalDate to) {
		return Refusals.ADMIN.answer("response times",
				() -> stats.responseTimes(Caller.of(caller), from.toString(), to.toString()));
	}

	public enum Granularity {

		DAY, WEEK

	}

	/** Leads by status; {@code conversionRate} is a share between 0 and 1. */
	public record Pipeline(long newThisWeek, Map<String, Long> byStatus, double conversionRate) {

		public Pipeline {
			byStatus = (byStatus != null) ? Map.copyOf(byStatus) : Map.of();
		}

		public long count(String status) {
			return byStatus.getOrDefault(status, 0L);
		}

	}

	public record Funnel(List<Bucket> buckets, List<Step> dropOffByStep, Map<String, Long> leadsByRecommendation,
			List<SourceCount> leadsBySource) {

		public Funnel {
			buckets = (buckets != null) ? List.copyOf(buckets) : List.of();
			dropOffByStep = (dropOffByStep != null) ? List.copyOf(dropOffByStep) : List.of();
			leadsByRecommendation = (leadsByRecommendation != null) ? Map.copyOf(leadsByRecommendation) : Map.of();
			leadsBySource = (leadsBySource != null) ? List.copyOf(leadsBySource) : List.of();
		}

	}

	/** One day or week, starting on {@code start} (an ISO date or instant). */
	/**
	 * {@code starts} and {@code completions} are the wizard's; {@code apiStarts} and
	 * {@code apiSubmissions} came through the JSON API (0 from a service that does not
	 * count them yet); {@code leads} are from both.
	 */
	public record Bucket(String start, long visits, long starts, long completions, Long apiStarts, Long apiSubmissions,
			long leads) {

		public Bucket {
			apiStarts = (apiStarts != null) ? apiStarts : 0L;
			apiSubmissions = (apiSubmissions != null) ? apiSubmissions : 0L;
		}

	}

	public record Step(String step, long entered, long completed) {
	}

	public record SourceCount(String source, long count) {
	}

	/**
	 * How long leads waited for their first contact, in working seconds, per week of
	 * arrival and per owner; {@code waiting} leads nobody has contacted now,
	 * {@code overdue} those past the target.
	 */
	public record ResponseTimes(int targetMinutes, long waiting, long overdue, List<Week> weeks, List<Owner> owners) {

		public ResponseTimes {
			weeks = (weeks != null) ? List.copyOf(weeks) : List.of();
			owners = (owners != null) ? List.copyOf(owners) : List.of();
		}

	}

	/** A week of arrivals; no figures when none of its leads was contacted. */
	public record Week(LocalDate start, long contacted, Double medianSeconds, Double p90Seconds) {
	}

	/** An owner's leads ({@code owner} null: unassigned). */
	public record Owner(String owner, long contacted, double medianSeconds, double p90Seconds) {
	}

}
