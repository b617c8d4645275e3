package com.northbeam.assessment.colleague;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationLinksTests {

	static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=");

	final InvitationLinks links = new InvitationLinks(KEY);

	@Test
	void aTokenNamesItsInvitationAndExpiryAndNothingElse() {
		UUID id = UUID.randomUUID();
		Instant expires = Instant.parse("2026-12-01T10:15:30Z");
		String token = links.token(id, expires);
		assertThat(token).matches("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
		assertThat(links.read(token)).contains(new InvitationLinks.Link(id, expires));
		assertThat(links.read(token).orElseThrow().expired(expires.minusSeconds(1))).isFalse();
		assertThat(links.read(token).orElseThrow().expired(expires)).isTrue();
	}

	@Test
	void aChangedPayloadOrSignatureOrAnotherKeyIsRefused() {
		String token = links.token(UUID.randomUUID(), Instant.parse("2026-12-01T10:15:30Z"));
		String otherExpiry = links.token(UUID.randomUUID(), Instant.parse("2027-12-01T10:15:30Z"));
		String forged = otherExpiry.substring(0, otherExpiry.indexOf('.')) + token.substring(token.indexOf('.'));
		assertThat(links.read(forged)).isEmpty();
		int at = token.indexOf('.') + 5;
		char changed = (token.charAt(at) == 'A') ? 'B' : 'A';
		assertThat(links.read(token.substring(0, at) + changed + token.substring(at + 1))).isEmpty();
		byte[] otherKey = KEY.clone();
		otherKey[0] ^= 1;
		assertThat(new InvitationLinks(otherKey).read(token)).isEmpty();
		assertThat(new InvitationLinks(KEY).read(token)).isPresent();
	}

	@Test
	void malformedTokensAreRefused() {
		assertThat(links.read(null)).isEmpty();
		assertThat(links.read("")).isEmpty();
		assertThat(links.read("no-dot")).isEmpty();
		assertThat(links.read("!!!.???")).isEmpty();
		assertThat(links.read("AAAA.AAAA")).isEmpty();
		assertThat(links.read("A".repeat(200) + "." + "A".repeat(43))).isEmpty();
	}

}
