package com.northbeam.gateway.dashboard.overview;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.AdminNotFoundException;
import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.client.StatsClient;
import com.northbeam.gateway.client.StatsClient.Funnel;
import com.northbeam.gateway.client.StatsClient.Granularity;
import com.northbeam.gateway.client.StatsClient.Pipeline;
import com.northbeam.gateway.client.StatsClient.ResponseTimes;
import com.northbeam.gateway.dashboard.overview.SvgChart.Entry;
import com.northbeam.gateway.staff.CurrentStaff;
import com.northbeam.gateway.staff.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's start page. Everyone sees the links to their part; those who work leads
 * also see the pipeline, speed to lead (leads waiting now, time to first contact per week
 * and per owner) and the charts of the last twelve weeks, fetched from assessment-service
 * with a token for them. When the figures cannot be fetched the page says so and still
 * renders.
 */
@Controller
class OverviewController {

	static final int WEEKS = 12;

	static final List<String> STATUSES = List.of("new", "contacted", "qualified", "proposal", "won", "lost");

	static final List<String> RECOMMENDATIONS = List.of("co_managed", "fully_managed", "hybrid");

	private static final Logger log = LoggerFactory.getLogger(OverviewController.class);

	private static final DateTimeFormatter WEEK_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final StatsClient stats;

	private final StaffAccounts staff;

	private final MessageSource messages;

	private final Clock clock;

