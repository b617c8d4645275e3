package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.client.FunnelEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The JSON API's timing check, the counterpart of the wizard's: a client starts an
 * assessment ({@code POST /api/v1/assessment/starts}) and gets a start token
 * ({@link StartTokens}); its submission carries the token back. A submission whose start
 * is younger than {@code gateway.assessment.minimum-fill-time} is
 * {@link Screening#TOO_FAST}; one with no start this site issued and that is still its
 * own (none, a forged or changed one, an expired one, or one another submission already
 * used) is {@link Screening#NO_START}, since a bot that skips the start must not skip the
 * check. Either way the submission is quarantined and the client gets the same answer.
 */
@Component
class ApiStarts {

	private static final Logger log = LoggerFactory.getLogger(ApiStarts.class);

	private final StartTokens tokens;

	private final ApiStartRepository starts;

	private final FunnelEvents funnel;

	private final Duration minimum;

	private final Clock clock;

	ApiStarts(StartTokens tokens, ApiStartRepository starts, FunnelEvents funnel, AssessmentProperties properties,
			Clock clock) {
		this.tokens = tokens;
		this.starts = starts;
		this.funnel = funnel;
		this.minimum = properties.minimumFillTime();
		this.clock = clock;
	}

	/**
	 * What the check found, and the start the submission holds (to give back if refused).
	 */
	record Check(List<String> reasons, UUID startId, UUID submissionId) {

		static Check noStart(String why, UUID submissionId) {
			log.debug("API submission {} has no start of its own ({}); it will be quarantined", submissionId, why);
			return new Check(List.of(Screening.NO_START), null, submissionId);
		}

	}

	/**
	 * A new start token, issued now: a start for the funnel, as the wizard counts its own
	 * when a draft begins. Counted here, once per token, so a submission sent again with
	 * its token counts no second start.
	 */
	Issued issue() {
		Instant now = clock.instant();
		Issued issued = new Issued(tokens.issue(now), tokens.expiry(now));
		funnel.apiStarted();
		return issued;
	}

	record Issued(String token, Instant expiresAt) {
	}

	/**
	 * Checks the start token of a submission and claims the start for it; the same
	 * submission sent again may claim it again.
	 */
	Check check(String token, UUID submissionId) {
		Instant now = clock.instant();
		StartTokens.Reading reading = tokens.read(token, now);
		if (!(reading instanceof StartTokens.Reading.Valid start)) {
			return Check.noStart(reading.getClass().getSimpleName(), submissionId);
		}
		UUID holder = starts.claim(start.startId(), submissionId, start.expiresAt());
		if (!holder.equals(submissionId)) {
			return Check.noStart("used by another submission", submissionId);
		}
		Duration taken = Duration.between(start.startedAt(), now);
		if (taken.compareTo(minimum) < 0) {
			log.info("API submission {} came {} ms after its start, faster than a person can; it will be quarantined",
					submissionId, taken.toMillis());
			return new Check(List.of(Screening.TOO_FAST), start.startId(), submissionId);
		}
		return new Check(List.of(), start.startId(), submissionId);
	}

	/** The submission was refused and stored nowhere: its start may be used again. */
	void release(Check check) {
		if (check.startId() != null) {
			starts.release(check.startId(), check.submissionId());
		}
	}

	/**
	 * Forgets the starts whose tokens have expired (an expired token is no start anyway).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetExpired() {
		starts.deleteExpired(clock.instant());
	}

}
