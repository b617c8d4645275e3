package com.northbeam.assessment.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, encrypts webhook secrets that earlier versions stored in plain text, once a
 * key is configured. With a generated key it leaves them as they are (they keep signing):
 * encrypting them under a key that dies with this instance would lose them.
 */
@Component
class PlainSecretEncryption implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(PlainSecretEncryption.class);

	private final NotificationSettings settings;

	private final SecretCipher cipher;

	PlainSecretEncryption(NotificationSettings settings, SecretCipher cipher) {
		this.settings = settings;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.cipher.configured()) {
			int encrypted = this.settings.encryptPlainSecrets();
			if (encrypted > 0) {
				logger.info("Encrypted {} webhook secret(s) stored in plain text by an earlier version", encrypted);
			}
		}
		else if (this.settings.plainSecrets() > 0) {
			logger.warn("Webhook secrets are stored in plain text: set ASSESSMENT_NOTIFICATIONS_SECRET_KEY "
					+ "and restart to encrypt them");
		}
	}

}
