package com.northbeam.gateway.client;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the bearer token to every request of one service that names its {@link Caller}:
 * issued for that caller's subject and scopes, with the service as audience.
 */
final class ServiceTokenInterceptor implements ClientHttpRequestInterceptor {

	private final String audience;

	private final TokenIssuer tokens;

	ServiceTokenInterceptor(String audience, TokenIssuer tokens) {
		this.audience = audience;
		this.tokens = tokens;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (request.getAttributes().get(Caller.ATTRIBUTE) instanceof Caller caller) {
			request.getHeaders()
				.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(audience, caller.subject(), caller.scopes()));
		}
		return execution.execute(request, body);
	}

}
