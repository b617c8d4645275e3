package com.northbeam.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static SecretCipher cipher(String key) {
		return new SecretCipher(new NotificationProperties("", "from@northbeam.test", "http://dashboard.test", 8,
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(2), 20, Duration.ofSeconds(5), 4,
				Duration.ofMinutes(5), key, Duration.ofHours(24)));
	}

	@Test
	void sealsWithAFreshNonceEachTimeAndOpensWithTheSameKeyOnly() {
		SecretCipher cipher = cipher(KEY);
		byte[] secret = "a secret of twenty-four+".getBytes(StandardCharsets.UTF_8);
		String first = cipher.seal(secret);
		String second = cipher.seal(secret);
		assertThat(cipher.configured()).isTrue();
		assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("secret");
		assertThat(cipher.open(first)).isEqualTo(secret);
		assertThat(cipher(KEY).open(second)).isEqualTo(secret);
		assertThatIllegalStateException().isThrownBy(() -> cipher("").open(first))
			.withMessageContaining("cannot be decrypted");
		String tampered = first.substring(0, first.length() - 6) + (first.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(tampered));
	}

	@Test
	void aConfiguredKeyMustBeThirtyTwoBytesAndNoneMeansAGeneratedOne() {
		assertThatIllegalStateException().isThrownBy(() -> cipher("c2hvcnQ="))
			.withMessageContaining("ASSESSMENT_NOTIFICATIONS_SECRET_KEY");
		assertThatIllegalStateException().isThrownBy(() -> cipher("not base64!"));
		assertThat(cipher(null).configured()).isFalse();
		assertThat(cipher(" ").configured()).isFalse();
	}

}
