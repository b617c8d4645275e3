package com.northbeam.assessment.lead;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.northbeam.assessment.system.InvalidInputException;

/**
 * The opaque keyset cursor of the lead list: the sort it belongs to and the last row's
 * sort values, so the next page starts right after that row however many leads arrived
 * meanwhile.
 */
record LeadCursor(String sort, int priority, Instant createdAt, UUID id) {

	static final String PRIORITY = "priority";

	static final String NEWEST = "newest";

	String encode() {
		long micros = this.createdAt.getEpochSecond() * 1_000_000L + this.createdAt.getNano() / 1_000;
		String raw = this.sort + ":" + this.priority + ":" + micros + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static LeadCursor decode(String cursor, String sort) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
			if (parts.length != 4 || !parts[0].equals(sort)) {
				throw InvalidInputException.of("after", "is not a cursor of this list and sort");
			}
			long micros = Long.parseLong(parts[2]);
			return new LeadCursor(parts[0], Integer.parseInt(parts[1]), Instant
				.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
					UUID.fromString(parts[3]));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("after", "is not a cursor of this list and sort");
		}
	}

}
