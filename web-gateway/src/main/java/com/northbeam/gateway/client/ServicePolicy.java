package com.northbeam.gateway.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapterDecorator;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * How the gateway calls one service, shared by every HTTP interface of that service:
 * connect and read timeouts, no redirects followed, bodies sent with their
 * Content-Length, the caller's token ({@link ServiceTokenInterceptor}), refusals read as
 * {@link Refusal}, and one circuit breaker so a failing service is skipped quickly
 * instead of tying up request threads. Any failure to answer becomes
 * {@link ServiceUnavailableException}.
 */
final class ServicePolicy {

	private final String service;

	private final ServiceClientProperties.Endpoint endpoint;

	private final TokenIssuer tokens;

	private final CircuitBreaker circuitBreaker;

	ServicePolicy(String service, ServiceClientProperties.Endpoint endpoint, TokenIssuer tokens) {
		this.service = service;
		this.endpoint = endpoint;
		this.tokens = tokens;
		this.circuitBreaker = CircuitBreaker.of(service,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(10))
					.permittedNumberOfCallsInHalfOpenState(2)
					// A 404 or 400 is an answer, not a sign that the service is unwell.
					.ignoreExceptions(HttpClientErrorException.class)
					.build());
	}

	String service() {
		return service;
	}

	/**
	 * Applies the transport, token and refusal handling to the client of the service's
	 * group.
	 */
	void configure(RestClient.Builder client) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(endpoint.readTimeout());
		// Buffered so every request declares its Content-Length: the services refuse
		// chunked bodies.
		client.baseUrl(endpoint.baseUrl().toString())
			.requestFactory(new BufferingClientHttpRequestFactory(requestFactory))
			.requestInterceptor(new ServiceTokenInterceptor(service, tokens))
			.defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
				throw new Refusal(service, response.getStatusCode(), response.getHeaders(),
						response.getBody().readAllBytes());
			});
	}

	/** Runs every exchange of the service's interfaces through its circuit breaker. */
	HttpExchangeAdapter decorate(HttpExchangeAdapter adapter) {
		return new HttpExchangeAdapterDecorator(adapter) {

			@Override
			public void exchange(HttpRequestValues values) {
				guarded(() -> {
					super.exchange(values);
					return null;
				});
			}

			@Override
			public HttpHeaders exchangeForHeaders(HttpRequestValues values) {
				return guarded(() -> super.exchangeForHeaders(values));
			}

			@Override
			public <T> T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
				return guarded(() -> super.exchangeForBody(values, bodyType));
			}

			@Override
			public ResponseEntity<Void> exchangeForBodilessEntity(HttpRequestValues values) {
				return guarded(() -> super.exchangeForBodilessEntity(values));
			}

			@Override
			public <T> ResponseEntity<T> exchangeForEntity(HttpRequestValues values,
					ParameterizedTypeReference<T> bodyType) {
				return guarded(() -> super.exchangeForEntity(values, bodyType));
			}

		};
	}

	private <T> T guarded(Supplier<T> exchange) {
		try {
			return circuitBreaker.executeSupplier(exchange);
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
