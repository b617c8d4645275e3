package com.northbeam.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Plays the gateway's part in service tests: signs tokens with its own RSA key and
 * publishes the public key as a JWK set over real HTTP, so the service under test
 * verifies tokens exactly as it does in production. Use {@link TokenTestConfiguration} to
 * wire it into a test context.
 */
public final class TestTokenIssuer implements AutoCloseable {

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

	private final HttpServer jwksServer;

	private final String issuer;

	private final List<String> audience;

	public TestTokenIssuer(String issuer, List<String> audience) {
		this.issuer = issuer;
		this.audience = audience;
		this.key = generateKey();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(this.key)));
		this.jwksServer = startJwksServer(new JWKSet(this.key).toPublicJWKSet().toString());
	}

	/** The URL at which the public key set is served, for {@code jwk-set-uri}. */
	public String jwkSetUri() {
		return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/oauth2/jwks";
	}

	/** A valid token for {@code subject} carrying exactly the given scopes. */
	public String token(String subject, String... scopes) {
		return sign(subject, issuer, Instant.now().plus(Duration.ofMinutes(5)), scopes);
	}

	/** A token that expired a minute ago. */
	public String expiredToken(String subject, String... scopes) {
		return sign(subject, issuer, Instant.now().minus(Duration.ofMinutes(1)), scopes);
	}

	/** A token signed with the right key but naming another issuer. */
	public String tokenFromOtherIssuer(String subject, String... scopes) {
		return sign(subject, "https://not-the-gateway.invalid", Instant.now().plus(Duration.ofMinutes(5)), scopes);
	}

	private String sign(String subject, String tokenIssuer, Instant expiresAt, String... scopes) {
		Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(tokenIssuer)
			.subject(subject)
			.audience(audience)
			.issuedAt(issuedAt)
			.notBefore(issuedAt)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString())
			.claim("scope", String.join(" ", scopes))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * A token with no scope and the given extra claims, valid until {@code expiresAt} (in
	 * the past for an expired one): how the gateway signs references that are not service
	 * tokens.
	 */
	public String signed(String subject, Map<String, Object> claims, Instant expiresAt) {
		Instant now = Instant.now();
		Instant issuedAt = (expiresAt.isAfter(now) ? now : expiresAt).minus(Duration.ofMinutes(1));
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(subject)
			.audience(audience)
			.issuedAt(issuedAt)
			.notBefore(issuedAt)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString());
		claims.forEach(builder::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
	}

	@Override
	public void close() {
		jwksServer.stop(0);
	}

	private static RSAKey generateKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startJwksServer(String body) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			server.createContext("/oauth2/jwks", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the test JWK set server", ex);
		}
	}

}
