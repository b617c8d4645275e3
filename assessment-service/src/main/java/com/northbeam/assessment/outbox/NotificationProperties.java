package com.northbeam.assessment.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings under {@code assessment.notifications.*} (environment:
 * {@code ASSESSMENT_NOTIFICATIONS_SALES_INBOX}, ...). The sales inbox, webhooks and
 * attempts are defaults until an admin saves settings through the API. SMTP itself is
 * Spring Boot's {@code spring.mail.*} ({@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}).
 *
 * @param salesInbox where new-lead emails go (empty: no emails)
 * @param from the sender address of notification emails
 * @param dashboardBaseUrl the dashboard's base URL, for links to a lead
 * @param maxAttempts attempts before a delivery is dead-lettered
 * @param backoff the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param interval how often the dispatcher looks for due deliveries
 * @param batch how many rows one short dispatcher transaction claims or expands at most
 * @param webhookTimeout connect and response timeout of a webhook call
 * @param senders how many deliveries one instance sends at once, at most one per target
 * @param lease how long a claimed delivery is reserved for its dispatcher; longer than
 * any send takes (SMTP and webhook timeouts), so that only a dead instance's claims
 * expire
 * @param secretKey the base64 of the 32-byte AES key that encrypts webhook secrets at
 * rest ({@code ASSESSMENT_NOTIFICATIONS_SECRET_KEY}); when empty each start generates
 * one, and secrets saved with it cannot be read after a restart
 * @param secretOverlap how long a webhook's previous secret still signs deliveries after
 * a new one is set, so that receivers can switch without refusing any
 */
@Validated
@ConfigurationProperties("assessment.notifications")
record NotificationProperties(@DefaultValue("sales@northbeam.local") String salesInbox,
		@NotBlank @DefaultValue("notifications@northbeam.local") String from,
		@NotBlank @DefaultValue("http://localhost:8080/dashboard") String dashboardBaseUrl,
		@Min(1) @Max(50) @DefaultValue("8") int maxAttempts, @NotNull @DefaultValue("30s") Duration backoff,
		@NotNull @DefaultValue("1h") Duration maxBackoff, @NotNull @DefaultValue("2s") Duration interval,
		@Min(1) @Max(1000) @DefaultValue("20") int batch, @NotNull @DefaultValue("5s") Duration webhookTimeout,
		@Min(1) @Max(64) @DefaultValue("4") int senders, @NotNull @DefaultValue("5m") Duration lease, String secretKey,
		@NotNull @DefaultValue("24h") Duration secretOverlap) {
}
