package com.northbeam.gateway.client;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the services are and how long the gateway waits for them. */
@Validated
@ConfigurationProperties("gateway.services")
record ServiceClientProperties(@Valid @NotNull Endpoint content, @Valid @NotNull Endpoint assessment) {

	/**
	 * @param baseUrl the service's root URL
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 */
	record Endpoint(@NotNull URI baseUrl, @NotNull @DefaultValue("1s") Duration connectTimeout,
			@NotNull @DefaultValue("3s") Duration readTimeout) {
	}

}
