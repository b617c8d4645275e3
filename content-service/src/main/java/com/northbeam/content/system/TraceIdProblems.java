package com.northbeam.content.system;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem+json body carries the trace id of its request, so a caller's report leads
 * to the request's log lines and trace.
 */
@RestControllerAdvice
class TraceIdProblems implements ResponseBodyAdvice<Object> {

	private final ObjectProvider<Tracer> tracer;

	TraceIdProblems(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			Tracer current = this.tracer.getIfAvailable();
			TraceContext context = (current != null) ? current.currentTraceContext().context() : null;
			if (context != null) {
				problem.setProperty("traceId", context.traceId());
			}
		}
		return body;
	}

}
