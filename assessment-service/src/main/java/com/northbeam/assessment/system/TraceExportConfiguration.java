package com.northbeam.assessment.system;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exports spans over OTLP/HTTP when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set, and nowhere
 * otherwise. Spring Boot's own OTLP configuration decides by a condition on that
 * property, which the ahead-of-time processed jar evaluates once, at build time; this
 * bean decides when it is created, so the setting works the same in both modes (Boot's
 * configuration is excluded in application.properties).
 */
@Configuration(proxyBeanMethods = false)
class TraceExportConfiguration {

	@Bean
	SpanExporter otlpSpanExporter(@Value("${management.opentelemetry.tracing.export.otlp.endpoint:}") String endpoint) {
		return endpoint.isBlank() ? SpanExporter.composite()
				: OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build();
	}

}
