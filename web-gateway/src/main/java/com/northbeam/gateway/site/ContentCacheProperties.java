package com.northbeam.gateway.site;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway keeps content from content-service.
 *
 * @param refreshAfter after this, the next read serves the cached copy and refreshes it
 * in the background
 * @param staleFor how long a copy may still be served while content-service cannot be
 * reached
 * @param maximumEntries the most entries kept
 */
@Validated
@ConfigurationProperties("gateway.content-cache")
record ContentCacheProperties(@NotNull @DefaultValue("60s") Duration refreshAfter,
		@NotNull @DefaultValue("7d") Duration staleFor, @Min(10) @DefaultValue("2000") long maximumEntries) {
}
