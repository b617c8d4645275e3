package com.northbeam.gateway.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * A service's HTTP interfaces built outside the application context, the way
 * {@link ServiceClientConfiguration} builds them, for tests that need their own fake
 * server, timeouts or circuit breaker.
 */
final class TestServices {

	private final ServicePolicy policy;

	private final HttpServiceProxyFactory proxies;

	TestServices(String service, String baseUrl, Duration readTimeout, TokenIssuer tokens) {
		this.policy = new ServicePolicy(service,
				new ServiceClientProperties.Endpoint(URI.create(baseUrl), Duration.ofMillis(500), readTimeout), tokens);
		RestClient.Builder client = RestClient.builder();
		policy.configure(client);
		this.proxies = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client.build()))
			.exchangeAdapterDecorator(policy::decorate)
			.build();
	}

	<T> T client(Class<T> type) {
		return proxies.createClient(type);
	}

	ServicePolicy policy() {
		return policy;
	}

}
