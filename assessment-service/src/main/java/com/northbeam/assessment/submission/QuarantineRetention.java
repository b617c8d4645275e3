package com.northbeam.assessment.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties the quarantine of submissions that waited longer than
 * {@code assessment.screening.quarantine-retention}: their contact details are discarded.
 * Replicas may run it at once; each submission is locked while it is discarded, and one
 * already discarded is skipped.
 */
@Component
class QuarantineRetention {

	static final String ACTOR = "system:quarantine-retention";

	private static final Logger logger = LoggerFactory.getLogger(QuarantineRetention.class);

	private final Quarantine quarantine;

	QuarantineRetention(Quarantine quarantine) {
		this.quarantine = quarantine;
	}

	@Scheduled(fixedDelayString = "${assessment.screening.retention-check:PT1H}", initialDelayString = "PT1M")
	void scheduled() {
		int discarded = run();
		if (discarded > 0) {
			logger.info("Quarantine retention: discarded {} submission(s) nobody decided on", discarded);
		}
	}

	int run() {
		return this.quarantine.discardExpired(ACTOR);
	}

}
