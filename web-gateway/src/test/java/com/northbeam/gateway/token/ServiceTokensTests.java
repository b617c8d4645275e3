package com.northbeam.gateway.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ServiceTokensTests {

	@Autowired
	ServiceTokens tokens;

	@LocalServerPort
	int port;

	@Test
	void tokensVerifyAgainstThePublishedKeySetTheWayAServiceChecksThem() {
		String token = tokens.issue("assessment-service", "sales@northbeam.test", List.of("leads:read", "leads:write"));

		// Without Nimbus' 500 ms default timeouts: on a busy build machine the first
		// request
		// to a freshly started gateway takes longer than that.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
			.restOperations(new RestTemplate())
			.build();
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer("http://localhost:8080");
		decoder.setJwtValidator(validator);
		Jwt jwt = decoder.decode(token);

		assertThat(jwt.getSubject()).isEqualTo("sales@northbeam.test");
		assertThat(jwt.getAudience()).containsExactly("assessment-service");
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("leads:read leads:write");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aConfiguredKeyIsUsedSoReplicasShareIt() throws Exception {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		var properties = new TokenProperties("https://gateway.example", pem, Duration.ofMinutes(5), List.of());

		ServiceTokens first = new ServiceTokens(properties, Clock.systemUTC());
		ServiceTokens second = new ServiceTokens(properties, Clock.systemUTC());

		var oneLine = new TokenProperties("https://gateway.example", pem.replace("\n", "\\n"), Duration.ofMinutes(5),
				List.of());
		ServiceTokens fromOneLine = new ServiceTokens(oneLine, Clock.systemUTC());

		assertThat(first.publicKeySet()).isEqualTo(second.publicKeySet()).isEqualTo(fromOneLine.publicKeySet());
		assertThat(first.publicKeySet().toString()).doesNotContain("\"d\"");
	}

	@Test
	void duringAKeyRotationEveryGatewayPublishesBothKeysSoTokensOfEitherVerify() throws Exception {
		KeyPair current = keyPair();
		KeyPair next = keyPair();
		// Step 1 of the rotation: still signing with the current key, the next one
		// published
		// (as a public key PEM, one line with \n as in an .env file).
		ServiceTokens beforeTheSwitch = new ServiceTokens(
				new TokenProperties("https://gateway.example", pem("PRIVATE KEY", current.getPrivate().getEncoded()),
						Duration.ofMinutes(5),
						List.of(pem("PUBLIC KEY", next.getPublic().getEncoded()).replace("\n", "\\n"))),
				Clock.systemUTC());
		// Step 2: signing with the next key, the previous one still published (given as
		// its
		// private key PEM, which works too).
		ServiceTokens afterTheSwitch = new ServiceTokens(
				new TokenProperties("https://gateway.example", pem("PRIVATE KEY", next.getPrivate().getEncoded()),
						Duration.ofMinutes(5), List.of(pem("PRIVATE KEY", current.getPrivate().getEncoded()))),
				Clock.systemUTC());
		ServiceTokens alone = new ServiceTokens(new TokenProperties("https://gateway.example",
				pem("PRIVATE KEY", next.getPrivate().getEncoded()), Duration.ofMinutes(5), List.of()),
				Clock.systemUTC());

		JWKSet before = JWKSet.parse(beforeTheSwitch.publicKeySet());
		JWKSet after = JWKSet.parse(afterTheSwitch.publicKeySet());
		assertThat(before.getKeys()).hasSize(2);
		assertThat(before.getKeys().stream().map(JWK::getKeyID))
			.containsExactlyInAnyOrderElementsOf(after.getKeys().stream().map(JWK::getKeyID).toList());
		assertThat(after.getKeys().get(0).getKeyID()).as("the signing key comes first")
			.isEqualTo(JWKSet.parse(alone.publicKeySet()).getKeys().get(0).getKeyID());
		assertThat(beforeTheSwitch.publicKeySet().toString()).doesNotContain("\"d\"");
		assertThat(afterTheSwitch.publicKeySet().toString()).doesNotContain("\"d\"");

		for (ServiceTokens signer : List.of(beforeTheSwitch, afterTheSwitch)) {
			SignedJWT token = SignedJWT.parse(signer.issue("content-service", "gateway", List.of("content:read")));
			for (JWKSet published : List.of(before, after)) {
				RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());
				assertThat(key).isNotNull();
				assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
			}
		}
		assertThat(JWKSet.parse(alone.publicKeySet())
			.getKeyByKeyId(SignedJWT.parse(beforeTheSwitch.issue("content-service", "gateway", List.of("content:read")))
				.getHeader()
				.getKeyID()))
			.as("without the rotation setting the old key is gone")
			.isNull();
	}

	private static KeyPair keyPair() throws Exception {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

	@Test
	void aTokenIsReusedForTheSameCallUntilItsLastMinute() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-28T08:00:00Z"));
		ServiceTokens tokens = new ServiceTokens(
				new TokenProperties("https://gateway.example", null, Duration.ofMinutes(5), List.of()), clock);

		String first = tokens.issue("assessment-service", "sam@northbeam.test", List.of("leads:read", "leads:write"));
		clock.advance(Duration.ofMinutes(3));
		String sameCallLater = tokens.issue("assessment-service", "sam@northbeam.test",
				List.of("leads:write", "leads:read"));
		String otherPerson = tokens.issue("assessment-service", "kim@northbeam.test",
				List.of("leads:read", "leads:write"));
		String otherScopes = tokens.issue("assessment-service", "sam@northbeam.test", List.of("leads:read"));
		clock.advance(Duration.ofSeconds(61));
		String nearExpiry = tokens.issue("assessment-service", "sam@northbeam.test",
				List.of("leads:read", "leads:write"));

		assertThat(sameCallLater).isEqualTo(first);
		assertThat(otherPerson).isNotEqualTo(first);
		assertThat(otherScopes).isNotEqualTo(first);
		assertThat(nearExpiry).isNotEqualTo(first);
	}

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
