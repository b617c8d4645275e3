package com.northbeam.assessment.outbox;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM under the key of
 * {@code assessment.notifications.secret-key}: {@code v1:} and the base64 of a random
 * 12-byte nonce followed by the ciphertext and its tag. Without a configured key each
 * start generates one, which suits a single local instance only.
 */
@Component
class SecretCipher {

	static final String VERSION = "v1:";

	private static final Logger logger = LoggerFactory.getLogger(SecretCipher.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final boolean configured;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(NotificationProperties properties) {
		String configured = properties.secretKey();
		this.configured = configured != null && !configured.isBlank();
		if (this.configured) {
			this.key = new SecretKeySpec(decodeKey(configured.strip()), "AES");
		}
		else {
			this.key = generateKey();
			logger.warn("No assessment.notifications.secret-key configured: generated a key for this instance only. "
					+ "Webhook secrets saved now cannot be read after a restart or by another instance. "
					+ "Set ASSESSMENT_NOTIFICATIONS_SECRET_KEY (the base64 of 32 random bytes) in production.");
		}
	}

	/** Whether the key comes from configuration (and so outlives this instance). */
	boolean configured() {
		return this.configured;
	}

	String seal(byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain);
			byte[] stored = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
			return VERSION + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a webhook secret", ex);
		}
	}

	byte[] open(String sealed) {
		if (sealed == null || !sealed.startsWith(VERSION)) {
			throw new IllegalStateException("A stored webhook secret is not in a known encrypted form");
		}
		try {
			byte[] stored = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"A stored webhook secret cannot be decrypted with the configured "
							+ "assessment.notifications.secret-key: was it changed? Set the webhook's secret again",
					ex);
		}
	}

	private static byte[] decodeKey(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			key = new byte[0];
		}
		if (key.length != 32) {
			throw new IllegalStateException("assessment.notifications.secret-key (ASSESSMENT_NOTIFICATIONS_SECRET_KEY) "
					+ "must be the base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32");
		}
		return key;
	}

	private static SecretKey generateKey() {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256);
			return generator.generateKey();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
