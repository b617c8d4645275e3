package com.northbeam.gateway.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/**
 * Issues the short-lived tokens with which the gateway calls the services, and exposes the public
 * half of its key for them to verify those tokens.
 */
@Service
public class ServiceTokens {

	private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

	private final TokenProperties properties;

	private final Clock clock;

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

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
	}

	/**
	 * A token for calling {@code audience} on behalf of {@code subject} (a staff member's email,
	 * or {@code "gateway"} for the public site) with the given scopes.
	 */
	public String issue(String audience, String subject, Collection<String> scopes) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.audience(List.of(audience))
			.subject(subject)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(properties.timeToLive()))
			.id(UUID.randomUUID().toString())
			.claim("scope", String.join(" ", scopes))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** The public keys, as the JSON of a JWK set. */
	Map<String, Object> publicKeySet() {
		return new JWKSet(key.toPublicJWK()).toJSONObject();
	}

}
