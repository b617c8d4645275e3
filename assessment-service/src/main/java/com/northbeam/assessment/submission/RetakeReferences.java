package com.northbeam.assessment.submission;

import java.util.UUID;

import com.northbeam.assessment.system.InvalidInputException;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Reads the signed reference a retake carries: a token the gateway signs with the key it
 * signs its service tokens with (so it is checked the same way: key set, issuer,
 * audience, lifetime), whose subject is the submission the retake started from, with
 * {@code purpose} {@code retake} and, when staff took it with the prospect, {@code staff}
 * naming them. It carries no scope, so it opens no API.
 */
@Component
class RetakeReferences {

	static final String PURPOSE = "retake";

	private final JwtDecoder decoder;

	RetakeReferences(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	/**
	 * @param previous the submission the retake started from
	 * @param assistedBy the staff member who took it with the prospect, or {@code null}
	 */
	record Reference(UUID previous, String assistedBy) {
	}

	/** The reference, or a {@code 400} naming {@code retake} when it is not one. */
	Reference read(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			throw invalid();
		}
		if (!PURPOSE.equals(jwt.getClaimAsString("purpose")) || jwt.getClaimAsString("scope") != null) {
			throw invalid();
		}
		try {
			String staff = jwt.getClaimAsString("staff");
			return new Reference(UUID.fromString(jwt.getSubject()), (staff != null && !staff.isBlank()) ? staff : null);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw invalid();
		}
	}

	private static InvalidInputException invalid() {
		return InvalidInputException.of("retake",
				"is not a retake reference the gateway signed, or it has expired: start the retake again from the result");
	}

}
