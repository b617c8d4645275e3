package com.northbeam.gateway.system;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page whose content could not be fetched gets a friendly 503 page, a missing one the
 * 404 page; never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ServiceUnavailablePages {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailablePages.class);

	private final ObjectProvider<Tracer> tracer;

	ServiceUnavailablePages(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@ExceptionHandler(UpstreamUnavailableException.class)
	ModelAndView unavailable(UpstreamUnavailableException ex, HttpServletRequest request) {
		log.warn("{} {} failed: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		ModelAndView page = new ModelAndView("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("requestId", RequestIdFilter.of(request));
		page.addObject("traceId", traceId());
		page.addObject("status", 503);
		page.addObject("upstream", ex.upstream());
		return page;
	}

	@ExceptionHandler(PageNotFoundException.class)
	ModelAndView notFound(PageNotFoundException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		page.addObject("requestId", RequestIdFilter.of(request));
		page.addObject("traceId", traceId());
		page.addObject("status", 404);
		return page;
	}

	private String traceId() {
		Tracer current = this.tracer.getIfAvailable();
		TraceContext trace = (current != null) ? current.currentTraceContext().context() : null;
		return (trace != null) ? trace.traceId() : "";
	}

}
