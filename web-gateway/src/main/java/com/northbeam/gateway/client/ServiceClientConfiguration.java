package com.northbeam.gateway.client;

import java.util.Map;

import com.northbeam.gateway.token.ServiceTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The HTTP interfaces of each service, one group per service: every interface of a group
 * shares the service's {@link ServicePolicy} (base URL and timeouts from
 * {@code gateway.services.*}, token, refusals, circuit breaker).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = ServiceClientConfiguration.CONTENT, types = { ContentApi.class, ContentEditorApi.class })
@ImportHttpServices(group = ServiceClientConfiguration.ASSESSMENT, types = { AssessmentApi.class, FunnelEventsApi.class,
		LeadsApi.class, StatsApi.class, AdminApi.class, ScoringApi.class, RoutingApi.class })
class ServiceClientConfiguration {

	static final String CONTENT = "content-service";

	static final String ASSESSMENT = "assessment-service";

	@Bean
	RestClientHttpServiceGroupConfigurer servicePolicies(ServiceClientProperties properties, ServiceTokens tokens) {
		Map<String, ServicePolicy> policies = Map.of(CONTENT,
				new ServicePolicy(CONTENT, properties.content(), tokens::issue), ASSESSMENT,
				new ServicePolicy(ASSESSMENT, properties.assessment(), tokens::issue));
		return (groups) -> groups.forEachGroup((group, client, proxyFactory) -> {
			ServicePolicy policy = policies.get(group.name());
			policy.configure(client);
			proxyFactory.exchangeAdapterDecorator(policy::decorate);
		});
	}

}
