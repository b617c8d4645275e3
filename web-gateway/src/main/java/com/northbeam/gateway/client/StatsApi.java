package com.northbeam.gateway.client;

import com.northbeam.gateway.client.StatsClient.Funnel;
import com.northbeam.gateway.client.StatsClient.Pipeline;
import com.northbeam.gateway.client.StatsClient.ResponseTimes;

import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** assessment-service's figures for the dashboard overview. */
@HttpExchange("/api/stats")
interface StatsApi {

	@GetExchange("/pipeline")
	Pipeline pipeline(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	/** {@code from} and {@code to} are ISO dates. */
	@GetExchange("/funnel")
	Funnel funnel(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam String from, @RequestParam String to,
			@RequestParam String granularity);

	/** {@code from} and {@code to} are ISO dates. */
	@GetExchange("/response-times")
	ResponseTimes responseTimes(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam String from,
			@RequestParam String to);

}
