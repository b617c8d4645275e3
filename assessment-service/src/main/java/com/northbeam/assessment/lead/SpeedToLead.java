package com.northbeam.assessment.lead;

import java.time.Instant;

import com.northbeam.assessment.responsetarget.ResponseTarget;

/**
 * Where a lead stands against the response target now: while nobody has contacted it, how
 * long it has waited (working time) and whether that is past the target.
 *
 * @param waitingSeconds the working time waited so far, {@code null} once contacted
 * @param overdue whether it still waits and arrived at or before the target's cutoff
 */
record SpeedToLead(Long waitingSeconds, boolean overdue) {

	static SpeedToLead of(Instant createdAt, Instant firstContactAt, ResponseTarget target, Instant overdueCutoff,
			Instant now) {
		if (firstContactAt != null) {
			return new SpeedToLead(null, false);
		}
		return new SpeedToLead(target.waited(createdAt, now).toSeconds(), !createdAt.isAfter(overdueCutoff));
	}

}
