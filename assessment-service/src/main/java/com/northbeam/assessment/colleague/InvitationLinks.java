package com.northbeam.assessment.colleague;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The token of an invitation link: the invitation's id and when the link expires, signed
 * with HMAC-SHA256, both parts base64url ({@code <payload>.<signature>}). It holds no
 * personal data; the invitation it names says whom it was for.
 */
@Component
class InvitationLinks {

	private static final Logger logger = LoggerFactory.getLogger(InvitationLinks.class);

	private static final String ALGORITHM = "HmacSHA256";

	/** Keeps this key apart from others derived from the same material. */
	private static final byte[] PURPOSE = "northbeam colleague invitation links v1".getBytes(StandardCharsets.UTF_8);

	private static final int PAYLOAD_BYTES = 24;

	private final SecretKeySpec key;

	@Autowired
	InvitationLinks(ColleagueProperties properties) {
		this(material(properties.linkKey()));
	}

	InvitationLinks(byte[] material) {
		this.key = new SecretKeySpec(mac(new SecretKeySpec(material, ALGORITHM), PURPOSE), ALGORITHM);
	}

	private static byte[] material(String configured) {
		if (configured != null && !configured.isBlank()) {
			try {
				return Base64.getDecoder().decode(configured.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("assessment.colleagues.link-key must be base64", ex);
			}
		}
		logger.warn("No assessment.colleagues.link-key (or ASSESSMENT_NOTIFICATIONS_SECRET_KEY) configured: "
				+ "invitation links are signed with a key of this instance only and stop working at a restart.");
		byte[] generated = new byte[32];
		new SecureRandom().nextBytes(generated);
		return generated;
	}

	/** An invitation link's content, once its signature is checked. */
	record Link(UUID invitationId, Instant expiresAt) {

		boolean expired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

	String token(UUID invitationId, Instant expiresAt) {
		byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
			.putLong(invitationId.getMostSignificantBits())
			.putLong(invitationId.getLeastSignificantBits())
			.putLong(expiresAt.getEpochSecond())
			.array();
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(mac(this.key, payload));
	}

	/** The link a token names, or empty when it is malformed or not signed by us. */
	Optional<Link> read(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(signature, mac(this.key, payload))) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		return Optional
			.of(new Link(new UUID(buffer.getLong(), buffer.getLong()), Instant.ofEpochSecond(buffer.getLong())));
	}

	private static byte[] mac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
