package com.northbeam.gateway.assessment;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway keeps what a visitor reads in the visit's own session, and how
 * much of it.
 *
 * @param lifetime how long a reading session lasts from its first page; once the
 * assessment is submitted, from the submission: pages read in that time reach the lead
 * @param maxPages the most pages kept before the assessment (the latest ones), and the
 * most forwarded after it
 */
@Validated
@ConfigurationProperties("gateway.reading")
public record ReadingProperties(@NotNull @DefaultValue("P1D") Duration lifetime,
		@Min(1) @Max(50) @DefaultValue("50") int maxPages) {
}
