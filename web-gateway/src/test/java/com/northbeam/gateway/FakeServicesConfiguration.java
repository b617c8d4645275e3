package com.northbeam.gateway;

import com.northbeam.testsupport.FakeHttpServer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Stands in for content-service and assessment-service with fake HTTP servers. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeServicesConfiguration {

	@Bean(destroyMethod = "close")
	@Qualifier("content")
	FakeHttpServer fakeContentService() {
		return new FakeHttpServer();
	}

	@Bean(destroyMethod = "close")
	@Qualifier("assessment")
	FakeHttpServer fakeAssessmentService() {
		return new FakeHttpServer();
	}

	@Bean
	DynamicPropertyRegistrar fakeServiceUrls(@Qualifier("content") FakeHttpServer content,
			@Qualifier("assessment") FakeHttpServer assessment) {
		return (registry) -> {
			registry.add("gateway.services.content.base-url", content::baseUrl);
			// Long enough for a cold first call on a busy build machine, short enough for
			// timeout tests.
			registry.add("gateway.services.content.read-timeout", () -> "1500ms");
			registry.add("gateway.services.assessment.base-url", assessment::baseUrl);
			registry.add("gateway.services.assessment.read-timeout", () -> "1500ms");
			// Every test posts from the same address; PostRateLimitTests covers the limit
			// itself.
			registry.add("gateway.assessment.rate-limit.capacity", () -> "10000");
		};
	}

}
