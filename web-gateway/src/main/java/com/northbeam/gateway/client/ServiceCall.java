package com.northbeam.gateway.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The plumbing every service client shares: a {@link RestClient} with connect and read timeouts
 * that never follows redirects, and a circuit breaker so a failing service is skipped quickly
 * instead of tying up request threads.
 */
final class ServiceCall {

	private final String service;

	private final RestClient rest;

	private final CircuitBreaker circuitBreaker;

	ServiceCall(String service, ServiceClientProperties.Endpoint endpoint, RestClient.Builder builder) {
		this.service = service;
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(endpoint.readTimeout());
		// Buffered so every request declares its Content-Length: the services refuse chunked bodies.
		this.rest = builder.clone()
			.baseUrl(endpoint.baseUrl().toString())
			.requestFactory(new BufferingClientHttpRequestFactory(requestFactory))
			.build();
		this.circuitBreaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedNumberOfCallsInHalfOpenState(2)
			// A 404 or 400 is an answer, not a sign that the service is unwell.
			.ignoreExceptions(HttpClientErrorException.class)
			.build());
	}

	RestClient rest() {
		return rest;
	}

	/** Runs a call through the circuit breaker; any failure to answer becomes {@link ServiceUnavailableException}. */
	<T> T call(Supplier<T> request) {
		try {
			return circuitBreaker.executeSupplier(request);
		}
		catch (HttpClientErrorException ex) {
			throw ex;
		}
		catch (CallNotPermittedException | RestClientException ex) {
			throw new ServiceUnavailableException(service, ex);
		}
	}

	CircuitBreaker.State state() {
		return circuitBreaker.getState();
	}

}
