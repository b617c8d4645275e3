package com.northbeam.gateway.assessment;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the assessment wizard, its bot defences and the submission forwarder behave.
 *
 * @param minimumFillTime a wizard finished faster than this is taken for a bot
 * @param draftLifetime how long an unfinished assessment is kept
 * @param rateLimit how many form posts one client may make
 * @param forwarder how queued submissions are forwarded to assessment-service
 * @param contactStep whether the contact step comes before the result (every finished
 * assessment is a lead) or after it (the result first; a lead only when the prospect then
 * leaves contact details)
 * @param retention how long queued requests are kept once they are done with
 * @param resultCache how many fresh results the gateway keeps in memory for their result
 * pages
 */
@Validated
@ConfigurationProperties("gateway.assessment")
public record AssessmentProperties(@NotNull @DefaultValue("5s") Duration minimumFillTime,
		@NotNull @DefaultValue("24h") Duration draftLifetime, @Valid @NotNull @DefaultValue RateLimit rateLimit,
		@Valid @NotNull @DefaultValue Forwarder forwarder, @NotNull @DefaultValue("before") ContactStep contactStep,
		@Valid @NotNull @DefaultValue Retention retention, @Valid @NotNull @DefaultValue ResultCache resultCache) {

	/** Where the wizard asks for contact details. */
	public enum ContactStep {

		/** As the last step of the wizard, before the result. */
		BEFORE,

		/** On the result page, after the result. */
		AFTER

	}

	boolean contactAfterResult() {
		return contactStep == ContactStep.AFTER;
	}

	/**
	 * Posts per client address to the wizard and the JSON API, counted in fixed windows
	 * shared by every replica.
	 *
	 * @param capacity posts in one window before a submission is quarantined
	 * @param refillPeriod the length of a window
	 * @param hardCapacity posts in one window before posts are refused with 429
	 */
	public record RateLimit(@Min(1) @DefaultValue("60") int capacity,
			@NotNull @DefaultValue("10m") Duration refillPeriod, @Min(1) @DefaultValue("240") int hardCapacity) {
	}

	/**
	 * A queued request loses its payload (answers and contact details) once delivered;
	 * what is left, and a request the service refused for good, is deleted after these
	 * periods.
	 *
	 * @param delivered how long the row of a delivered request stays (id, kind,
	 * submission, timestamps)
	 * @param failed how long a refused request stays, payload and error included, for
	 * staff to look into
	 */
	public record Retention(@NotNull @DefaultValue("P7D") Duration delivered,
			@NotNull @DefaultValue("P30D") Duration failed) {
	}

	/**
	 * @param interval pause between forwarding rounds
	 * @param batchSize requests claimed per round
	 * @param initialBackoff wait after the first failed attempt, doubled after each
	 * further one
	 * @param maximumBackoff the longest wait between attempts
	 * @param lease how long a claimed request is reserved for the replica that claimed it
	 */
	public record Forwarder(@NotNull @DefaultValue("5s") Duration interval, @Min(1) @DefaultValue("25") int batchSize,
			@NotNull @DefaultValue("5s") Duration initialBackoff, @NotNull @DefaultValue("5m") Duration maximumBackoff,
			@NotNull @DefaultValue("2m") Duration lease) {
	}

	/**
	 * Results just made or just read, kept so that the result page shown right after a
	 * submission, and shown again soon after, needs no call to assessment-service. Each
	 * entry holds a whole result (factors, cost items, texts: about 13 KB of heap), so
	 * the count bounds the memory: 1,000 entries are about 13 MB.
	 *
	 * @param size the most results kept
	 * @param lifetime how long a result is kept after it was stored
	 */
	public record ResultCache(@Min(0) @DefaultValue("1000") int size, @NotNull @DefaultValue("10m") Duration lifetime) {
	}

}
