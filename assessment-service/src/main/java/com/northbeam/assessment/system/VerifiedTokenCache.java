package com.northbeam.assessment.system;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed full verification until they expire, so a caller that
 * reuses its token (as OAuth2 clients do for a token's lifetime) is not verified from
 * scratch on every call.
 * <p>
 * Only a byte-for-byte identical token string hits the cache, and only while it is
 * unexpired, so this accepts nothing the wrapped decoder would refuse within a token's
 * life. It is bounded: when full it is emptied and refilled.
 */
final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder delegate;

	private final int capacity;

	private final Clock clock;

	private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokenCache(JwtDecoder delegate, int capacity, Clock clock) {
		this.delegate = delegate;
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.get(token);
		Instant now = this.clock.instant();
		if (known != null) {
			if (known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
				return known;
			}
			this.verified.remove(token);
		}
		Jwt jwt = this.delegate.decode(token);
		if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
			if (this.verified.size() >= this.capacity) {
				this.verified.clear();
			}
			this.verified.put(token, jwt);
		}
		return jwt;
	}

}
