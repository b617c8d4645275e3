package com.northbeam.gateway.staff;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff accounts and sign-in.
 *
 * @param firstAdmin the account created when there is no admin yet
 * @param signIn how repeated failures are throttled
 */
@Validated
@ConfigurationProperties("gateway.staff")
record StaffProperties(@Valid @NotNull @DefaultValue FirstAdmin firstAdmin,
		@Valid @NotNull @DefaultValue SignIn signIn) {

	/**
	 * @param email from {@code PLATFORM_ADMIN_EMAIL}
	 * @param password from {@code PLATFORM_ADMIN_PASSWORD}
	 * @param name the name shown in the dashboard
	 */
	record FirstAdmin(String email, String password, @DefaultValue("Administrator") String name) {

		boolean isConfigured() {
			return email != null && !email.isBlank() && password != null && !password.isBlank();
		}

	}

	/**
	 * @param window how far back failures count
	 * @param maxFailuresPerAccount failures for one email within the window before it is
	 * paused
	 * @param maxFailuresPerAddress failures from one client address within the window
	 * before it is paused
	 */
	record SignIn(@NotNull @DefaultValue("15m") Duration window, @Min(1) @DefaultValue("5") int maxFailuresPerAccount,
			@Min(1) @DefaultValue("20") int maxFailuresPerAddress) {
	}

}
