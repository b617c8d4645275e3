package com.northbeam.gateway.assessment;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The links that let a visitor finish an assessment later, on any device.
 *
 * @param key the base64 of at least 32 random bytes, the HMAC key that signs the links
 * ({@code GATEWAY_ASSESSMENT_RESUME_KEY}); the same on every replica. When empty each
 * start generates one, and links sent before a restart stop working
 * @param lifetime how long a link works (and its draft is kept)
 * @param emailsPerDraft how many links one draft may have emailed
 */
@Validated
@ConfigurationProperties("gateway.assessment.resume")
record ResumeProperties(String key, @NotNull @DefaultValue("P7D") Duration lifetime,
		@Min(1) @Max(20) @DefaultValue("3") int emailsPerDraft) {
}
