package com.northbeam.gateway.token;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway signs the tokens it gives the services.
 *
 * @param issuer the {@code iss} claim; the services accept only this issuer
 * @param privateKey PKCS#8 PEM of the RSA signing key; when empty a key is generated at
 * start, which suits one local instance only (replicas must share a configured key)
 * @param timeToLive how long a token stays valid
 * @param verificationKeys further keys whose public halves the key set publishes, so the
 * services accept their tokens too: during a key rotation, the key that comes next and
 * then the key that went before (PEM, public or PKCS#8 private; several separated by
 * commas)
 */
@Validated
@ConfigurationProperties("gateway.token")
record TokenProperties(@NotBlank String issuer, String privateKey, @NotNull @DefaultValue("5m") Duration timeToLive,
		@NotNull @DefaultValue List<String> verificationKeys) {

	boolean hasConfiguredKey() {
		return privateKey != null && !privateKey.isBlank();
	}

}
