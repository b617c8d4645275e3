package com.northbeam.gateway.client;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.northbeam.gateway.token.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Tells assessment-service about anonymous steps of the funnel (an article read, an assessment
 * started, a step completed, a submission made) for the dashboard's statistics. Nothing personal
 * and no cookie is sent. Events go out in the background from a small bounded queue: a page never
 * waits for them, and when the service is slow or down, events are dropped rather than piling up.
 */
@Component
public class FunnelEvents implements DisposableBean {

	public static final String ARTICLE_VIEWED = "article_viewed";

	public static final String ASSESSMENT_STARTED = "assessment_started";

	public static final String STEP_COMPLETED = "step_completed";

	public static final String SUBMITTED = "submitted";

	private static final Logger log = LoggerFactory.getLogger(FunnelEvents.class);

	private final ServiceCall assessment;

	private final ServiceTokens tokens;

	private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1_000), (task, executor) -> log.debug("Funnel event dropped: queue full"));

	FunnelEvents(ServiceClientProperties properties, RestClient.Builder builder, ServiceTokens tokens) {
		this.assessment = new ServiceCall("assessment-service", properties.assessment(), builder);
		this.tokens = tokens;
	}

	public void articleViewed(String slug) {
		record(new Event(ARTICLE_VIEWED, slug, null));
	}

	public void assessmentStarted() {
		record(new Event(ASSESSMENT_STARTED, null, null));
	}

	public void stepCompleted(String stepId) {
		record(new Event(STEP_COMPLETED, null, stepId));
	}

	public void submitted() {
		record(new Event(SUBMITTED, null, null));
	}

	private void record(Event event) {
		sender.execute(() -> send(event));
	}

	private void send(Event event) {
		try {
			String token = tokens.issue("assessment-service", "gateway", List.of("events:write"));
			assessment.call(() -> assessment.rest()
				.post()
				.uri("/api/events")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(event)
				.retrieve()
				.toBodilessEntity());
		}
		catch (ServiceUnavailableException | RestClientException ex) {
			log.debug("Funnel event {} not recorded: {}", event.type(), ex.getMessage());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		sender.shutdown();
		sender.awaitTermination(2, TimeUnit.SECONDS);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Event(String type, String article, String step) {
	}

}
