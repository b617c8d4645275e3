package com.northbeam.gateway.assessment;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key of the tokens the public side hands out: the links to finish an
 * assessment later ({@link ResumeTokens}) and the JSON API's start tokens
 * ({@link StartTokens}). Each use signs under its own context, so a token of one kind is
 * never valid as the other. A token is {@code <payload>.<signature>}, both base64url
 * without padding.
 */
@Component
class SigningKey {

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final int SIGNATURE_BYTES = 32;

	private static final int MAX_TOKEN_LENGTH = 100;

	private final SecretKeySpec key;

	SigningKey(ResumeProperties properties) {
		this.key = new SecretKeySpec(keyBytes(properties.key()), ALGORITHM);
	}

	String sign(byte[] context, byte[] payload) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(mac(context, payload));
	}

	/**
	 * The payload of a token signed with this key under {@code context}; empty for
	 * anything else: malformed, of another length, changed or signed with another key.
	 */
	Optional<byte[]> verified(byte[] context, String token, int payloadBytes) {
		if (token == null || token.length() > MAX_TOKEN_LENGTH) {
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
		if (payload.length != payloadBytes || signature.length != SIGNATURE_BYTES
				|| !MessageDigest.isEqual(signature, mac(context, payload))) {
			return Optional.empty();
		}
		return Optional.of(payload);
	}

	private byte[] mac(byte[] context, byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update(context);
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	private static byte[] keyBytes(String configured) {
		if (configured == null || configured.isBlank()) {
			log.warn("GATEWAY_ASSESSMENT_RESUME_KEY is not set: links to finish an assessment later and the API's start"
					+ " tokens are signed with a key made for this start only; they stop working at a restart and on"
					+ " other replicas");
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
