package com.northbeam.gateway.system;

import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Error pages and error JSON carry the request id to quote and the trace id that leads to
 * the request's log lines in every service, and never a stack trace.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

	@Bean
	ErrorAttributes errorAttributes(ObjectProvider<Tracer> tracer) {
		return new DefaultErrorAttributes() {

			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request,
						options.excluding(ErrorAttributeOptions.Include.STACK_TRACE,
								ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.MESSAGE,
								ErrorAttributeOptions.Include.BINDING_ERRORS));
				Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				attributes.put(RequestIdFilter.ATTRIBUTE, (id != null) ? id : "");
				attributes.put("traceId", traceId(tracer.getIfAvailable(), request));
				return attributes;
			}

		};
	}

	/**
	 * The current trace, or, on the error dispatch that renders a 404 or an uncaught
	 * error after the request's observation has ended, the trace of that observation.
	 */
	private static String traceId(Tracer tracer, WebRequest request) {
		TraceContext current = (tracer != null) ? tracer.currentTraceContext().context() : null;
		if (current != null) {
			return current.traceId();
		}
		if (request instanceof ServletWebRequest servlet) {
			return ServerHttpObservationFilter.findObservationContext(servlet.getRequest())
				.map((observation) -> observation.<TracingObservationHandler.TracingContext>get(
						TracingObservationHandler.TracingContext.class))
				.map(TracingObservationHandler.TracingContext::getSpan)
				.map((span) -> span.context().traceId())
				.orElse("");
		}
		return "";
	}

}
