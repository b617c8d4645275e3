package com.northbeam.gateway.client;

import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** assessment-service's anonymous funnel counts. */
@HttpExchange("/api/events")
interface FunnelEventsApi {

	@PostExchange
	void record(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody FunnelEvents.Counted counted);

}
