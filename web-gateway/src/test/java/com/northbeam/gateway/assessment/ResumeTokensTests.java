package com.northbeam.gateway.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ResumeTokensTests {

	static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	final ResumeTokens tokens = tokens(KEY);

	final Instant now = Instant.parse("2026-03-05T10:00:00Z");

	@Test
	void aTokenCarriesTheDraftAndItsExpiryAndNothingElse() {
		UUID draft = UUID.randomUUID();
		String token = tokens.sign(draft, now.plus(Duration.ofDays(7)));

		assertThat(token).matches("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
		assertThat(tokens.read(token, now))
			.isEqualTo(new ResumeTokens.Reading.Valid(draft, now.plus(Duration.ofDays(7))));
		assertThat(new String(Base64.getUrlDecoder().decode(token.substring(0, 32)), StandardCharsets.ISO_8859_1))
			.as("no personal data: 16 bytes of id and 8 of time")
			.hasSize(24);
	}

	@Test
	void itExpiresAtItsTime() {
		String token = tokens.sign(UUID.randomUUID(), now);
		assertThat(tokens.read(token, now.minusSeconds(1))).isInstanceOf(ResumeTokens.Reading.Valid.class);
		assertThat(tokens.read(token, now)).isInstanceOf(ResumeTokens.Reading.Expired.class);
	}

	@Test
	void aChangedLongerOrForeignTokenIsInvalid() {
		UUID draft = UUID.randomUUID();
		String token = tokens.sign(draft, now.plusSeconds(60));
		// The expiry pushed out by a year, with the old signature.
		String later = tokens.sign(draft, now.plus(Duration.ofDays(365)));
		String forged = later.substring(0, later.indexOf('.')) + token.substring(token.indexOf('.'));

		for (String bad : new String[] { forged, token + "A", token.replace('.', '-'), "", ".", "a.b", "%%.%%",
				"x".repeat(500),
				tokens(Base64.getEncoder().encodeToString(new byte[32])).sign(draft, now.plusSeconds(60)) }) {
			assertThat(tokens.read(bad, now)).as(bad).isInstanceOf(ResumeTokens.Reading.Invalid.class);
		}
		assertThat(tokens.read(null, now)).isInstanceOf(ResumeTokens.Reading.Invalid.class);
	}

	@Test
	void aShortOrMalformedKeyStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> tokens(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("at least 32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> tokens("not base64!")).withMessageContaining("base64");
	}

	@Test
	void withoutAKeyEachStartMakesOne() {
		String token = tokens(null).sign(UUID.randomUUID(), now.plusSeconds(60));
		assertThat(tokens("").read(token, now)).isInstanceOf(ResumeTokens.Reading.Invalid.class);
	}

	private static ResumeTokens tokens(String key) {
		return new ResumeTokens(new SigningKey(new ResumeProperties(key, Duration.ofDays(7), 3)));
	}

}
