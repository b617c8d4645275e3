package com.northbeam.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks specification defines them: the
 * {@code webhook-signature} header lists {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} once per secret, separated by spaces.
 * Secrets are shown as {@code whsec_} and the base64 of their bytes.
 */
final class WebhookSignature {

	static final String ID_HEADER = "webhook-id";

	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	static final String SIGNATURE_HEADER = "webhook-signature";

	static final String SECRET_PREFIX = "whsec_";

	/** The specification asks for at least 24 random bytes. */
	static final int MIN_KEY_BYTES = 24;

	static final int MAX_KEY_BYTES = 64;

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret of 32 random bytes. */
	static String generate() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The key bytes of a secret: the base64 after {@code whsec_}, or the UTF-8 bytes of
	 * any other text (a secret typed by hand, as the specification's libraries take a
	 * "raw" one).
	 * @throws IllegalArgumentException with a message fit for the admin who typed it
	 */
	static byte[] keyOf(String secret) {
		byte[] key;
		if (secret.startsWith(SECRET_PREFIX)) {
			try {
				key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("must be whsec_ followed by base64");
			}
		}
		else {
			key = secret.getBytes(StandardCharsets.UTF_8);
		}
		if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
			throw new IllegalArgumentException("must hold " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes");
		}
		return key;
	}

	/** The value of the {@code webhook-signature} header, one signature per key. */
	static String sign(List<byte[]> keys, String id, long timestamp, byte[] body) {
		byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		return keys.stream().map((key) -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				mac.update(prefix);
				return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}).collect(Collectors.joining(" "));
	}

}
