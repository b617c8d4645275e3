package com.northbeam.gateway.assessment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The token of a link to finish an assessment later: the draft's id and the link's
 * expiry, nothing personal, signed with HMAC-SHA256 ({@link SigningKey}) so that neither
 * can be changed. The payload is the draft id's 16 bytes and the expiry's 8 (Unix
 * seconds).
 */
@Component
class ResumeTokens {

	/** Binds the signature to this use of the key. */
	private static final byte[] CONTEXT = "northbeam resume link v1\n".getBytes(StandardCharsets.US_ASCII);

	private static final int PAYLOAD_BYTES = 24;

	private final SigningKey key;

	ResumeTokens(SigningKey key) {
		this.key = key;
	}

	/** What a token says, once its signature is checked. */
	sealed interface Reading {

		record Valid(UUID draftId, Instant expiresAt) implements Reading {
		}

		record Expired() implements Reading {
		}

		/** Not a token we signed: malformed, changed or signed with another key. */
		record Invalid() implements Reading {
		}

	}

	String sign(UUID draftId, Instant expiresAt) {
		byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
			.putLong(draftId.getMostSignificantBits())
			.putLong(draftId.getLeastSignificantBits())
			.putLong(expiresAt.getEpochSecond())
			.array();
		return this.key.sign(CONTEXT, payload);
	}

	Reading read(String token, Instant now) {
		Optional<byte[]> payload = this.key.verified(CONTEXT, token, PAYLOAD_BYTES);
		if (payload.isEmpty()) {
			return new Reading.Invalid();
		}
		ByteBuffer fields = ByteBuffer.wrap(payload.get());
		UUID draftId = new UUID(fields.getLong(), fields.getLong());
		Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
		return now.isBefore(expiresAt) ? new Reading.Valid(draftId, expiresAt) : new Reading.Expired();
	}

}
