package com.northbeam.gateway.assessment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The token of a link to finish an assessment later: the draft's id and the link's
 * expiry, nothing personal, signed with HMAC-SHA256 so that neither can be changed.
 * {@code <payload>.<signature>}, both base64url without padding; the payload is the draft
 * id's 16 bytes and the expiry's 8 (Unix seconds).
 */
@Component
class ResumeTokens {

	private static final Logger log = LoggerFactory.getLogger(ResumeTokens.class);

	private static final String ALGORITHM = "HmacSHA256";

	/** Binds the signature to this use of the key. */
	private static final byte[] CONTEXT = "northbeam resume link v1\n".getBytes(StandardCharsets.US_ASCII);

	private static final int PAYLOAD_BYTES = 24;

	private static final int SIGNATURE_BYTES = 32;

	private final SecretKeySpec key;

	ResumeTokens(ResumeProperties properties) {
		this.key = new SecretKeySpec(keyBytes(properties.key()), ALGORITHM);
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
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
	}

	Reading read(String token, Instant now) {
		if (token == null || token.length() > 100) {
			return new Reading.Invalid();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return new Reading.Invalid();
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return new Reading.Invalid();
		}
		if (payload.length != PAYLOAD_BYTES || signature.length != SIGNATURE_BYTES
				|| !MessageDigest.isEqual(signature, mac(payload))) {
			return new Reading.Invalid();
		}
		ByteBuffer fields = ByteBuffer.wrap(payload);
		UUID draftId = new UUID(fields.getLong(), fields.getLong());
		Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
		return now.isBefore(expiresAt) ? new Reading.Valid(draftId, expiresAt) : new Reading.Expired();
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update(CONTEXT);
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	private static byte[] keyBytes(String configured) {
		if (configured == null || configured.isBlank()) {
			log.warn("GATEWAY_ASSESSMENT_RESUME_KEY is not set: links to finish an assessment later are signed with a"
					+ " key made for this start only; they stop working at a restart and on other replicas");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return random;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("gateway.assessment.resume.key must be base64", ex);
		}
		if (bytes.length < 32) {
			throw new IllegalStateException("gateway.assessment.resume.key must hold at least 32 bytes; it holds "
					+ bytes.length + " (make one with: openssl rand -base64 32)");
		}
		return bytes;
	}

}
