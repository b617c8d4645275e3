package com.northbeam.assessment.responsetarget;

import java.time.Duration;
import java.time.Instant;

/**
 * One stored version of the response target: how much working time a new lead may wait
 * for its first contact, the working hours that count, who set it and when.
 *
 * @param version 1 is the one shipped (an hour, Monday to Friday 09:00 to 17:00, UTC)
 * @param minutes the working minutes a lead may wait
 * @param hours the working hours the wait is counted in
 * @param createdAt when this version was saved
 * @param createdBy who saved it
 */
public record ResponseTarget(int version, int minutes, BusinessHours hours, Instant createdAt, String createdBy) {

	/** The longest target an admin may set: a week of minutes. */
	public static final int MAX_MINUTES = 7 * 24 * 60;

	public Duration target() {
		return Duration.ofMinutes(this.minutes);
	}

	/**
	 * How long a lead that arrived at {@code arrived} has waited by {@code now}, in
	 * working time.
	 */
	public Duration waited(Instant arrived, Instant now) {
		return this.hours.between(arrived, now);
	}

	/**
	 * The latest arrival that is overdue at {@code now}: a lead still waiting is overdue
	 * when it arrived at or before this instant, so one comparison decides it in SQL as
	 * in code.
	 */
	public Instant overdueCutoff(Instant now) {
		return this.hours.before(now, target());
	}

}
