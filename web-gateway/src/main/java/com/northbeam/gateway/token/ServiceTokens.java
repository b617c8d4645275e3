package com.northbeam.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/**
 * Issues the short-lived tokens with which the gateway calls the services, and exposes
 * the public half of its key for them to verify those tokens.
 */
@Service
public class ServiceTokens {

	static final Duration MIN_REMAINING_VALIDITY = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

	private final TokenProperties properties;

	private final Clock clock;

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

	private final JWKSet publishedKeys;

	private final NimbusJwtDecoder referenceDecoder;

	private final Cache<TokenRequest, IssuedToken> issued = Caffeine.newBuilder().maximumSize(10_000).build();

	ServiceTokens(TokenProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		if (properties.hasConfiguredKey()) {
			this.key = SigningKeys.fromPem(properties.privateKey());
		}
		else {
			this.key = SigningKeys.generate();
			log.warn("No gateway.token.private-key configured: generated a signing key for this instance only. "
					+ "Configure GATEWAY_TOKEN_PRIVATE_KEY when running more than one gateway.");
		}
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(this.key)));
		List<JWK> published = new ArrayList<>(List.of(this.key.toPublicJWK()));
		for (String pem : properties.verificationKeys()) {
			RSAKey verificationKey = SigningKeys.publicFromPem(pem);
			if (published.stream().noneMatch((known) -> known.getKeyID().equals(verificationKey.getKeyID()))) {
				published.add(verificationKey);
			}
		}
		this.publishedKeys = new JWKSet(published);
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<SecurityContext>(this.publishedKeys))
			.build();
		JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ZERO);
		lifetime.setClock(clock);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(lifetime, new JwtIssuerValidator(properties.issuer())));
		this.referenceDecoder = decoder;
	}

	/**
	 * A token for calling {@code audience} on behalf of {@code subject} (a staff member's
	 * email, or {@code "gateway"} for the public site) with the given scopes. A token
	 * issued earlier for the same call is reused while it has at least
	 * {@link #MIN_REMAINING_VALIDITY} left: signing costs CPU here, and the services skip
	 * checking a signature they have already verified.
	 */
	public String issue(String audience, String subject, Collection<String> scopes) {
		TokenRequest request = new TokenRequest(audience, subject, Set.copyOf(scopes));
		Instant now = clock.instant();
		IssuedToken cached = issued.getIfPresent(request);
		if (cached != null && cached.expiresAt().minus(MIN_REMAINING_VALIDITY).isAfter(now)) {
			return cached.value();
		}
		IssuedToken token = sign(request, now);
		issued.put(request, token);
		return token.value();
	}

	private IssuedToken sign(TokenRequest request, Instant now) {
		Instant expiresAt = now.plus(properties.timeToLive());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.audience(List.of(request.audience()))
			.subject(request.subject())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString())
			.claim("scope", String.join(" ", new TreeSet<>(request.scopes())))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return new IssuedToken(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expiresAt);
	}

	/**
	 * A signed reference for {@code audience}: a token like a service token but with no
	 * scope, so it opens no API, and with {@code claims} saying what it refers to. The
	 * services check it with the same keys; {@link #readReference} checks it here.
	 */
	public String signReference(String audience, String subject, Map<String, Object> claims, Duration lifetime) {
		Instant now = clock.instant();
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.audience(List.of(audience))
			.subject(subject)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(lifetime))
			.id(UUID.randomUUID().toString());
		claims.forEach(builder::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
	}

	/**
	 * The claims of a reference this gateway (or another replica with a published key)
	 * signed, unexpired; empty for anything else.
	 */
	public Optional<Map<String, Object>> readReference(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		try {
			Jwt jwt = referenceDecoder.decode(token);
			return (jwt.getClaim("scope") == null) ? Optional.of(jwt.getClaims()) : Optional.empty();
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
	}

	private record TokenRequest(String audience, String subject, Set<String> scopes) {
	}

	private record IssuedToken(String value, Instant expiresAt) {
	}

	/**
	 * The public keys, as the JSON of a JWK set: the signing key's first, then the
	 * verification keys of a rotation.
	 */
	Map<String, Object> publicKeySet() {
		return this.publishedKeys.toJSONObject();
	}

}
