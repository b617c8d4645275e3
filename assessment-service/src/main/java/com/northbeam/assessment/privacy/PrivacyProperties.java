package com.northbeam.assessment.privacy;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Privacy settings under {@code assessment.privacy.*} (environment:
 * {@code ASSESSMENT_PRIVACY_RETENTION=P365D}, ...).
 *
 * @param retention how long a lead may stay untouched before its personal data is erased
 * @param retentionCheck how often the retention job runs
 * @param retentionBatch how many leads one retention transaction erases at most
 */
@Validated
@ConfigurationProperties("assessment.privacy")
record PrivacyProperties(@NotNull @DefaultValue("P365D") Duration retention,
		@NotNull @DefaultValue("PT1H") Duration retentionCheck,
		@Min(1) @Max(10_000) @DefaultValue("200") int retentionBatch) {
}
