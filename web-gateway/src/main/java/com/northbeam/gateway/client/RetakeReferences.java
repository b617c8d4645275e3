package com.northbeam.gateway.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.northbeam.gateway.token.ServiceTokens;

import org.springframework.stereotype.Component;

/**
 * The signed reference a retake carries from the result it starts from to
 * assessment-service: a scope-less token for {@code assessment-service} whose subject is
 * the earlier submission, with {@code purpose} {@code retake} and, when staff start it
 * from a lead, {@code staff} naming them. A link on a result page holds one for
 * {@link #PROSPECT_LIFETIME}; staff start theirs on the spot, so it lives
 * {@link #STAFF_LIFETIME}.
 */
@Component
public class RetakeReferences {

	static final String AUDIENCE = "assessment-service";

	static final String PURPOSE = "retake";

	/**
	 * How long a result page's retake link works; a page shown again gets a fresh one
	 * once a day.
	 */
	public static final Duration PROSPECT_LIFETIME = Duration.ofDays(7);

	/** How long a retake that staff start with the prospect can take to submit. */
	public static final Duration STAFF_LIFETIME = Duration.ofHours(12);

	private final ServiceTokens tokens;

	private final Cache<UUID, String> links = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofDays(1))
		.build();

	RetakeReferences(ServiceTokens tokens) {
		this.tokens = tokens;
	}

	/** The reference behind a result page's "Retake with changes" link. */
	public String forResult(UUID submissionId) {
		return links.get(submissionId, (id) -> sign(id, null, PROSPECT_LIFETIME));
	}

	/**
	 * A reference for staff taking a retake of {@code submissionId} with the prospect.
	 */
	public String forStaff(UUID submissionId, String staff) {
		return sign(submissionId, staff, STAFF_LIFETIME);
	}

	/** What a reference refers to, if this gateway signed it and it has not expired. */
	public Optional<Reference> read(String reference) {
		return tokens.readReference(reference)
			.filter((claims) -> PURPOSE.equals(claims.get("purpose")))
			.flatMap((claims) -> {
				try {
					Object staff = claims.get("staff");
					return Optional.of(new Reference(UUID.fromString(String.valueOf(claims.get("sub"))),
							(staff instanceof String name && !name.isBlank()) ? name : null, reference));
				}
				catch (IllegalArgumentException ex) {
					return Optional.empty();
				}
			});
	}

	private String sign(UUID submissionId, String staff, Duration lifetime) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("purpose", PURPOSE);
		if (staff != null) {
			claims.put("staff", staff);
		}
		return tokens.signReference(AUDIENCE, submissionId.toString(), claims, lifetime);
	}

	/**
	 * @param submissionId the submission the retake starts from
	 * @param staff the staff member taking it with the prospect, or {@code null}
	 * @param value the reference itself, as the submission carries it
	 */
	public record Reference(UUID submissionId, String staff, String value) {

		public boolean staffAssisted() {
			return staff != null;
		}

	}

}