	OverviewController(StatsClient stats, StaffAccounts staff, MessageSource messages, Clock clock) {
		this.stats = stats;
		this.staff = staff;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String overview(Authentication authentication, Model model, Locale locale) {
		CurrentStaff staff = CurrentStaff.of(authentication);
		if (!staff.canWorkLeads()) {
			return "dashboard/overview";
		}
		StaffCaller caller = new StaffCaller(staff.email(), staff.scopes());
		try {
			Pipeline pipeline = stats.pipeline(caller);
			model.addAttribute("pipeline", pipeline);
			model.addAttribute("statuses", STATUSES);
			model.addAttribute("conversion", percent(pipeline.conversionRate()));
		}
		catch (ServiceUnavailableException | AdminNotFoundException | AdminRejectedException ex) {
			log.warn("Pipeline figures unavailable: {}", ex.getMessage());
			model.addAttribute("pipelineUnavailable", true);
		}
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
		try {
			ResponseTimes response = stats.responseTimes(caller, from, today);
			model.addAttribute("response", response);
			model.addAttribute("responseCharts", responseCharts(response, locale));
		}
		catch (ServiceUnavailableException | AdminNotFoundException | AdminRejectedException ex) {
			log.warn("Response times unavailable: {}", ex.getMessage());
			model.addAttribute("responseUnavailable", true);
		}
		try {
			Funnel funnel = stats.funnel(caller, from, today, Granularity.WEEK);
			model.addAttribute("charts", charts(funnel, locale));
			model.addAttribute("from", from);
			model.addAttribute("to", today);
		}
		catch (ServiceUnavailableException | AdminNotFoundException | AdminRejectedException ex) {
			log.warn("Funnel figures unavailable: {}", ex.getMessage());
			model.addAttribute("chartsUnavailable", true);
		}
		return "dashboard/overview";
	}

	List<SvgChart> charts(Funnel funnel, Locale locale) {
		List<SvgChart> charts = new ArrayList<>();
		charts.add(SvgChart.columns("chart-leads-per-week", text("overview.chart.leadsPerWeek", locale),
				funnel.buckets()
					.stream()
					.map((bucket) -> Entry.of(weekLabel(bucket.start()), bucket.leads()))
					.toList()));

		long recommended = RECOMMENDATIONS.stream()
			.mapToLong((code) -> funnel.leadsByRecommendation().getOrDefault(code, 0L))
			.sum();
		charts.add(SvgChart.rows("chart-recommendations", text("overview.chart.recommendations", locale),
				RECOMMENDATIONS.stream().map((code) -> {
					long count = funnel.leadsByRecommendation().getOrDefault(code, 0L);
					return new Entry(text("overview.recommendation." + code, locale), count,
							text("overview.countShare", locale, count, share(count, recommended)));
				}).toList()));

		long visits = funnel.buckets().stream().mapToLong(StatsClient.Bucket::visits).sum();
		long starts = funnel.buckets().stream().mapToLong(StatsClient.Bucket::starts).sum();
		long completions = funnel.buckets().stream().mapToLong(StatsClient.Bucket::completions).sum();
		long apiStarts = funnel.buckets().stream().mapToLong(StatsClient.Bucket::apiStarts).sum();
		long api = funnel.buckets().stream().mapToLong(StatsClient.Bucket::apiSubmissions).sum();
		long leads = funnel.buckets().stream().mapToLong(StatsClient.Bucket::leads).sum();
		long[] stages = { visits, starts, completions };
		String[] stageKeys = { "visits", "starts", "completions" };
		List<Entry> funnelEntries = new ArrayList<>();
		for (int i = 0; i < stages.length; i++) {
			String valueText = (i == 0) ? text("overview.count", locale, stages[i])
					: text("overview.countDropOff", locale, stages[i], dropOff(stages[i - 1], stages[i]));
			funnelEntries.add(new Entry(text("overview.funnel." + stageKeys[i], locale), stages[i], valueText));
		}
		// The JSON API has no visits or steps: its starts and submissions are rows of
		// their
		// own, and its leads count against its submissions, not the wizard's completions.
		funnelEntries.add(new Entry(text("overview.funnel.apiStarts", locale), apiStarts,
				text("overview.count", locale, apiStarts)));
		// (A service that does not count the API's starts yet sends none.)
		funnelEntries.add(new Entry(text("overview.funnel.api", locale), api,
				(apiStarts > 0) ? text("overview.countDropOff", locale, api, dropOff(apiStarts, api))
						: text("overview.count", locale, api)));
		funnelEntries.add(new Entry(text("overview.funnel.leads", locale), leads,
				text("overview.countDropOff", locale, leads, dropOff(completions + api, leads))));
		charts.add(SvgChart.rows("chart-funnel", text("overview.chart.funnel", locale), funnelEntries));

		charts.add(SvgChart.rows("chart-steps", text("overview.chart.steps", locale),
				funnel.dropOffByStep()
					.stream()
					.map((step) -> new Entry(step.step(), step.entered(),
							text("overview.stepDropOff", locale, step.entered(), step.completed(),
									dropOff(step.entered(), step.completed()))))
					.toList()));

		charts.add(SvgChart.rows("chart-sources", text("overview.chart.sources", locale),
				funnel.leadsBySource()
					.stream()
					.map((source) -> Entry.of((source.source() == null || source.source().isBlank())
							? text("overview.source.direct", locale) : source.source(), source.count()))
					.toList()));
		return charts;
	}

	/**
	 * Time to first contact per week of arrival, then per owner: an owner by name, with
	 * the email as the title (or as the label when no account has it any more).
	 */
	List<ResponseChart> responseCharts(ResponseTimes response, Locale locale) {
		long target = response.targetMinutes() * 60L;
		List<ResponseChart.Figures> weeks = response.weeks()
			.stream()
			.map((week) -> new ResponseChart.Figures(weekLabel(week.start().toString()), week.contacted(),
					week.medianSeconds(), week.p90Seconds()))
			.toList();
		Map<String, String> names = staff.namesByEmail();
		List<ResponseChart.Figures> owners = response.owners()
			.stream()
			.map((owner) -> (owner.owner() != null)
					? new ResponseChart.Figures(
							names.getOrDefault(StaffAccounts.normalise(owner.owner()), owner.owner()), owner.owner(),
							owner.contacted(), owner.medianSeconds(), owner.p90Seconds())
					: new ResponseChart.Figures(text("overview.response.unassigned", locale), owner.contacted(),
							owner.medianSeconds(), owner.p90Seconds()))
			.toList();
		return List.of(
				ResponseChart.of("chart-response-weeks", text("overview.chart.responseWeeks", locale), weeks, target),
				ResponseChart.of("chart-response-owners", text("overview.chart.responseOwners", locale), owners,
						target));
	}

	/**
	 * The share lost between one stage and the next, in whole percent ("0%" when nobody
	 * entered).
	 */
	static String dropOff(long entered, long completed) {
		if (entered <= 0) {
			return "0%";
		}
		return percent(Math.max(0, entered - completed) / (double) entered);
	}

	static String share(long part, long whole) {
		return (whole <= 0) ? "0%" : percent(part / (double) whole);
	}

	static String percent(double share) {
		return String.format(Locale.ENGLISH, "%.0f%%", share * 100);
	}

	static String weekLabel(String start) {
		if (start == null || start.length() < 10) {
			return String.valueOf(start);
		}
		try {
			return WEEK_LABEL.format(LocalDate.parse(start.substring(0, 10)));
		}
		catch (DateTimeParseException ex) {
			return start;
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
