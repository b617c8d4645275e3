package com.northbeam.assessment.colleague;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Invitations of a colleague under {@code assessment.colleagues.*}.
 *
 * @param siteUrl the public site's URL, which invitation links point to (by default the
 * gateway's token issuer, which is the site's public URL)
 * @param linkKey the base64 key material the links are signed with (by default
 * {@code ASSESSMENT_NOTIFICATIONS_SECRET_KEY}, from which a key of its own is derived);
 * when empty each start generates one, and links sent before a restart stop working
 * @param linkValidity how long an invitation link works
 * @param maxInvitations how many invitations one submission may send, so a result page
 * cannot be used to send mail to anyone
 */
@Validated
@ConfigurationProperties("assessment.colleagues")
record ColleagueProperties(@NotBlank @DefaultValue("http://localhost:8080") String siteUrl, String linkKey,
		@NotNull @DefaultValue("14d") Duration linkValidity, @Min(1) @Max(20) @DefaultValue("3") int maxInvitations) {
}
