package com.northbeam.gateway.assessment;

/**
 * The codes of what the gateway sees that looks automated, sent with a submission so
 * assessment-service quarantines it instead of making a lead. The visitor sees nothing
 * different.
 */
final class Screening {

	/** The hidden field people never see was filled in. */
	static final String HONEYPOT = "honeypot";

	/** Finished faster than {@code gateway.assessment.minimum-fill-time}. */
	static final String TOO_FAST = "too_fast";

	/** Posted by a client over its rate limit ({@link PostRateLimit}). */
	static final String RATE_LIMIT = "rate_limit";

	/**
	 * A JSON API submission without a start of its own ({@link ApiStarts}): no start
	 * token, one this site did not sign, an expired one, or one another submission used.
	 */
	static final String NO_START = "no_start";

	private Screening() {
	}

}
