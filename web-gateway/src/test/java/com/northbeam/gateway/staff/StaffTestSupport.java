package com.northbeam.gateway.staff;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Unique emails and client addresses, so tests sharing one database never throttle each
 * other.
 */
final class StaffTestSupport {

	static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger addresses = new AtomicInteger(1);

	private StaffTestSupport() {
	}

	static String uniqueEmail(String role) {
		return role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@northbeam.test";
	}

	static StaffAccount account(StaffAccounts accounts, StaffRole... roles) {
		return accounts.create(uniqueEmail(roles[0].name().toLowerCase()), "Test " + roles[0],
				EnumSet.of(roles[0], roles), PASSWORD);
	}

	static RequestPostProcessor fromUniqueAddress() {
		String address = "10.0." + (addresses.get() / 250) + "." + (addresses.getAndIncrement() % 250 + 1);
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
