package com.northbeam.assessment.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

	final List<String> verified = new ArrayList<>();

	/**
	 * Verifies "good-*" tokens, expiring at the minute given after the dash; refuses
	 * anything else.
	 */
	final JwtDecoder delegate = (token) -> {
		this.verified.add(token);
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		Instant expires = NOW.plus(Duration.ofMinutes(Long.parseLong(token.substring(5))));
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("gateway")
			.issuedAt(NOW.minusSeconds(60))
			.expiresAt(expires)
			.build();
	};

	@Test
	void aVerifiedTokenIsVerifiedOnceWhileItLives() {
		VerifiedTokenCache cache = new VerifiedTokenCache(this.delegate, 10, Clock.fixed(NOW, ZoneOffset.UTC));
		Jwt first = cache.decode("good-5");
		assertThat(cache.decode("good-5")).isSameAs(first);
		assertThat(this.verified).containsExactly("good-5");
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndRefusedTokensAreNeverRemembered() {
		Clock[] clock = { Clock.fixed(NOW, ZoneOffset.UTC) };
		VerifiedTokenCache cache = new VerifiedTokenCache(this.delegate, 10, new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return clock[0].instant();
			}
		});
		cache.decode("good-1");
		clock[0] = Clock.fixed(NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
		cache.decode("good-1");
		assertThat(this.verified).containsExactly("good-1", "good-1");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
		assertThat(this.verified).containsExactly("good-1", "good-1", "forged", "forged");
	}

	@Test
	void itStaysWithinItsCapacity() {
		VerifiedTokenCache cache = new VerifiedTokenCache(this.delegate, 2, Clock.fixed(NOW, ZoneOffset.UTC));
		cache.decode("good-1");
		cache.decode("good-2");
		cache.decode("good-3");
		cache.decode("good-3");
		cache.decode("good-1");
		assertThat(this.verified).containsExactly("good-1", "good-2", "good-3", "good-1");
	}

}
