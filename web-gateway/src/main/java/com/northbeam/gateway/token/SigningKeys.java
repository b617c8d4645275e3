package com.northbeam.gateway.token;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.security.converter.RsaKeyConverters;

/**
 * Builds the gateway's RSA signing key from configuration, or generates one for local
 * use.
 */
final class SigningKeys {

	private SigningKeys() {
	}

	/**
	 * Reads a PKCS#8 PEM; a one-line form with literal {@code \n} separators (as in .env
	 * files) works too.
	 */
	static RSAKey fromPem(String pkcs8Pem) {
		String pem = pkcs8Pem.replace("\\n", "\n").strip();
		RSAPrivateKey privateKey = RsaKeyConverters.pkcs8()
			.convert(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		if (!(privateKey instanceof RSAPrivateCrtKey crtKey)) {
			throw new IllegalArgumentException("gateway.token.private-key must be a full PKCS#8 RSA key");
		}
		return withThumbprintId(publicKeyOf(crtKey), crtKey);
	}

	/**
	 * The public half of a key given as a public key PEM (X.509 SubjectPublicKeyInfo) or
	 * as a PKCS#8 private key PEM, with the key id the gateway gives it.
	 */
	static RSAKey publicFromPem(String pem) {
		String text = pem.replace("\\n", "\n").strip();
		if (text.contains("PRIVATE KEY")) {
			return fromPem(text).toPublicJWK();
		}
		RSAPublicKey publicKey = RsaKeyConverters.x509()
			.convert(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
		try {
			return new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return withThumbprintId((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
		try {
			BigInteger modulus = key.getModulus();
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey withThumbprintId(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
		try {
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).build();
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
