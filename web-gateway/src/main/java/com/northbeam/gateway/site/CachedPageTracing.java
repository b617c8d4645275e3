package com.northbeam.gateway.site;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Requests answered from the {@link RenderedPageCache} keep their HTTP metrics but open
 * no span. Such a hit is a lookup and one write with nothing downstream to follow, yet a
 * span per request (extracting the trace context, opening scopes, publishing them to the
 * log context) cost the guide page about a fifth of its throughput in
 * {@code bench/gateway}. A miss, which renders the page and calls content-service, is
 * traced as before.
 */
@Configuration(proxyBeanMethods = false)
class CachedPageTracing {

	private static final String CACHED = CachedPageTracing.class.getName() + ".cached";

	private final RenderedPageCache pages;

	CachedPageTracing(RenderedPageCache pages) {
		this.pages = pages;
	}

	@Bean
	@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER)
	PropagatingReceiverTracingObservationHandler<?> propagatingReceiverTracingObservationHandler(Tracer tracer,
			Propagator propagator) {
		return new PropagatingReceiverTracingObservationHandler<>(tracer, propagator) {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return super.supportsContext(context) && !servedFromCache(context);
			}
		};
	}

	@Bean
	@Order(MicrometerTracingAutoConfiguration.DEFAULT_TRACING_OBSERVATION_HANDLER_ORDER)
	DefaultTracingObservationHandler defaultTracingObservationHandler(Tracer tracer) {
		return new DefaultTracingObservationHandler(tracer) {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return super.supportsContext(context) && !servedFromCache(context);
			}
		};
	}

	/**
	 * Decided once per request, when its observation starts, and remembered in the
	 * context: the handlers are asked again at every scope change and at the end.
	 */
	boolean servedFromCache(Observation.Context context) {
		if (!(context instanceof ServerRequestObservationContext request)) {
			return false;
		}
		Boolean cached = request.get(CACHED);
		if (cached == null) {
			cached = this.pages.holds(request.getCarrier());
			request.put(CACHED, cached);
			if (cached) {
				// The metrics handler looks for the tracing context to attach exemplars;
				// it
				// finds one without a span.
				request.put(TracingObservationHandler.TracingContext.class,
						new TracingObservationHandler.TracingContext());
			}
		}
		return cached;
	}

}
