package com.northbeam.gateway.client;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway counts funnel events before sending them to assessment-service.
 *
 * @param flushInterval how often the counts are sent
 * @param maximumKeys the most distinct events (type, article, step) counted; further ones
 * are not counted
 */
@Validated
@ConfigurationProperties("gateway.funnel")
record FunnelProperties(@NotNull @DefaultValue("10s") Duration flushInterval,
		@Min(1) @DefaultValue("10000") int maximumKeys) {
}
