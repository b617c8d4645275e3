package com.northbeam.gateway.staff;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code PLATFORM_ADMIN_EMAIL} and
 * {@code PLATFORM_ADMIN_PASSWORD} when the platform has no admin yet. An existing account
 * is never changed, so a restart never resets a password. Replicas starting together on
 * an empty database race to create it: the one whose insert loses finds the account taken
 * and carries on.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final StaffAccounts accounts;

	private final StaffProperties.FirstAdmin settings;

	FirstAdmin(StaffAccounts accounts, StaffProperties properties) {
		this.accounts = accounts;
		this.settings = properties.firstAdmin();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.hasAdmin()) {
			return;
		}
		if (!settings.isConfigured()) {
			log.warn("There is no admin account yet: set PLATFORM_ADMIN_EMAIL and PLATFORM_ADMIN_PASSWORD "
					+ "(at least {} characters) and restart to create one.", StaffAccounts.MIN_PASSWORD_LENGTH);
			return;
		}
		if (accounts.byEmail(settings.email()).isPresent()) {
			log.warn("PLATFORM_ADMIN_EMAIL names an existing account that is not an enabled admin; left unchanged.");
			return;
		}
		try {
			accounts.create(settings.email(), settings.name(), EnumSet.of(StaffRole.ADMIN), settings.password());
			log.info("Created the first admin account.");
		}
		catch (StaffAccountProblems ex) {
			if (!"staff.error.emailTaken".equals(ex.messageKeysByField().get("email"))) {
				throw ex;
			}
			log.info("Another replica created the first admin account at the same moment.");
		}
	}

}
