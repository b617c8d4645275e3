package com.northbeam.gateway.client;

import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** The gateway's view of content-service: published articles, FAQs and search. */
@Component
public class ContentClient {

	private final ServiceCall content;

	ContentClient(ServiceClientProperties properties, RestClient.Builder builder) {
		this.content = new ServiceCall("content-service", properties.content(), builder);
	}

	/** A published article, or empty when there is none under that slug. */
	public Optional<Article> article(String slug) {
		try {
			return Optional.ofNullable(content.call(
					() -> content.rest().get().uri("/api/articles/{slug}", slug).retrieve().body(Article.class)));
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
	}

	CircuitBreaker.State circuitState() {
		return content.state();
	}

	/** A published article as the site shows it. */
	public record Article(String slug, String title, String summary, String html) {
	}


}
