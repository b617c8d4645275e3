package com.northbeam.gateway.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Tells assessment-service about anonymous steps of the funnel (an article read, an
 * assessment started or a submission made, through the wizard or through the JSON API, a
 * step of the wizard completed) for the dashboard's statistics. Nothing personal and no
 * cookie is sent.
 * <p>
 * Events are counted in memory per type, article and step: recording one is an increment
 * on the request thread, which never waits and never fails. Every
 * {@code gateway.funnel.flush-interval} (10 seconds by default), and once more on
 * shutdown, each count goes out as one request with its {@code count}. A count the
 * service does not take (down, slow, circuit open, an error) is kept for the next flush;
 * one it refuses as invalid is dropped; one still unsent when the gateway stops is lost.
 * A counted event keeps its place between flushes (the articles, event types and steps
 * are few), so no increment is lost to a flush; beyond
 * {@code gateway.funnel.maximum-keys} distinct events, new ones are not counted.
 */
@Component
public class FunnelEvents implements SchedulingConfigurer, DisposableBean {

	public static final String ARTICLE_VIEWED = "article_viewed";

	public static final String ASSESSMENT_STARTED = "assessment_started";

	public static final String STEP_COMPLETED = "step_completed";

	public static final String SUBMITTED = "submitted";

	/**
	 * A start token issued by the JSON API: the API's start, counted apart from the
	 * wizard's.
	 */
	public static final String API_STARTED = "api_started";

	/**
	 * A submission through the JSON API, which has no steps: counted apart from the
	 * wizard's funnel.
	 */
	public static final String API_SUBMITTED = "api_submitted";

	/** The most one request may carry: assessment-service refuses larger counts. */
	static final int MAXIMUM_COUNT = 1_000_000;

	private static final Logger log = LoggerFactory.getLogger(FunnelEvents.class);

	private static final Caller GATEWAY = Caller.gateway("events:write");

	private final FunnelEventsApi assessment;

	private final FunnelProperties properties;

	private final Map<Event, LongAdder> counts = new ConcurrentHashMap<>();

	FunnelEvents(FunnelEventsApi assessment, FunnelProperties properties) {
		this.assessment = assessment;
		this.properties = properties;
	}

	public void articleViewed(String slug) {
		count(new Event(ARTICLE_VIEWED, slug, null));
	}

	public void assessmentStarted() {
		count(new Event(ASSESSMENT_STARTED, null, null));
	}

	public void stepCompleted(String stepId) {
		count(new Event(STEP_COMPLETED, null, stepId));
	}

	public void submitted() {
		count(new Event(SUBMITTED, null, null));
	}

	public void apiStarted() {
		count(new Event(API_STARTED, null, null));
	}

	public void apiSubmitted() {
		count(new Event(API_SUBMITTED, null, null));
	}

	private void count(Event event) {
		LongAdder count = counts.get(event);
		if (count == null) {
			if (counts.size() >= properties.maximumKeys()) {
				log.debug("Funnel event {} not counted: {} distinct events are counted already", event,
						properties.maximumKeys());
				return;
			}
			count = counts.computeIfAbsent(event, (key) -> new LongAdder());
		}
		count.increment();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = properties.flushInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::flush, interval, interval));
	}

	/**
	 * Sends what has been counted since the last flush, one request per event (split when
	 * above {@link #MAXIMUM_COUNT}); what assessment-service does not take stays counted
	 * for the next flush. Never throws.
	 */
	public synchronized void flush() {
		counts.forEach((event, count) -> {
			long unsent = count.sumThenReset();
			while (unsent > 0) {
				int part = (int) Math.min(unsent, MAXIMUM_COUNT);
				if (!send(event, part)) {
					count.add(unsent);
					return;
				}
				unsent -= part;
			}
		});
	}

	/**
	 * Whether the service is done with the count: taken, or refused as invalid and
	 * dropped.
	 */
	private boolean send(Event event, int count) {
		try {
			assessment.record(GATEWAY, new Counted(event.type(), event.article(), event.step(), count));
			return true;
		}
		catch (Refusal refusal) {
			if (!refusal.is(HttpStatus.BAD_REQUEST)) {
				log.debug("Funnel event {} kept for the next flush: {}", event, refusal.getMessage());
				return false;
			}
			log.warn("assessment-service refused funnel event {}; {} occurrence(s) dropped: {}", event, count,
					refusal.getResponseBodyAsString());
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Funnel event {} kept for the next flush: {}", event, ex.getMessage());
			return false;
		}
	}

	@Override
	public void destroy() {
		flush();
	}

	record Event(String type, String article, String step) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Counted(String type, String article, String step, int count) {
	}

}
