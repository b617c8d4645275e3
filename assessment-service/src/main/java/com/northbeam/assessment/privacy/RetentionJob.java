package com.northbeam.assessment.privacy;

import java.time.Clock;
import java.time.Instant;

import com.northbeam.assessment.lead.LeadPrivacy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the personal data of leads untouched for longer than
 * {@code assessment.privacy.retention}. Several replicas may run it at once: each batch
 * locks its leads with {@code FOR UPDATE SKIP LOCKED}, so no lead is erased twice and no
 * replica waits for another.
 */
@Component
class RetentionJob {

	static final String ACTOR = "system:retention";

	private static final Logger logger = LoggerFactory.getLogger(RetentionJob.class);

	private final LeadPrivacy leads;

	private final PrivacyProperties properties;

	private final Clock clock;

	RetentionJob(LeadPrivacy leads, PrivacyProperties properties, Clock clock) {
		this.leads = leads;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${assessment.privacy.retention-check:PT1H}", initialDelayString = "PT1M")
	void scheduled() {
		int erased = run();
		if (erased > 0) {
			logger.info("Retention: erased the personal data of {} untouched lead(s)", erased);
		}
	}

	/**
	 * Erases every lead untouched since now minus the retention period; returns how many.
	 */
	int run() {
		Instant now = this.clock.instant();
		Instant cutoff = now.minus(this.properties.retention());
		int total = 0;
		int erased;
		do {
			erased = this.leads.eraseUntouched(cutoff, this.properties.retentionBatch(), ACTOR, now);
			total += erased;
		}
		while (erased == this.properties.retentionBatch());
		return total;
	}

}
