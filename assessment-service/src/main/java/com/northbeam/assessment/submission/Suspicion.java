package com.northbeam.assessment.submission;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a submission looks automated. The first four only the gateway can see and sends
 * with the submission; the others this service finds itself. Stored as their codes.
 */
enum Suspicion {

	/** The hidden form field that people never see was filled in. */
	HONEYPOT(true),

	/** Finished faster than a person can read and answer the questions. */
	TOO_FAST(true),

	/** Sent from an address that was over the gateway's rate limit. */
	RATE_LIMIT(true),

	/**
	 * Sent through the gateway's JSON API without a start of its own: no start token, one
	 * the gateway did not sign, an expired one, or one another submission used.
	 */
	NO_START(true),

	/** The email address is at a throwaway inbox service. */
	DISPOSABLE_EMAIL(false),

	/** The same answers and contact details came in shortly before. */
	REPEATED(false);

	private final boolean seenByGateway;

	Suspicion(boolean seenByGateway) {
		this.seenByGateway = seenByGateway;
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Suspicion> ofGatewayCode(String code) {
		return Arrays.stream(values()).filter((s) -> s.seenByGateway && s.code().equals(code)).findFirst();
	}

	static String gatewayCodes() {
		return Arrays.stream(values())
			.filter((s) -> s.seenByGateway)
			.map(Suspicion::code)
			.collect(Collectors.joining(", "));
	}

	/** A posted value shown back safely: short, and only printable ASCII. */
	static String quoted(String code) {
		if (code == null) {
			return "null";
		}
		String shown = code.replaceAll("[^\\x20-\\x7e]", "?");
		return "\"" + ((shown.length() > 40) ? shown.substring(0, 40) + "..." : shown) + "\"";
	}

	/** The codes as stored: comma-separated, in declaration order. */
	static String store(Collection<Suspicion> reasons) {
		return EnumSet.copyOf(reasons).stream().map(Suspicion::code).collect(Collectors.joining(","));
	}

	static Set<Suspicion> read(String stored) {
		Set<Suspicion> reasons = EnumSet.noneOf(Suspicion.class);
		for (String code : stored.split(",")) {
			Arrays.stream(values()).filter((s) -> s.code().equals(code)).forEach(reasons::add);
		}
		return reasons;
	}

}
