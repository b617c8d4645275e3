package com.northbeam.gateway.assessment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The JSON API's start tokens: when a client starts an assessment it gets one, and its
 * submission carries it back, so the gateway can tell how long the assessment took, as
 * the wizard's draft tells it. The payload is a random start id's 16 bytes and the issue
 * time's 8 (Unix milliseconds): nothing personal. Signed with HMAC-SHA256
 * ({@link SigningKey}) so neither can be changed; valid for
 * {@code gateway.assessment.draft-lifetime}, as long as the wizard keeps a draft.
 */
@Component
class StartTokens {

	/** Binds the signature to this use of the key. */
	private static final byte[] CONTEXT = "northbeam api start v1\n".getBytes(StandardCharsets.US_ASCII);

	private static final int PAYLOAD_BYTES = 24;

	private final SigningKey key;

	private final Duration lifetime;

	StartTokens(SigningKey key, AssessmentProperties properties) {
		this.key = key;
		this.lifetime = properties.draftLifetime();
	}

	/** What a submission's start token says, once its signature is checked. */
	sealed interface Reading {

		record Valid(UUID startId, Instant startedAt, Instant expiresAt) implements Reading {
		}

		/** Older than the lifetime. */
		record Expired() implements Reading {
		}

		/** None sent. */
		record Missing() implements Reading {
		}

		/** Not a token we signed: malformed, changed or signed with another key. */
		record Invalid() implements Reading {
		}

	}

	/** A new start token issued at {@code now}. */
	String issue(Instant now) {
		return sign(UUID.randomUUID(), now);
	}

	Instant expiry(Instant issuedAt) {
		return issuedAt.plus(this.lifetime);
	}

	String sign(UUID startId, Instant issuedAt) {
		byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
			.putLong(startId.getMostSignificantBits())
			.putLong(startId.getLeastSignificantBits())
			.putLong(issuedAt.toEpochMilli())
			.array();
		return this.key.sign(CONTEXT, payload);
	}

	Reading read(String token, Instant now) {
		if (token == null || token.isEmpty()) {
			return new Reading.Missing();
		}
		Optional<byte[]> payload = this.key.verified(CONTEXT, token, PAYLOAD_BYTES);
		if (payload.isEmpty()) {
			return new Reading.Invalid();
		}
		ByteBuffer fields = ByteBuffer.wrap(payload.get());
		UUID startId = new UUID(fields.getLong(), fields.getLong());
		Instant startedAt = Instant.ofEpochMilli(fields.getLong());
		Instant expiresAt = expiry(startedAt);
		return now.isBefore(expiresAt) ? new Reading.Valid(startId, startedAt, expiresAt) : new Reading.Expired();
	}

}
